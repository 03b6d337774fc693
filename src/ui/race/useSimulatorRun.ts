import { useCallback, useMemo, useRef, useState } from 'react';
import { result, type Scenario, type Simulation, settle } from '../../core';
import type { RunView } from '../runView';
import { playbackStops } from '../stops';
import { type LiveRun, useRun } from '../useRun';
import { replayPicks } from './learnerRun';
import { useRaceStore } from './raceStore';

interface Learner {
  key: string;
  sim: Simulation;
}

/**
 * The learner's live simulation, replayed from `picks` whenever the scenario or the picks
 * change. Null when off. Operator actions act on it in place, like `useRun`'s.
 */
function useLearnerRun(scenario: Scenario | null, picks: readonly number[], cursor: number, warnings: string[]): LiveRun | null {
  const key = scenario ? JSON.stringify([scenario, picks]) : '';
  const ref = useRef<Learner | null>(null);
  if (scenario && ref.current?.key !== key) ref.current = { key, sim: replayPicks(scenario, picks) };
  if (!scenario) ref.current = null;
  const sim = ref.current?.sim ?? null;
  const [version, setVersion] = useState(0);

  const operator = useCallback((sagaIndex: number, action: 'retry' | 'resolve') => {
    const live = ref.current?.sim;
    if (!live?.operator(sagaIndex, action)) return false;
    live.runUntilBlocked();
    settle(live);
    setVersion((v) => v + 1);
    return true;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks the in-place growth of sim.trace
  const snapshot = useMemo(() => (sim ? result(sim) : null), [sim, version]);
  const stops = useMemo(() => (snapshot ? playbackStops(snapshot.trace) : []), [snapshot]);
  const shown = snapshot ? Math.min(Math.max(stops[0], cursor), snapshot.trace.length) : 0;
  const run = useMemo<RunView | null>(() => (sim && snapshot ? { scenario: sim.scenario, trace: snapshot.trace, cursor: shown } : null), [sim, snapshot, shown]);
  if (!sim || !snapshot || !run) return null;
  return { run, stops, result: snapshot, sim, warnings, operator };
}

/**
 * The run every main panel shows. Normally `useRun(scenario)` (the seeded scheduler, or
 * `scenario.schedule` replayed); in "You are the scheduler" mode with several buyers, the
 * learner's simulation, stopped at the next choice point. Either way one trace feeds the
 * board, timeline, narration and invariants.
 */
export function useSimulatorRun(scenario: Partial<Scenario>, cursor: number): LiveRun {
  const normal = useRun(scenario, cursor);
  const mode = useRaceStore((s) => s.mode);
  const picks = useRaceStore((s) => s.picks);
  // The scenario as the normal run resolved it: defaults applied, rejected fields already set aside.
  const resolved = normal.sim.scenario;
  const learnerOn = mode === 'learner' && resolved.buyers > 1;
  const learner = useLearnerRun(learnerOn ? resolved : null, picks, cursor, normal.warnings);
  return learner ?? normal;
}
