import { useCallback, useMemo, useRef, useState } from 'react';
import { createSimulation, type RunResult, result, type Scenario, ScenarioError, type Simulation, settle } from '../core';
import type { RunView } from './runView';
import { playbackStops } from './stops';

/** What the app reads from a live run. */
export interface LiveRun {
  /** What every panel renders: scenario, trace so far, cursor. */
  run: RunView;
  /** Cursor positions playback stops at (see `playbackStops`). */
  stops: number[];
  /** The run as it stands (outcome, databases, violations, alerts) at the end of the trace. */
  result: RunResult;
  /** The live simulation; send it events only through `operator`. */
  sim: Simulation;
  /** The scenario problems that were set aside (a visible warning, never a blank page). */
  warnings: string[];
  /** An operator acts on a saga waiting in needs-attention; the trace grows. False when it was not waiting. */
  operator: (sagaIndex: number, action: 'retry' | 'resolve') => boolean;
}

interface Live {
  key: string;
  sim: Simulation;
  warnings: string[];
}

/** The top-level field a ScenarioError names ("retry.maxAttempts must …" → "retry"). */
const fieldOf = (message: string): string => message.split(/[\s.]/, 1)[0];

/**
 * Creates the simulation, setting aside each field the core rejects (and saying so), so a
 * bad value falls back to its default instead of breaking the page.
 */
function createSafely(scenario: Partial<Scenario>): { sim: Simulation; warnings: string[] } {
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

function start(scenario: Partial<Scenario>, key: string): Live {
  const { sim, warnings } = createSafely(scenario);
  sim.runUntilBlocked();
  settle(sim);
  return { key, sim, warnings };
}

/**
 * The live run for a scenario: created and run to where it blocks (the finished run, or a
 * saga waiting for an operator), kept in a ref, re-created when the scenario changes.
 * `cursor` is how much of the trace the learner has been shown.
 */
export function useRun(scenario: Partial<Scenario>, cursor: number): LiveRun {
  const key = JSON.stringify(scenario);
  const ref = useRef<Live | null>(null);
  if (ref.current === null || ref.current.key !== key) ref.current = start(scenario, key);
  const live = ref.current;
  // The simulation mutates in place; the version says when its trace grew.
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
  const snapshot = useMemo(() => result(live.sim), [live.sim, version]);
  const stops = useMemo(() => playbackStops(snapshot.trace), [snapshot]);
  // Never before the first stop: the stock exists before anyone orders.
  const shown = Math.min(Math.max(stops[0], cursor), snapshot.trace.length);
  const run = useMemo<RunView>(() => ({ scenario: live.sim.scenario, trace: snapshot.trace, cursor: shown }), [live.sim, snapshot, shown]);
  return { run, stops, result: snapshot, sim: live.sim, warnings: live.warnings, operator };
}
