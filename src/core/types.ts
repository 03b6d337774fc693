/**
 * The public vocabulary of the simulator: scenarios in, runs out.
 * Everything here is plain data, so a run can be serialised, shared and replayed.
 */

/** The five steps of the default order saga, in forward order. */
export type StepId = 'inventory' | 'order' | 'payment' | 'warehouse' | 'delivery';

/** All step ids in forward order. */
export const STEP_IDS: readonly StepId[] = ['inventory', 'order', 'payment', 'warehouse', 'delivery'];

/** How a saga ended (or, for `stuck`, stopped moving). */
export type Outcome = 'completed' | 'compensated' | 'needs-attention' | 'stuck';

/** Temporal-style retry policy, plus Step Functions' jitter. */
export interface RetryPolicy {
  /** Total attempts, the first included. `Infinity` retries forever (only sensible after the pivot). */
  maxAttempts: number;
  /** Delay before the second attempt, in virtual ms. */
  initialIntervalMs: number;
  /** Each further delay is the previous one times this. */
  backoffCoefficient: number;
  /** No delay exceeds this. */
  maxIntervalMs: number;
  /** `'full'` draws each delay uniformly from [0, computed delay] with the seeded RNG. */
  jitter: 'none' | 'full';
}

/** Where the orchestrator crashes: just before calling the step, or after the service committed it. */
export interface CrashPoint {
  step: StepId;
  when: 'before-call' | 'after-commit';
  /** Crash on this step's forward action (default) or on its compensation. */
  phase?: 'forward' | 'compensation';
}

/** Which built-in saga definition to run. */
export type DefinitionName = 'order' | 'order-with-pivot';

/** Everything that decides a run. Same scenario → byte-identical trace. */
export interface Scenario {
  /** Who drives the saga. Default `'orchestration'`. */
  mode: 'orchestration' | 'choreography';
  /** Seeds every latency, jitter and scheduling decision. Default 1. */
  seed: number;
  /** This step's forward action fails with a business error (card declined, out of stock). Only the first saga fails. */
  failAt?: StepId;
  /** Whether calls carry idempotency keys. Default true. */
  idempotencyKeys: boolean;
  /** The first n responses of this step's forward action are lost after the service committed. */
  lostResponses?: Partial<Record<StepId, number>>;
  /** This step's compensation answers 500 this many times (or always). */
  compensationFailures?: Partial<Record<StepId, number | 'always'>>;
  /** Overrides the retry policy of every forward step and every compensation. */
  retry?: Partial<RetryPolicy>;
  /** The event (choreography) or response (orchestration) this step sends is dropped. */
  dropEvent?: StepId;
  /** The orchestrator crashes at this point and recovers from its durable log. */
  crash?: CrashPoint;
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
  /** Which saga definition to run. Default `'order'`. */
  definition: DefinitionName;
}

/** A row of a service's table. Every row has an `id`; nothing is ever deleted. */
export type Row = { id: string } & Record<string, unknown>;

/** A service's database table. */
export interface Table {
  rows: Row[];
}

/** The five services' databases plus the orchestrator's durable saga log. */
export interface Databases {
  inventory: Table;
  orders: Table;
  payments: Table;
  warehouse: Table;
  delivery: Table;
  sagaLog: Table;
}

/** Name of a table in {@link Databases}. */
export type TableName = keyof Databases;

/** One entry of the trace. `type` is dot-namespaced (`step.started`, `saga.compensated`, …). */
export interface TraceEvent {
  /** Position in the trace, from 0. */
  seq: number;
  /** Virtual time in ms; never decreases along the trace. */
  at: number;
  /** Saga id (`s-1`, `s-2`, …) or `system`. */
  saga: string;
  type: string;
  step?: StepId;
  attempt?: number;
  /** Free-form details: delay, reason, status code, key, table, row, … */
  [detail: string]: unknown;
}

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
  /** The scheduling decisions taken (replayable as `scenario.schedule`). */
  schedule: number[];
}
