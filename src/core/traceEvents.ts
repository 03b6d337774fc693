import type { Row, StepId } from './basics';

/**
 * The trace: one append-only list of facts, discriminated by `type`. Every view (tables,
 * timeline, narration, statechart, exports) is a function of it. `type` is dot-namespaced.
 */
interface Base {
  /** Position in the trace, from 0. */
  seq: number;
  /** Virtual time in ms; never decreases along the trace. */
  at: number;
  /** Saga id (`s-1`, `s-2`, …) or `system`. */
  saga: string;
  /**
   * The orchestrator machine's state right after the transition that emitted this event
   * (`executing.calling`, `compensating.backingOff`, `pivotUnknown`, …). Orchestration only.
   */
  state?: string;
  /** The step the event is about, when it is about one. */
  step?: StepId;
  attempt?: number;
  /**
   * Narrowing by `type` gives each field its documented type; a view that reads a field
   * without narrowing gets `unknown` and must check it.
   */
  [field: string]: unknown;
}

type Ev<T extends string, F = object> = { type: T } & F;

/** What a call asks a service to do; `operator` is a compensation done by hand. */
export type CallAction = 'forward' | 'compensate' | 'confirm' | 'operator';

type StepAttempt = { step: StepId; attempt: number };
type Failure = StepAttempt & { status: number; reason: string; timeoutMs?: number };
type Retrying = StepAttempt & { delayMs: number; maxAttempts: number };
type Dedup = StepAttempt & { key: string };

/** Every event type and its own fields (without the position, time and saga every event has). */
export type TraceEventShape =
  /** First event: which definition runs and which tables exist (so the trace alone rebuilds them). */
  | Ev<'run.started', { definition: string; tables: string[] }>
  /** A row was inserted or replaced; `step`/`action` say which local transaction wrote it. */
  | Ev<'db.changed', { table: string; op: 'insert' | 'update'; row: Row; step?: StepId; action?: CallAction }>
  | Ev<'saga.started', { orderId: string; buyer: number; amount: number; item: string }>
  | Ev<'step.started', StepAttempt & { maxAttempts?: number; key?: string; kind?: string }>
  | Ev<'step.succeeded', StepAttempt & { replayed: boolean }>
  /** `business`: a definite answer that is not retried. `locked`/`heldBy`: the hold is PENDING for another order. */
  | Ev<'step.failed', Failure & { business: boolean; locked?: boolean; heldBy?: string }>
  | Ev<'step.retrying', Retrying>
  /** Out of attempts after timeouts or in-flight answers: the step may have committed. */
  | Ev<'step.uncertain', { step: StepId; attempts: number }>
  | Ev<'step.deduplicated', Dedup>
  /** The service side of a call: what it answered (`replayed` for a stored reply). */
  | Ev<'request.handled', StepAttempt & { action: CallAction; status: number; ok: boolean; replayed: boolean; key?: string }>
  /** The reply (choreography: the acknowledgement) was lost after the service committed; `dropped` for `dropEvent`. */
  | Ev<'response.lost', StepAttempt & { action: CallAction; status: number; dropped?: boolean }>
  | Ev<'response.undelivered', StepAttempt & { reason: string }>
  | Ev<'saga.compensating', { failedStep?: StepId; reason?: string }>
  /** `compensate: false`: the failure is left as it is. */
  | Ev<'saga.abandoned', { failedStep?: StepId; reason?: string }>
  | Ev<'compensation.started', StepAttempt & { maxAttempts?: number; key?: string }>
  | Ev<'compensation.succeeded', StepAttempt & { replayed: boolean }>
  | Ev<'compensation.failed', Failure>
  | Ev<'compensation.retrying', Retrying>
  | Ev<'compensation.deduplicated', Dedup>
  | Ev<'confirmation.started', StepAttempt>
  | Ev<'confirmation.succeeded', StepAttempt>
  | Ev<'confirmation.failed', Failure>
  | Ev<'confirmation.retrying', Retrying>
  | Ev<'confirmation.deduplicated', Dedup>
  /** `reason`: a compensation out of attempts, a pivot with no answer, or the run's event budget. */
  | Ev<'alert.raised', { step?: StepId; message: string; reason: 'compensation' | 'pivot' | 'budget' }>
  | Ev<'operator.retried', { step?: StepId }>
  | Ev<'operator.resolved', { step?: StepId }>
  | Ev<'saga.needs-attention'>
  /** `observed`: read off the tables (choreography) or noticed by the simulator (nobody drove it). */
  | Ev<'saga.completed', { observed?: boolean }>
  | Ev<'saga.compensated', { observed?: boolean }>
  | Ev<'saga.stuck', { observed?: boolean }>
  | Ev<'orchestrator.crashed', { step: StepId; when: 'before-call' | 'after-commit'; phase: 'forward' | 'compensation'; restartInMs: number }>
  | Ev<'orchestrator.recovered', { phase: string; resumeAt?: StepId; completed: StepId[]; compensated: StepId[]; logRows: number }>
  | Ev<'event.published', { topic: string; from: StepId | 'shop'; step?: StepId }>
  | Ev<'event.delivered', { topic: string; step: StepId; from: StepId | 'shop'; attempt?: number }>
  | Ev<'event.dropped', { topic: string; from: StepId; step: StepId }>;

/** One entry of the trace: an event type with its fields, plus where, when and whose. */
export type TraceEvent = Base & TraceEventShape;

/** The name of a trace event type. */
export type TraceEventType = TraceEvent['type'];

/** A trace event of one type. */
export type TraceEventOf<T extends TraceEventType> = Extract<TraceEvent, { type: T }>;

/** A trace event before the kernel numbers and timestamps it (the orchestrator adds its `state`). */
export type NewTraceEvent = TraceEventShape & { state?: string };
