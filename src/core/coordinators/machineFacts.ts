import type { SagaDefinition, SagaStep } from '../definitions/definition';
import { jitteredDelay, type StepPolicies, stepPolicies } from '../retryPolicy';
import { idempotencyKey } from '../services/idempotency';
import type { ServiceAction, ServiceReply } from '../services/service';
import type { NewTraceEvent } from '../traceEvents';
import type { RetryPolicy } from '../types';

/** Where a recovering orchestrator resumes, rebuilt from its durable saga log alone. */
export interface Recovery {
  phase: 'forward' | 'compensating' | 'confirming';
  /** Forward steps the log records as succeeded (or uncertain), in order. */
  completed: string[];
  /** Steps whose compensation the log records as done. */
  compensated: string[];
  /** Confirmations the log records as done. */
  confirmed: string[];
  failedStep?: string;
  /** Attempt number for the step that was in flight: calls that left, plus one. */
  attempt: number;
}

/** The orchestrator's memory of one saga. */
export interface OrchestratorContext {
  sagaId: string;
  orderId: string;
  idempotencyKeys: boolean;
  lockPolicy: 'fail' | 'wait';
  /** `false`: a failure is left as it is (an order without a saga). */
  compensate: boolean;
  /** Index of the current forward step, or of the confirmation being sent. */
  index: number;
  attempt: number;
  /** Calls made so far; the id of the call being awaited. */
  calls: number;
  completed: string[];
  compensated: string[];
  confirmed: string[];
  failedStep?: string;
  failure?: string;
  /** The last attempt ended without a definite answer (a timeout, or 409 still in flight). */
  uncertain: boolean;
  /** Backoff before the next attempt, computed when the retry is decided. */
  retryDelay: number;
}

/** A service's reply delivered to the orchestrator. `random` is a seeded draw in [0, 1) used for jitter. */
export type ResponseEvent = {
  type: 'response';
  step: string;
  action: ServiceAction;
  attempt: number;
  callId: number;
  reply: ServiceReply;
  random: number;
};

/** Operator actions on an open incident. */
export type OperatorEvent = { type: 'operator.retry'; random: number } | { type: 'operator.resolve'; random: number };

/** Everything the orchestrator says to the outside world: calls to make and facts for the trace. */
export type OrchestratorEmitted =
  | { type: 'call'; callId: number; step: string; action: ServiceAction; attempt: number }
  | { type: 'trace'; event: NewTraceEvent };

/**
 * What the machine needs to know about a definition, computed once per machine: the steps,
 * their retry policies (guards ask on every event), and which step is being worked on.
 */
export function machineFacts(definition: SagaDefinition, retryOverride?: Partial<RetryPolicy>) {
  const steps = definition.steps;
  const byId = new Map<string, SagaStep>(steps.map((s) => [s.id, s]));
  const policies = new Map(steps.map((s) => [s.id, stepPolicies(s, retryOverride)]));
  // Confirmations come after every step succeeded: the saga can only go forward, so they retry until they land.
  const confirmPolicy = stepPolicies({ kind: 'confirmation' }, retryOverride).confirm;
  const confirmSteps = steps.filter((s) => s.confirm).map((s) => s.id);
  const step = (id: string) => byId.get(id) as SagaStep;
  const current = (c: OrchestratorContext) => steps[c.index];
  const compensating = (c: OrchestratorContext): string | undefined =>
    [...c.completed].reverse().find((id) => byId.get(id)?.kind === 'compensatable' && !c.compensated.includes(id));
  const confirming = (c: OrchestratorContext) => confirmSteps.find((id) => !c.confirmed.includes(id));
  return {
    steps,
    step,
    current,
    compensating,
    confirming,
    forwardPolicy: (s: SagaStep) => (policies.get(s.id) as StepPolicies).forward,
    compensationPolicy: (id: string) => (policies.get(id) as StepPolicies).compensation,
    confirmPolicy,
    keyFor: (c: OrchestratorContext, id: string, action: ServiceAction) => (c.idempotencyKeys ? idempotencyKey(c.sagaId, id, action) : undefined),
    delay: (policy: RetryPolicy, attempt: number, random: number) => jitteredDelay(policy, attempt + 1, random),
    /** A reply that says "no" for good: not retried (reading PENDING under the `fail` policy is the sold-out answer). */
    isBusinessFailure: (c: OrchestratorContext, r: ServiceReply) => !r.ok && (!r.retryable || (r.locked === true && c.lockPolicy === 'fail')),
  };
}

/** The helpers of one machine. */
export type MachineFacts = ReturnType<typeof machineFacts>;

/** The machine's context at start (or after recovery); tolerant of a missing input, which XState probes. */
export function initialContext(steps: readonly SagaStep[], input: Partial<OrchestratorInput> | undefined): OrchestratorContext {
  const r = input?.recovery;
  return {
    sagaId: input?.sagaId ?? '',
    orderId: input?.orderId ?? '',
    idempotencyKeys: input?.idempotencyKeys ?? true,
    lockPolicy: input?.lockPolicy ?? 'fail',
    compensate: input?.compensate ?? true,
    index: r ? (r.phase === 'confirming' ? steps.length : r.completed.length) : 0,
    attempt: r?.attempt ?? 1,
    calls: 0,
    completed: r?.completed ?? [],
    compensated: r?.compensated ?? [],
    confirmed: r?.confirmed ?? [],
    failedStep: r?.failedStep,
    failure: r?.failedStep ? 'recovered from the saga log' : undefined,
    uncertain: false,
    retryDelay: 0,
  };
}

/** What a saga instance is started with. */
export interface OrchestratorInput {
  sagaId: string;
  orderId: string;
  idempotencyKeys: boolean;
  lockPolicy: 'fail' | 'wait';
  compensate: boolean;
  recovery?: Recovery;
}
