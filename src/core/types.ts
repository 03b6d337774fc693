/**
 * The public vocabulary of the simulator: scenarios in, runs out.
 * Everything here is plain data, so a run can be serialised, shared and replayed.
 */
import type { RetryPolicy, Row, StepId } from './basics';
import type { SagaDefinitionJson } from './definitions/definition';
import type { TraceEvent } from './traceEvents';

export type { RetryPolicy, Row, StepId } from './basics';
export type { TraceEvent } from './traceEvents';

/** The order saga's step ids, in forward order. */
export const STEP_IDS: readonly StepId[] = ['inventory', 'order', 'payment', 'warehouse', 'delivery'];

/** How a saga ended (or, for `stuck`, stopped moving). */
export type Outcome = 'completed' | 'compensated' | 'needs-attention' | 'stuck';

/** Where the orchestrator crashes: just before calling the step, or after the service committed it. */
export interface CrashPoint {
  step: StepId;
  when: 'before-call' | 'after-commit';
  /** Crash on this step's forward action (default) or on its compensation. */
  phase?: 'forward' | 'compensation';
}

/** The built-in saga definitions. */
export type DefinitionName = 'order' | 'order-with-pivot' | 'trip';

/**
 * Everything that decides a run. Same scenario → byte-identical trace.
 * Every fault knob (`failAt`, `lostResponses`, `compensationFailures`, `dropEvent`, `crash`,
 * `serviceDelays`) is aimed at the first buyer's saga (`s-1`); the other buyers run clean.
 */
export interface Scenario {
  /** Who drives the saga. Default `'orchestration'`. */
  mode: 'orchestration' | 'choreography';
  /** Seeds every latency, jitter and scheduling decision. Default 1. */
  seed: number;
  /** This step's forward action fails with a business error (card declined, out of stock). */
  failAt?: StepId;
  /** Whether calls carry idempotency keys. Default true. */
  idempotencyKeys: boolean;
  /** The first n replies of this step's forward action are lost after the service committed (choreography: its acknowledgement, so the bus redelivers). */
  lostResponses?: Partial<Record<StepId, number>>;
  /** This step's compensation answers 500 this many times (or always, until an operator acts). */
  compensationFailures?: Partial<Record<StepId, number | 'always'>>;
  /** Overrides the retry policy of every forward step and every compensation. */
  retry?: Partial<RetryPolicy>;
  /** The event (choreography) or response (orchestration) this step sends is dropped. */
  dropEvent?: StepId;
  /** The orchestrator crashes at this point and recovers from its durable log. */
  crash?: CrashPoint;
  /** Extra processing time at a service, in virtual ms: a call can outlast its timeout. */
  serviceDelays?: Partial<Record<StepId, number>>;
  /** Whether a failure is compensated at all. Default true; false shows an order without a saga. */
  compensate: boolean;
  /** Concurrent buyers (1–4), each running its own saga for the same item. Default 1. */
  buyers: number;
  /** Units of the item in stock (1–3). Default 1. */
  stock: number;
  /** Whether the inventory step writes a PENDING hold atomically. Default true. */
  semanticLock: boolean;
  /** What a saga does when it reads PENDING: fail fast and compensate, or wait and retry. Default `'fail'`. */
  lockPolicy: 'fail' | 'wait';
  /** At each point where more than one saga can move, the index of the saga that moves. */
  schedule?: number[];
  /** Which saga to run: a built-in name or a definition object. Default `'order'`. */
  definition: DefinitionName | SagaDefinitionJson;
}

/** A service's database table. */
export interface Table {
  rows: Row[];
}

/** One table per step (named by the step's `table`) plus the orchestrator's durable saga log. */
export type Databases = Record<string, Table> & { sagaLog: Table };

/** Name of a table in {@link Databases}. */
export type TableName = string;

/** A broken invariant with a plain-words explanation naming the order and the amount. */
export interface Violation {
  invariant: string;
  message: string;
}

/** An incident an operator must look at. */
export interface Alert {
  saga: string;
  step?: StepId;
  message: string;
}

/** The finished run. */
export interface RunResult {
  /** Outcome of the first (or only) saga. */
  outcome: Outcome;
  sagas: { id: string; orderId: string; outcome: Outcome }[];
  trace: TraceEvent[];
  databases: Databases;
  violations: Violation[];
  alerts: Alert[];
  /** The scenario after defaults were applied. */
  scenario: Scenario;
  /** The scheduling decisions taken: `runScenario({ ...scenario, schedule })` replays the run exactly. */
  schedule: number[];
}
