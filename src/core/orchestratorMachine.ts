import { assign, emit, not, setup } from 'xstate';
import { backoffDelay, resolveRetryPolicy } from './retryPolicy';
import type { SagaDefinition, SagaStep } from './sagaDefinition';
import type { ServiceAction, ServiceReply } from './services/service';
import type { RetryPolicy, StepId } from './types';

/** Where a recovering orchestrator resumes, rebuilt from its durable saga log alone. */
export interface Recovery {
  phase: 'forward' | 'compensating' | 'confirming';
  /** Forward steps the log records as succeeded, in order. */
  completed: StepId[];
  /** Steps whose compensation the log records as done. */
  compensated: StepId[];
  /** Confirmations the log records as done. */
  confirmed: StepId[];
  failedStep?: StepId;
  /** Attempt number for the step that was in flight. */
  attempt: number;
}

/** What a saga instance is started with. */
export interface OrchestratorInput {
  sagaId: string;
  orderId: string;
  idempotencyKeys: boolean;
  lockPolicy: 'fail' | 'wait';
  retry?: Partial<RetryPolicy>;
  recovery?: Recovery;
}

/** A service's reply delivered to the orchestrator. `random` is a seeded draw in [0, 1) used for jitter. */
export type ResponseEvent = {
  type: 'response';
  step: StepId;
  action: ServiceAction;
  attempt: number;
  /** Echo of the call's id, so a late reply to an earlier call is recognised as stale. */
  callId: number;
  reply: ServiceReply;
  random: number;
};

/** Operator actions on an open incident. */
export type OperatorEvent = { type: 'operator.retry'; random: number } | { type: 'operator.resolve'; random: number };

export interface OrchestratorContext {
  sagaId: string;
  orderId: string;
  idempotencyKeys: boolean;
  lockPolicy: 'fail' | 'wait';
  /** Index of the current forward step, or of the confirmation being sent. */
  index: number;
  attempt: number;
  /** Calls made so far; the id of the call being awaited. */
  calls: number;
  completed: StepId[];
  compensated: StepId[];
  confirmed: StepId[];
  failedStep?: StepId;
  failure?: string;
  /** Backoff before the next attempt, computed when the retry is decided. */
  retryDelay: number;
}

/** Everything the orchestrator says to the outside world: calls to make and facts for the trace. */
export type OrchestratorEmitted =
  | { type: 'call'; callId: number; step: StepId; action: ServiceAction; attempt: number; key?: string }
  | { type: 'trace'; event: { type: string; step?: StepId; attempt?: number } & Record<string, unknown> };

const trace = (event: { type: string; step?: StepId; attempt?: number } & Record<string, unknown>): OrchestratorEmitted => ({ type: 'trace', event });

/**
 * Builds the orchestrator machine for a saga definition. The machine only sequences: it
 * calls, waits (with a timeout), records, retries with backoff and compensates in reverse.
 * Business rules live in the services. Time comes from `after` delays on whatever clock
 * drives it; randomness arrives inside events, so the chart itself is deterministic.
 */
