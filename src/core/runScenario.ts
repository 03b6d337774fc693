import { resolveScenario } from './scenario';
import { type Scheduler, Simulation } from './simulation';
import type { RunResult, Scenario } from './types';

/**
 * Creates a live simulation of a scenario (defaults applied, bad values rejected with a
 * {@link ScenarioError} naming the field). Step it, let a learner choose at choice points,
 * send operator actions, and read `result(sim)` at any time.
 */
export function createSimulation(scenario: Partial<Scenario> = {}, options: { scheduler?: Scheduler; trace?: boolean } = {}): Simulation {
  return new Simulation(resolveScenario(scenario), options);
}

/**
 * Marks sagas that will not move again: a saga still mid-flight when nothing is left to
 * happen is `stuck`; a choreography's outcome is read off the tables. Idempotent.
 */
export function settle(sim: Simulation): void {
  sim.settle();
}

/** The run as it stands: outcome, trace, databases, invariant violations and alerts. */
export function result(sim: Simulation): RunResult {
  return sim.result();
}

/**
 * Runs a scenario to the end and returns the finished run. Pure: the same scenario
 * (and seed) always gives a byte-identical trace.
 *
 * @example
 * const run = runScenario({ failAt: 'warehouse' });
 * run.outcome; // 'compensated'
 */
export function runScenario(scenario: Partial<Scenario> = {}): RunResult {
  const sim = createSimulation(scenario);
  sim.runUntilBlocked();
  sim.settle();
  return sim.result();
}

/**
 * A run (or any value holding retry policies) as JSON: `Infinity` — which JSON cannot
 * hold — is written as the string `"Infinity"`, which every scenario field accepts back.
 */
export function serializeRun(value: unknown, indent = 2): string {
  return JSON.stringify(value, (_key, v) => (v === Number.POSITIVE_INFINITY ? 'Infinity' : v), indent);
}
