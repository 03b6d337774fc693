import { checkInvariants } from './invariants';
import { resolveScenario } from './scenario';
import { type Scheduler, Simulation } from './simulation';
import { asDatabases } from './tables';
import type { Alert, RunResult, Scenario, StepId } from './types';

/**
 * Creates a live simulation of a scenario (defaults applied, bad values rejected with a
 * clear message). Step it, let a learner choose at choice points, send operator actions,
 * and read `result(sim)` at any time.
 */
export function createSimulation(scenario: Partial<Scenario> = {}, options: { scheduler?: Scheduler; trace?: boolean } = {}): Simulation {
  return new Simulation(resolveScenario(scenario), options);
}

/**
 * Marks sagas that will not move again: a saga still mid-flight when nothing is left to
 * happen is `stuck`; a choreography's outcome is read off the tables. Idempotent.
 */
export function settle(sim: Simulation): void {
  if (!sim.idle) return;
  for (const o of sim.outcomes()) {
    const observed = sim.scenario.mode === 'choreography' || o.outcome === 'stuck';
    if (!observed || sim.state.counters[`settled:${o.id}:${o.outcome}`]) continue;
    sim.bump(`settled:${o.id}:${o.outcome}`);
    sim.record(o.id, `saga.${o.outcome}`, { observed: true });
  }
}

/** The run as it stands: outcome, trace, databases, invariant violations and alerts. */
export function result(sim: Simulation): RunResult {
  const databases = asDatabases(sim.state.tables);
  const sagas = sim.outcomes();
  const alerts: Alert[] = sim.trace
    .filter((e) => e.type === 'alert.raised')
    .map((e) => ({ saga: e.saga, step: e.step as StepId | undefined, message: String(e.message) }));
  return {
    outcome: sagas[0].outcome,
    sagas,
    trace: [...sim.trace],
    databases,
    violations: checkInvariants(databases, sim.idle),
    alerts,
    scenario: sim.scenario,
    schedule: [...sim.state.decisions],
  };
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
  settle(sim);
  return result(sim);
}
