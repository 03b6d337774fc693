import { create } from 'zustand';
import type { Scenario } from '../core';
import { ALL_PANELS, type PageId, type PanelId } from '../embed/viewOptions';

/** Playback speeds the learner can pick (multiples of one story stop per 900 ms). */
export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

/** Panels a link can show or hide (the embed may pin a subset): one list, shared with the URL schema. */
export { ALL_PANELS, type PanelId } from '../embed/viewOptions';

/**
 * One run, choreography and orchestration of the same scenario side by side, the failure matrix, the
 * run's trace waterfall, or the course summary: the pages a link's `view` names (one list).
 */
export type ViewId = PageId;

/**
 * UI-only state: what the learner asked for (the scenario's inputs), how far the run is
 * revealed, how fast it plays, which panels show. The simulation itself lives in
 * `useRun`'s ref and its trace; nothing here copies it.
 */
export interface UiState {
  /** The learner's choices; the run is a pure function of these. */
  scenario: Partial<Scenario>;
  speed: Speed;
  playing: boolean;
  /** Number of trace events revealed (side by side: the index of the shared stop, see `lockstepStops`). */
  cursor: number;
  /** The learner is dragging the scrubber (pointer held on it): panels may follow at a slower pace, see `usePanelRun`. */
  scrubbing: boolean;
  panels: readonly PanelId[];
  view: ViewId;
  /** New inputs make a new run, shown from its start. */
  setScenario: (scenario: Partial<Scenario>) => void;
  setSpeed: (speed: Speed) => void;
  setPlaying: (playing: boolean) => void;
  setCursor: (cursor: number) => void;
  setScrubbing: (scrubbing: boolean) => void;
  setPanels: (panels: readonly PanelId[]) => void;
  /** Another view reads the cursor differently: it starts from the beginning. */
  setView: (view: ViewId) => void;
  /** Back to a fresh start: default scenario, cursor 0, paused. */
  reset: () => void;
}

const initial = { scenario: {}, speed: 1 as Speed, playing: false, cursor: 0, scrubbing: false, panels: ALL_PANELS, view: 'single' as ViewId };

export const useUiStore = create<UiState>()((set) => ({
  ...initial,
  setScenario: (scenario) => set({ scenario, cursor: 0, playing: false }),
  setSpeed: (speed) => set({ speed }),
  setPlaying: (playing) => set({ playing }),
  setCursor: (cursor) => set({ cursor: Math.max(0, Math.floor(cursor)) }),
  setScrubbing: (scrubbing) => set({ scrubbing }),
  setPanels: (panels) => set({ panels }),
  setView: (view) => set({ view, cursor: 0, playing: false }),
  reset: () => set(initial),
}));
