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

export type { Alert, CrashPoint, Databases, DefinitionName, Outcome, RetryPolicy, Row, RunResult, Scenario, StepId, Table, TableName, Violation } from './types';
/** The trace: a discriminated union of events by `type`. */
export type { CallAction, TraceEvent, TraceEventOf, TraceEventType } from './traceEvents';
/** The order saga's step ids in forward order. */
export { STEP_IDS } from './types';
/** Run a scenario to the end; create a live simulation; settle and read a live simulation; serialise a run. */
export { createSimulation, result, runScenario, serializeRun, settle } from './runScenario';
/** A live simulation, its choices and step results. */
export { type Choice, RESTART_DELAY_MS, type Scheduler, Simulation, type StepResult } from './simulation';
/** The event budget that bounds every run. */
export { EVENT_BUDGET } from './kernel/kernel';
/** Scenario defaults, validation, and the item and price every buyer sees. */
export { DEFAULT_SCENARIO, ITEM, PRICE, resolveScenario, ScenarioError } from './scenario';
/** Every scenario field once (type, range, default, description, CLI flag): validation, CLI and URL derive from it. */
export { type FieldType, MAX_FAULT_COUNT, MAX_SERVICE_DELAY_MS, SCENARIO_FIELDS, type ScenarioField } from './scenarioFields';
/** Saga definitions as plain JSON data, their validation, and the built-ins (order, order-with-pivot, trip). */
export type { SagaDefinition, SagaDefinitionJson, SagaStep, SagaStepJson, StepKind } from './definitions/definition';
export { BUILT_IN_DEFINITIONS, DEFINITION_NAMES } from './definitions/builtins';
export { resolveDefinition } from './definitions';
export { type DefinitionProblem, definitionProblems, MAX_STEPS } from './definitions/validate';
export { definitionJsonSchema } from './definitions/jsonSchema';
/** The orchestrator statechart, built from a definition. */
export { createOrchestratorMachine, type OrchestratorMachine } from './coordinators/orchestratorMachine';
/** Retry policy defaults, limits and the delays a policy produces. */
export { backoffDelay, checkRetryPolicy, DEFAULT_RETRY_POLICY, MAX_INTERVAL_MS, previewDelays, resolveRetryPolicy } from './retryPolicy';
/** The invariants (consistency oracle). */
export { checkInvariants, GENERIC_INVARIANTS, type Invariant, INVARIANTS, invariantsFor } from './invariants';
/** Tables at any point of a trace. */
export { asDatabases, tablesAt } from './tables';
/** One plain-words sentence per trace event. */
export { type NarrationContext, narrate, QUIET_EVENTS } from './narrate';
/** Every interleaving of concurrent sagas, with a shortest counterexample. */
export { type ExploreResult, exploreInterleavings, InterleavingExplorer } from './explorer';
/** Every single fault of a definition × keys off/on × orchestration/choreography, each cell a replayable run. */
export {
  FAULT_LABELS,
  type FaultKind,
  failureMatrix,
  MATRIX_COLUMNS,
  type MatrixCell,
  type MatrixColumn,
  type MatrixMode,
  type MatrixOptions,
  type MatrixRow,
  type MatrixSummary,
  matrixRows,
  retriesOf,
  summarizeMatrix,
  summarySentence,
  type Verdict,
  verdictOf,
} from './matrix/failureMatrix';
/** The same saga as Step Functions (ASL), Temporal, Durable Functions and hand-rolled code. */
export { type CodeAnchor, type CodeFile, ENGINE_TITLES, ENGINES, type Engine, exportCode, type ExportDefinition, type ExportOptions, toAslRetry, toDurableRetry, toTemporalRetry } from './engines';
