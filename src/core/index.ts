/**
 * Saga Simulator core: a pure, deterministic simulation of the saga pattern.
 * No React, no DOM, no wall clock, no Math.random — same scenario, same trace.
 *
 * @example
 * import { runScenario } from './core';
 * const run = runScenario({ failAt: 'payment', seed: 7 });
 * run.outcome;                  // 'compensated'
 * run.databases.payments.rows;  // the ledger: no charge was made
 */

export type { Alert, CrashPoint, Databases, DefinitionName, Outcome, RetryPolicy, Row, RunResult, Scenario, StepId, Table, TableName, TraceEvent, Violation } from './types';
/** All step ids in forward order. */
export { STEP_IDS } from './types';
/** Run a scenario to the end; create a live simulation; settle and read a live simulation. */
export { createSimulation, result, runScenario, settle } from './runScenario';
/** The simulation kernel, its choices and step results. */
export { type Choice, RESTART_DELAY_MS, type Scheduler, Simulation, type StepResult } from './simulation';
/** Scenario defaults, validation, and the item and price every buyer sees. */
export { DEFAULT_SCENARIO, ITEM, PRICE, resolveScenario, ScenarioError } from './scenario';
/** Saga definitions as data, and their validation. */
export { definitions, orderSaga, orderSagaWithPivot, type SagaDefinition, type SagaStep, type StepKind, validateDefinition } from './sagaDefinition';
/** The orchestrator statechart, built from a definition. */
export { createOrchestratorMachine, type OrchestratorMachine } from './orchestratorMachine';
/** Retry policy defaults and the delays a policy produces. */
export { backoffDelay, DEFAULT_RETRY_POLICY, previewDelays, resolveRetryPolicy } from './retryPolicy';
/** The invariants (consistency oracle). */
export { checkInvariants, INVARIANTS } from './invariants';
/** Tables at any point of a trace. */
export { asDatabases, tablesAt } from './tables';
/** One plain-words sentence per trace event. */
export { type NarrationContext, narrate, QUIET_EVENTS } from './narrate';
/** Every interleaving of concurrent sagas, with a shortest counterexample. */
export { type ExploreResult, exploreInterleavings, InterleavingExplorer } from './explorer';
