import { assign, emit, not, setup } from 'xstate';
import type { SagaDefinition } from '../definitions/definition';
import type { NewTraceEvent } from '../traceEvents';
import type { RetryPolicy } from '../types';
import { initialContext, machineFacts, type OperatorEvent, type OrchestratorContext, type OrchestratorEmitted, type OrchestratorInput, type ResponseEvent } from './machineFacts';

const trace = (event: NewTraceEvent): OrchestratorEmitted => ({ type: 'trace', event });
const reply = (event: unknown) => (event as Partial<ResponseEvent>).reply;
const replayedReply = (event: unknown) => {
  const r = reply(event);
  return r?.ok === true && r.replayed === true;
};
const randomOf = (event: unknown) => (event as { random?: number }).random ?? 0;

/**
 * Builds the orchestrator machine for a saga definition. The machine only sequences: it
 * calls, waits (with a timeout), records, retries with backoff and compensates in reverse.
 * Business rules live in the services. Time comes from `after` delays on whatever clock
 * drives it; randomness arrives inside events, so the chart itself is deterministic.
 */
export function createOrchestratorMachine(definition: SagaDefinition, retryOverride?: Partial<RetryPolicy>) {
  const f = machineFacts(definition, retryOverride);
  const { steps, current, compensating, confirming } = f;
  const comp = (c: OrchestratorContext) => compensating(c) as string;
  const failed = (r: ReturnType<typeof reply>) => (r && !r.ok ? r : undefined);

  return setup({
    types: { context: {} as OrchestratorContext, events: {} as ResponseEvent | OperatorEvent, input: {} as OrchestratorInput, emitted: {} as OrchestratorEmitted },
    delays: {
      'call timeout': ({ context }) => (current(context) ?? steps[0]).timeoutMs,
      'compensation timeout': ({ context }) => f.step(compensating(context) ?? steps[0].id).timeoutMs,
      'confirmation timeout': ({ context }) => f.step(confirming(context) ?? steps[0].id).timeoutMs,
      backoff: ({ context }) => context.retryDelay,
    },
    guards: {
      'resuming compensation': ({ context }) => context.failedStep !== undefined,
      'resuming confirmation': ({ context }) => context.index >= steps.length,
      'response is for this call': ({ context, event }) => (event as ResponseEvent).callId === context.calls,
      'call succeeded': ({ event }) => reply(event)?.ok === true,
      'seat is locked and saga waits': ({ context, event }) => {
        const r = failed(reply(event));
        return r?.locked === true && context.lockPolicy === 'wait';
      },
      'business failure': ({ context, event }) => {
        const r = reply(event);
        return !!r && current(context).kind !== 'retriable' && f.isBusinessFailure(context, r);
      },
      'step attempts left': ({ context }) => context.attempt < f.forwardPolicy(current(context)).maxAttempts,
      'compensation attempts left': ({ context }) => {
        const id = compensating(context);
        return id !== undefined && context.attempt < f.compensationPolicy(id).maxAttempts;
      },
      'pivot outcome unknown': ({ context }) => current(context).kind === 'pivot' && context.uncertain,
      'outcome unknown': ({ context }) => context.uncertain,
      'compensation is off': ({ context }) => !context.compensate,
      'more steps': ({ context }) => context.index + 1 < steps.length,
      'nothing left to compensate': ({ context }) => compensating(context) === undefined,
      'nothing left to confirm': ({ context }) => confirming(context) === undefined,
    },
    actions: {
      'count call': assign({ calls: ({ context }) => context.calls + 1 }),
      'call step': emit(({ context }) => {
        const s = current(context);
        return { type: 'call', callId: context.calls, step: s.id, action: 'forward', attempt: context.attempt } as const;
      }),
      'trace step started': emit(({ context }) => {
        const s = current(context);
        return trace({ type: 'step.started', step: s.id, attempt: context.attempt, maxAttempts: f.forwardPolicy(s).maxAttempts, key: f.keyFor(context, s.id, 'forward'), kind: s.kind });
      }),
      'trace step succeeded': emit(({ context, event }) => trace({ type: 'step.succeeded', step: current(context).id, attempt: context.attempt, replayed: replayedReply(event) })),
      'trace step failed': emit(({ context, event }) => {
        const r = failed(reply(event));
        return trace({
          type: 'step.failed',
          step: current(context).id,
          attempt: context.attempt,
          status: r?.status ?? 0,
          reason: r?.reason ?? '',
          business: !!r && f.isBusinessFailure(context, r),
          locked: r?.locked,
          heldBy: r?.heldBy,
        });
      }),
      'trace step timed out': emit(({ context }) =>
        trace({ type: 'step.failed', step: current(context).id, attempt: context.attempt, status: 0, reason: 'timeout', timeoutMs: current(context).timeoutMs, business: false }),
      ),
      'note answer': assign({ uncertain: ({ event }) => failed(reply(event))?.status === 409 }),
      'note timeout': assign({ uncertain: true }),
      'schedule step retry': assign({ retryDelay: ({ context, event }) => f.delay(f.forwardPolicy(current(context)), context.attempt, randomOf(event)) }),
      'trace step retrying': emit(({ context }) =>
        trace({ type: 'step.retrying', step: current(context).id, attempt: context.attempt + 1, delayMs: context.retryDelay, maxAttempts: f.forwardPolicy(current(context)).maxAttempts }),
      ),
      'next attempt': assign({ attempt: ({ context }) => context.attempt + 1 }),
      'record step done': assign({ completed: ({ context }) => [...context.completed, current(context).id] }),
      'next step': assign({ index: ({ context }) => context.index + 1, attempt: 1 }),
      'trace step uncertain': emit(({ context }) => trace({ type: 'step.uncertain', step: current(context).id, attempts: context.attempt })),
      'record step failure': assign({
        failedStep: ({ context }) => current(context).id,
        failure: ({ event }) => failed(reply(event))?.reason ?? 'no response',
        attempt: 1,
      }),
      'trace compensation starting': emit(({ context }) => trace({ type: 'saga.compensating', failedStep: context.failedStep, reason: context.failure })),
      'trace abandoned': emit(({ context }) => trace({ type: 'saga.abandoned', failedStep: context.failedStep, reason: context.failure })),
      'call compensation': emit(({ context }) => ({ type: 'call', callId: context.calls, step: comp(context), action: 'compensate', attempt: context.attempt }) as const),
      'trace compensation started': emit(({ context }) =>
        trace({ type: 'compensation.started', step: comp(context), attempt: context.attempt, maxAttempts: f.compensationPolicy(comp(context)).maxAttempts, key: f.keyFor(context, comp(context), 'compensate') }),
      ),
      'trace compensation succeeded': emit(({ context, event }) => trace({ type: 'compensation.succeeded', step: comp(context), attempt: context.attempt, replayed: replayedReply(event) })),
      'trace compensation failed': emit(({ context, event }) => {
        const r = failed(reply(event));
        return trace({ type: 'compensation.failed', step: comp(context), attempt: context.attempt, status: r?.status ?? 0, reason: r?.reason ?? 'timeout', timeoutMs: r ? undefined : f.step(comp(context)).timeoutMs });
      }),
      'schedule compensation retry': assign({ retryDelay: ({ context, event }) => f.delay(f.compensationPolicy(comp(context)), context.attempt, randomOf(event)) }),
      'trace compensation retrying': emit(({ context }) =>
        trace({ type: 'compensation.retrying', step: comp(context), attempt: context.attempt + 1, delayMs: context.retryDelay, maxAttempts: f.compensationPolicy(comp(context)).maxAttempts }),
      ),
      'record compensation done': assign({ compensated: ({ context }) => [...context.compensated, comp(context)], attempt: 1 }),
      'raise alert': emit(({ context }) => {
        const s = f.step(comp(context));
        const message = `${s.service} could not ${s.compensation} for order ${context.orderId} after ${context.attempt} attempts. An operator must retry or resolve it by hand.`;
        return trace({ type: 'alert.raised', step: s.id, message, reason: 'compensation' });
      }),
      'raise pivot alert': emit(({ context }) => {
        const s = current(context);
        const message = `${s.service} never answered whether it could ${s.action} for order ${context.orderId} — the pivot's outcome is unknown. An operator must check and retry it.`;
        return trace({ type: 'alert.raised', step: s.id, message, reason: 'pivot' });
      }),
      'trace needs attention': emit(() => trace({ type: 'saga.needs-attention' })),
      'trace operator retry': emit(({ context }) => trace({ type: 'operator.retried', step: compensating(context) ?? current(context)?.id })),
      'trace operator resolved': emit(({ context }) => trace({ type: 'operator.resolved', step: compensating(context) ?? current(context)?.id })),
      'reset attempts': assign({ attempt: 1 }),
      'call confirmation': emit(({ context }) => {
        const id = confirming(context) as string;
        return { type: 'call', callId: context.calls, step: id, action: 'confirm', attempt: context.attempt } as const;
      }),
      'trace confirmation started': emit(({ context }) => trace({ type: 'confirmation.started', step: confirming(context) as string, attempt: context.attempt })),
      'trace confirmation succeeded': emit(({ context }) => trace({ type: 'confirmation.succeeded', step: confirming(context) as string, attempt: context.attempt })),
      'trace confirmation failed': emit(({ context, event }) => {
        const r = failed(reply(event));
        return trace({ type: 'confirmation.failed', step: confirming(context) as string, attempt: context.attempt, status: r?.status ?? 0, reason: r?.reason ?? 'timeout' });
      }),
      'schedule confirmation retry': assign({ retryDelay: ({ context, event }) => f.delay(f.confirmPolicy, context.attempt, randomOf(event)) }),
      'trace confirmation retrying': emit(({ context }) =>
        trace({ type: 'confirmation.retrying', step: confirming(context) as string, attempt: context.attempt + 1, delayMs: context.retryDelay, maxAttempts: f.confirmPolicy.maxAttempts }),
      ),
      'record confirmation done': assign({ confirmed: ({ context }) => [...context.confirmed, confirming(context) as string], attempt: 1 }),
      'trace completed': emit(() => trace({ type: 'saga.completed' })),
      'trace compensated': emit(() => trace({ type: 'saga.compensated' })),
    },
  }).createMachine({
    id: 'saga',
    context: ({ input }) => initialContext(steps, input),
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
            after: { 'call timeout': { target: 'attemptFailed', actions: ['trace step timed out', 'note timeout'] } },
            on: {
              response: [
                { guard: not('response is for this call') },
                { guard: 'call succeeded', target: '#saga.advancing', actions: ['trace step succeeded', 'record step done'] },
                { guard: 'seat is locked and saga waits', target: 'attemptFailed', actions: ['trace step failed', 'note answer'] },
                { guard: 'business failure', target: '#saga.failing', actions: ['trace step failed', 'record step failure'] },
                { target: 'attemptFailed', actions: ['trace step failed', 'note answer'] },
              ],
            },
          },
          attemptFailed: {
            always: [
              { guard: 'step attempts left', target: 'backingOff', actions: ['schedule step retry', 'trace step retrying'] },
              // The go/no-go step never answered: going forward or back would both be a guess.
              { guard: 'pivot outcome unknown', target: '#saga.pivotUnknown' },
              // Out of attempts without an answer: the step may have committed, so it is compensated too (compensations are idempotent).
              { guard: 'outcome unknown', target: '#saga.failing', actions: ['trace step uncertain', 'record step done', 'record step failure'] },
              // A definite "no" (423 locked, 4xx, 5xx before doing anything): there is nothing of this step to undo.
              { target: '#saga.failing', actions: 'record step failure' },
            ],
          },
          backingOff: { after: { backoff: { target: 'calling', actions: 'next attempt' } } },
        },
      },
      failing: {
        always: [
          { guard: 'compensation is off', target: 'abandoned', actions: 'trace abandoned' },
          { target: 'compensating', actions: 'trace compensation starting' },
        ],
      },
      abandoned: { type: 'final' },
      advancing: {
        always: [{ guard: 'more steps', target: 'executing', actions: 'next step' }, { target: 'confirming', actions: 'next step' }],
      },
      confirming: {
        initial: 'choosing',
        states: {
          choosing: { always: [{ guard: 'nothing left to confirm', target: '#saga.completed' }, { target: 'calling' }] },
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
          choosing: { always: [{ guard: 'nothing left to compensate', target: '#saga.compensated' }, { target: 'calling' }] },
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
            always: [{ guard: 'compensation attempts left', target: 'backingOff', actions: ['schedule compensation retry', 'trace compensation retrying'] }, { target: '#saga.needsAttention' }],
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
