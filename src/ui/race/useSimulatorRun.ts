import type { Scenario } from '../../core';
import { type LiveRun, useLiveRun, useRun } from '../useRun';
import { replayPicks } from './learnerRun';
import { useRaceStore } from './raceStore';

/**
 * The run every main panel shows. Normally `useRun(scenario)` (the seeded scheduler, or
 * `scenario.schedule` replayed); in "You are the scheduler" mode with several buyers, the
 * learner's simulation, replayed from the picks and stopped at the next choice point. Either
 * way one trace feeds the board, timeline, narration and invariants.
 */
export function useSimulatorRun(scenario: Partial<Scenario>): LiveRun {
  const normal = useRun(scenario);
  const mode = useRaceStore((s) => s.mode);
  const picks = useRaceStore((s) => s.picks);
  // The scenario as the normal run resolved it: defaults applied, rejected fields already set aside.
  const resolved = normal.sim.scenario;
  const learnerOn = mode === 'learner' && resolved.buyers > 1;
  const learner = useLiveRun(learnerOn ? JSON.stringify([resolved, picks]) : '', learnerOn ? () => ({ sim: replayPicks(resolved, picks), warnings: normal.warnings }) : null);
  return learner ?? normal;
}
