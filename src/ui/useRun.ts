import { useCallback, useMemo, useRef, useState } from 'react';
import { createSimulation, type RunResult, result, type Scenario, ScenarioError, type Simulation, settle } from '../core';
import type { RunView } from './runView';
import { playbackStops } from './stops';

/** A live run: made from a scenario, independent of how much of it the learner has been shown. */
export interface LiveRun {
  /** The run as it stands (outcome, trace, databases, violations, alerts) at the end of the trace. */
  result: RunResult;
  /** Cursor positions playback stops at (see `playbackStops`). */
  stops: number[];
  /** The live simulation; send it events only through `operator`. */
  sim: Simulation;
  /** The scenario problems that were set aside (a visible warning, never a blank page). */
  warnings: string[];
  /** An operator acts on a saga waiting in needs-attention; the trace grows. False when it was not waiting. */
  operator: (sagaIndex: number, action: 'retry' | 'resolve') => boolean;
}

/** A simulation run to where it blocks, and the warnings met making it. */
export interface Made {
  sim: Simulation;
  warnings: string[];
}

/** The top-level field a ScenarioError names ("retry.maxAttempts must …" → "retry"). */
const fieldOf = (message: string): string => message.split(/[\s.]/, 1)[0];

/**
 * Creates the simulation, setting aside each field the core rejects (and saying so), so a
 * bad value falls back to its default instead of breaking the page.
 */
function createSafely(scenario: Partial<Scenario>): Made {
  let attempt: Partial<Scenario> = { ...scenario };
  const warnings: string[] = [];
  for (let i = 0; i < 20; i++) {
    try {
      return { sim: createSimulation(attempt), warnings };
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      const field = fieldOf(err.message) as keyof Scenario;
      warnings.push(`${err.message} — using the default instead.`);
      if (!(field in attempt)) break;
      const { [field]: _dropped, ...rest } = attempt;
      attempt = rest;
    }
  }
  return { sim: createSimulation({}), warnings: [...warnings, 'Using the default scenario.'] };
}

/** The seeded (or `scenario.schedule`-replayed) run of a scenario, to where it blocks. */
export function makeRun(scenario: Partial<Scenario>): Made {
  const made = createSafely(scenario);
  made.sim.runUntilBlocked();
  settle(made.sim);
  return made;
}

/**
 * The one live-run hook: makes the run when `key` changes (null `make`: no run), keeps it in a
 * ref, and lets an operator act on it in place (the version says when its trace grew).
 */
export function useLiveRun(key: string, make: (() => Made) | null): LiveRun | null {
  const ref = useRef<(Made & { key: string }) | null>(null);
  if (!make) ref.current = null;
  else if (ref.current?.key !== key) ref.current = { key, ...make() };
  const made = ref.current;
  const [version, setVersion] = useState(0);

  const operator = useCallback((sagaIndex: number, action: 'retry' | 'resolve') => {
    const sim = ref.current?.sim;
    if (!sim?.operator(sagaIndex, action)) return false;
    sim.runUntilBlocked();
    settle(sim);
    setVersion((v) => v + 1);
    return true;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version marks the in-place growth of sim.trace
  const snapshot = useMemo(() => (made ? result(made.sim) : null), [made?.sim, version]);
  const stops = useMemo(() => (snapshot ? playbackStops(snapshot.trace) : []), [snapshot]);
  return useMemo(() => (made && snapshot ? { result: snapshot, stops, sim: made.sim, warnings: made.warnings, operator } : null), [made, snapshot, stops, operator]);
}

/** The live run of a scenario (re-made when the scenario changes). */
export function useRun(scenario: Partial<Scenario>): LiveRun {
  return useLiveRun(JSON.stringify(scenario), () => makeRun(scenario)) as LiveRun;
}

/** What every panel renders: the live run revealed up to `cursor`, never before its first stop. */
export function useRunView(live: LiveRun, cursor: number): RunView {
  const { trace } = live.result;
  // Never before the first stop: the stock exists before anyone orders.
  const shown = Math.min(Math.max(live.stops[0] ?? 0, cursor), trace.length);
  return useMemo(() => ({ scenario: live.sim.scenario, trace, cursor: shown }), [live.sim, trace, shown]);
}