export function createOrchestratorMachine(definition: SagaDefinition, retryOverride?: Partial<RetryPolicy>) {
  const steps = definition.steps;
  const byId = new Map<StepId, SagaStep>(steps.map((s) => [s.id, s]));
  // Policies are resolved once per machine: guards ask for them on every event.
  const forwardPolicies = new Map(steps.map((s) => [s.id, resolveRetryPolicy(s.retry, retryOverride, s.kind === 'retriable' ? { maxAttempts: Number.POSITIVE_INFINITY } : undefined)]));
  const compensationPolicies = new Map(steps.map((s) => [s.id, resolveRetryPolicy(s.compensationRetry, retryOverride)]));
  const forwardPolicy = (s: SagaStep) => forwardPolicies.get(s.id) as RetryPolicy;
  const compensationPolicy = (s: SagaStep) => compensationPolicies.get(s.id) as RetryPolicy;
  // Confirmations come after every step succeeded: the saga can only go forward, so they retry until they land.
  const confirmPolicy = resolveRetryPolicy(retryOverride, { maxAttempts: Number.POSITIVE_INFINITY });
  const confirmSteps = steps.filter((s) => s.confirmOnCompletion).map((s) => s.id);

  const current = (c: OrchestratorContext) => steps[c.index];
  const toCompensate = (c: OrchestratorContext) =>
    [...c.completed].reverse().filter((id) => byId.get(id)?.kind === 'compensatable' && !c.compensated.includes(id));
  const compensating = (c: OrchestratorContext) => toCompensate(c)[0];
  const confirming = (c: OrchestratorContext) => confirmSteps.find((id) => !c.confirmed.includes(id));
  const keyFor = (c: OrchestratorContext, step: StepId, action: ServiceAction) =>
    c.idempotencyKeys ? `${c.sagaId}:${step}:${action}` : undefined;
  const delayWithJitter = (policy: RetryPolicy, attempt: number, random: number) => {
    const base = backoffDelay(policy, attempt + 1);
    return policy.jitter === 'full' ? Math.floor(base * random) : base;
  };
  const randomOf = (event: unknown) => ((event as { random?: number }).random ?? 0);
  const reply = (event: unknown) => (event as ResponseEvent).reply;

  return setup({
    types: {
      context: {} as OrchestratorContext,
      events: {} as ResponseEvent | OperatorEvent,
      input: {} as OrchestratorInput,
      emitted: {} as OrchestratorEmitted,
    },
    delays: {
      'call timeout': ({ context }) => (current(context) ?? steps[0]).timeoutMs,
      'compensation timeout': ({ context }) => byId.get(compensating(context) ?? steps[0].id)?.timeoutMs ?? 2000,
      'confirmation timeout': ({ context }) => byId.get(confirming(context) ?? steps[0].id)?.timeoutMs ?? 2000,
      backoff: ({ context }) => context.retryDelay,
    },
    guards: {
      'resuming compensation': ({ context }) => context.failedStep !== undefined,
      'resuming confirmation': ({ context }) => context.index >= steps.length,
      'response is for this call': ({ context, event }) => (event as ResponseEvent).callId === context.calls,
      'call succeeded': ({ event }) => reply(event).ok,
      'seat is locked and saga waits': ({ context, event }) => {
        const r = reply(event);
        return !r.ok && r.locked === true && context.lockPolicy === 'wait';
      },
      'business failure': ({ context, event }) => {
        const r = reply(event);
        if (r.ok || current(context).kind === 'retriable') return false;
        // Reading PENDING under the 'fail' policy is the sold-out answer: back off at once.
        return !r.retryable || (r.locked === true && context.lockPolicy === 'fail');
      },
      'step attempts left': ({ context }) => context.attempt < forwardPolicy(current(context)).maxAttempts,
      'compensation attempts left': ({ context }) => {
        const id = compensating(context);
        return id !== undefined && context.attempt < compensationPolicy(byId.get(id) as SagaStep).maxAttempts;
      },
      'step is the pivot': ({ context }) => current(context).kind === 'pivot',
      'more steps': ({ context }) => context.index + 1 < steps.length,
      'nothing left to compensate': ({ context }) => compensating(context) === undefined,
      'nothing left to confirm': ({ context }) => confirming(context) === undefined,
    },
    actions: {
      'call step': emit(({ context }) => {
        const s = current(context);
        return { type: 'call', callId: context.calls, step: s.id, action: 'forward', attempt: context.attempt, key: keyFor(context, s.id, 'forward') } as const;
      }),
      'trace step started': emit(({ context }) => {
        const s = current(context);
        return trace({ type: 'step.started', step: s.id, attempt: context.attempt, maxAttempts: forwardPolicy(s).maxAttempts, key: keyFor(context, s.id, 'forward'), kind: s.kind });
      }),
      'trace step succeeded': emit(({ context, event }) => {
        const r = reply(event);
        return trace({ type: 'step.succeeded', step: current(context).id, attempt: context.attempt, replayed: r.ok && r.replayed === true });
      }),
      'trace step failed': emit(({ context, event }) => {
        const r = reply(event);
        return trace({
          type: 'step.failed',
          step: current(context).id,
          attempt: context.attempt,
          status: r.status,
          reason: r.ok ? '' : r.reason,
          business: !r.ok && (!r.retryable || (r.locked === true && context.lockPolicy === 'fail')),
          heldBy: r.ok ? undefined : r.heldBy,
        });
      }),
      'trace step timed out': emit(({ context }) =>
        trace({ type: 'step.failed', step: current(context).id, attempt: context.attempt, status: 0, reason: 'timeout', timeoutMs: current(context).timeoutMs, business: false }),
      ),
      'schedule step retry': assign({
        retryDelay: ({ context, event }) => delayWithJitter(forwardPolicy(current(context)), context.attempt, randomOf(event)),
      }),
      'trace step retrying': emit(({ context }) =>
        trace({ type: 'step.retrying', step: current(context).id, attempt: context.attempt + 1, delayMs: context.retryDelay, maxAttempts: forwardPolicy(current(context)).maxAttempts }),
      ),
      'count call': assign({ calls: ({ context }) => context.calls + 1 }),
      'schedule confirmation retry': assign({
        retryDelay: ({ context, event }) => delayWithJitter(confirmPolicy, context.attempt, randomOf(event)),
      }),
      'next attempt': assign({ attempt: ({ context }) => context.attempt + 1 }),
      'record step done': assign({
        completed: ({ context }) => [...context.completed, current(context).id],
      }),
      'next step': assign({ index: ({ context }) => context.index + 1, attempt: 1 }),
      'trace step uncertain': emit(({ context }) => trace({ type: 'step.uncertain', step: current(context).id, attempts: context.attempt })),
      'record step as uncertain': assign({
        completed: ({ context }) => [...context.completed, current(context).id],
      }),
      'record step failure': assign({
        failedStep: ({ context }) => current(context).id,
        failure: ({ event }) => {
          const r = (event as Partial<ResponseEvent>).reply;
          return r && !r.ok ? r.reason : 'no response';
        },
        attempt: 1,
      }),
      'trace compensation starting': emit(({ context }) => trace({ type: 'saga.compensating', failedStep: context.failedStep, reason: context.failure })),
      'call compensation': emit(({ context }) => {
        const id = compensating(context) as StepId;
        return { type: 'call', callId: context.calls, step: id, action: 'compensate', attempt: context.attempt, key: keyFor(context, id, 'compensate') } as const;
      }),
      'trace compensation started': emit(({ context }) => {
        const id = compensating(context) as StepId;
        return trace({ type: 'compensation.started', step: id, attempt: context.attempt, maxAttempts: compensationPolicy(byId.get(id) as SagaStep).maxAttempts, key: keyFor(context, id, 'compensate') });
      }),
      'trace compensation succeeded': emit(({ context, event }) => {
        const r = reply(event);
        return trace({ type: 'compensation.succeeded', step: compensating(context), attempt: context.attempt, replayed: r.ok && r.replayed === true });
      }),
      'trace compensation failed': emit(({ context, event }) => {
        const r = (event as Partial<ResponseEvent>).reply;
        const id = compensating(context) as StepId;
        return trace({
          type: 'compensation.failed',
          step: id,
          attempt: context.attempt,
          status: r ? r.status : 0,
          reason: r && !r.ok ? r.reason : 'timeout',
          timeoutMs: r ? undefined : byId.get(id)?.timeoutMs,
        });
      }),
      'schedule compensation retry': assign({
        retryDelay: ({ context, event }) =>
          delayWithJitter(compensationPolicy(byId.get(compensating(context) as StepId) as SagaStep), context.attempt, randomOf(event)),
      }),
      'trace compensation retrying': emit(({ context }) => {
        const id = compensating(context) as StepId;
        return trace({ type: 'compensation.retrying', step: id, attempt: context.attempt + 1, delayMs: context.retryDelay, maxAttempts: compensationPolicy(byId.get(id) as SagaStep).maxAttempts });
      }),
      'record compensation done': assign({
        compensated: ({ context }) => [...context.compensated, compensating(context) as StepId],
        attempt: 1,
      }),
      'raise alert': emit(({ context }) => {
        const id = compensating(context) as StepId;
        const s = byId.get(id) as SagaStep;
        return trace({
          type: 'alert.raised',
          step: id,
          message: `${s.service} could not ${s.compensation} for order ${context.orderId} after ${context.attempt} attempts. An operator must retry or resolve it by hand.`,
        });
      }),
      'raise pivot alert': emit(({ context }) => {
        const s = current(context);
        return trace({
          type: 'alert.raised',
          step: s.id,
          message: `${s.service} never answered whether it could ${s.action} for order ${context.orderId} — the pivot's outcome is unknown. An operator must check and retry it or resolve it by hand.`,
        });
      }),
      'trace needs attention': emit(() => trace({ type: 'saga.needs-attention' })),
      'trace operator retry': emit(({ context }) => trace({ type: 'operator.retried', step: compensating(context) ?? current(context)?.id })),
      'trace operator resolved': emit(({ context }) => trace({ type: 'operator.resolved', step: compensating(context) ?? current(context)?.id })),
      'reset attempts': assign({ attempt: 1 }),
      'call confirmation': emit(({ context }) => {
        const id = confirming(context) as StepId;
        return { type: 'call', callId: context.calls, step: id, action: 'confirm', attempt: context.attempt, key: keyFor(context, id, 'confirm') } as const;
      }),
      'trace confirmation started': emit(({ context }) => trace({ type: 'confirmation.started', step: confirming(context), attempt: context.attempt })),
      'trace confirmation succeeded': emit(({ context }) => trace({ type: 'confirmation.succeeded', step: confirming(context), attempt: context.attempt })),
      'trace confirmation failed': emit(({ context, event }) => {
        const r = (event as Partial<ResponseEvent>).reply;
        return trace({ type: 'confirmation.failed', step: confirming(context), attempt: context.attempt, status: r ? r.status : 0, reason: r && !r.ok ? r.reason : 'timeout' });
      }),
      'trace confirmation retrying': emit(({ context }) =>
        trace({ type: 'confirmation.retrying', step: confirming(context), attempt: context.attempt + 1, delayMs: context.retryDelay, maxAttempts: confirmPolicy.maxAttempts }),
      ),
      'record confirmation done': assign({ confirmed: ({ context }) => [...context.confirmed, confirming(context) as StepId], attempt: 1 }),
      'trace completed': emit(() => trace({ type: 'saga.completed' })),
      'trace compensated': emit(() => trace({ type: 'saga.compensated' })),
    },
  }).createMachine({
    id: 'saga',
    context: ({ input }) => {
      const r = input.recovery;
      return {
        sagaId: input.sagaId,
        orderId: input.orderId,
        idempotencyKeys: input.idempotencyKeys,
        lockPolicy: input.lockPolicy,
        index: r ? (r.phase === 'confirming' ? steps.length : r.completed.length) : 0,
        attempt: r?.attempt ?? 1,
        calls: 0,
        completed: r?.completed ?? [],
        compensated: r?.compensated ?? [],
        confirmed: r?.confirmed ?? [],
        failedStep: r?.failedStep,
        failure: r?.failedStep ? 'recovered from the saga log' : undefined,
        retryDelay: 0,
      };
    },
    initial: 'starting',
    states: {
      starting: {
        always: [
          { guard: 'resuming compensation', target: 'compensating' },
          { guard: 'resuming confirmation', target: 'confirming' },
          { target: 'executing' },
        ],
      },
      executing: {
        initial: 'calling',
        states: {
          calling: {
            entry: ['count call', 'trace step started', 'call step'],
            after: { 'call timeout': { target: 'attemptFailed', actions: 'trace step timed out' } },
            on: {
              response: [
                { guard: not('response is for this call') },
                { guard: 'call succeeded', target: '#saga.advancing', actions: ['trace step succeeded', 'record step done'] },
                { guard: 'seat is locked and saga waits', target: 'attemptFailed', actions: 'trace step failed' },
                { guard: 'business failure', target: '#saga.compensating', actions: ['trace step failed', 'record step failure', 'trace compensation starting'] },
                { target: 'attemptFailed', actions: 'trace step failed' },
              ],
            },
          },
          attemptFailed: {
            always: [
              { guard: 'step attempts left', target: 'backingOff', actions: ['schedule step retry', 'trace step retrying'] },
              // The go/no-go step never answered: going forward or back would both be a guess.
              { guard: 'step is the pivot', target: '#saga.pivotUnknown' },
              // Out of attempts without an answer: the step may have committed, so it is compensated too (compensations are idempotent).
              { target: '#saga.compensating', actions: ['trace step uncertain', 'record step as uncertain', 'record step failure', 'trace compensation starting'] },
            ],
          },
          backingOff: {
            after: { backoff: { target: 'calling', actions: 'next attempt' } },
          },
        },
      },
      advancing: {
        always: [{ guard: 'more steps', target: 'executing', actions: 'next step' }, { target: 'confirming', actions: 'next step' }],
      },
      confirming: {
        initial: 'choosing',
        states: {
          choosing: {
            always: [{ guard: 'nothing left to confirm', target: '#saga.completed' }, { target: 'calling' }],
          },
          calling: {
            entry: ['count call', 'trace confirmation started', 'call confirmation'],
            after: { 'confirmation timeout': { target: 'backingOff', actions: ['trace confirmation failed', 'schedule confirmation retry', 'trace confirmation retrying'] } },
            on: {
              response: [
                { guard: not('response is for this call') },
                { guard: 'call succeeded', target: 'choosing', actions: ['trace confirmation succeeded', 'record confirmation done'] },
                { target: 'backingOff', actions: ['trace confirmation failed', 'schedule confirmation retry', 'trace confirmation retrying'] },
              ],
            },
          },
          backingOff: { after: { backoff: { target: 'calling', actions: 'next attempt' } } },
        },
      },
      completed: { type: 'final', entry: 'trace completed' },
      compensating: {
        initial: 'choosing',
        states: {
          choosing: {
            always: [{ guard: 'nothing left to compensate', target: '#saga.compensated' }, { target: 'calling' }],
          },
          calling: {
            entry: ['count call', 'trace compensation started', 'call compensation'],
            after: { 'compensation timeout': { target: 'attemptFailed', actions: 'trace compensation failed' } },
            on: {
              response: [
                { guard: not('response is for this call') },
                { guard: 'call succeeded', target: 'choosing', actions: ['trace compensation succeeded', 'record compensation done'] },
                { target: 'attemptFailed', actions: 'trace compensation failed' },
              ],
            },
          },
          attemptFailed: {
            always: [
              { guard: 'compensation attempts left', target: 'backingOff', actions: ['schedule compensation retry', 'trace compensation retrying'] },
              { target: '#saga.needsAttention' },
            ],
          },
          backingOff: { after: { backoff: { target: 'calling', actions: 'next attempt' } } },
        },
      },
      needsAttention: {
        entry: ['raise alert', 'trace needs attention'],
        on: {
          'operator.retry': { target: 'compensating.calling', actions: ['trace operator retry', 'reset attempts'] },
          'operator.resolve': { target: 'compensating.choosing', actions: ['trace operator resolved', 'record compensation done'] },
        },
      },
      compensated: { type: 'final', entry: 'trace compensated' },
      pivotUnknown: {
        entry: ['raise pivot alert', 'trace needs attention'],
        on: {
          // Only a retry: nobody can undo a pivot, and guessing its outcome by hand is what the alert prevents.
          'operator.retry': { target: 'executing', actions: ['trace operator retry', 'reset attempts'] },
        },
      },
    },
  });
}

/** The machine type for a definition. */
export type OrchestratorMachine = ReturnType<typeof createOrchestratorMachine>;
