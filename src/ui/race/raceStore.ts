import { create } from 'zustand';

/** Who decides, at a choice point, which buyer's saga moves next. */
export type SchedulerMode = 'seeded' | 'learner' | 'explore';

/**
 * UI-only state of the race: which scheduler mode the learner picked and, in learner mode,
 * the picks made so far (saga indexes, one per choice point). The run itself is a pure
 * function of the scenario and these picks; nothing here copies the simulation.
 */
export interface RaceState {
  mode: SchedulerMode;
  /** The learner's decisions, oldest first (what `Scenario.schedule` would hold). */
  picks: readonly number[];
  setMode: (mode: SchedulerMode) => void;
  setPicks: (picks: readonly number[]) => void;
}

export const useRaceStore = create<RaceState>()((set) => ({
  mode: 'seeded',
  picks: [],
  setMode: (mode) => set({ mode }),
  setPicks: (picks) => set({ picks }),
}));
