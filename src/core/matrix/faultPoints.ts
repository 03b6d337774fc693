import type { SagaDefinition, SagaStep } from '../definitions/definition';
import { resolveRetryPolicy } from '../retryPolicy';
import type { Scenario, StepId } from '../types';

/** The single faults the matrix injects, one at a time. */
export type FaultKind =
  | 'business-failure'
  | 'timeout-before-commit'
  | 'lost-reply'
  | 'slow-service'
  | 'dropped-message'
  | 'crash-before-call'
  | 'crash-after-commit'
  | 'compensation-fails-twice'
  | 'compensation-fails-always';

/** Who drives the saga. */
export type MatrixMode = Scenario['mode'];

/** The faults in row order, forward ones first, with the short label a row shows. */
export const FAULT_LABELS: Readonly<Record<FaultKind, string>> = {
  'business-failure': 'business failure',
  'timeout-before-commit': 'timeout before commit',
  'lost-reply': 'lost reply after commit',
  'slow-service': 'slow service (409 while in flight)',
  'dropped-message': 'dropped message',
  'crash-before-call': 'orchestrator crash before the call',
  'crash-after-commit': 'orchestrator crash after commit',
  'compensation-fails-twice': 'compensation fails twice',
  'compensation-fails-always': 'compensation fails always',
};

/** One place something can go wrong: a step, the phase it is in, and the fault. */
export interface FaultPoint {
  step: StepId;
  phase: 'forward' | 'compensation';
  fault: FaultKind;
  /** The modes in which this fault can happen at all (an orchestrator crash needs an orchestrator). */
  modes: readonly MatrixMode[];
  /** The scenario fields that inject it (aimed at saga s-1). */
  inject: Partial<Scenario>;
  /** What is injected, in plain words, per mode. */
  describe: (mode: MatrixMode) => string;
}

const BOTH: readonly MatrixMode[] = ['orchestration', 'choreography'];
const ORCHESTRATION_ONLY: readonly MatrixMode[] = ['orchestration'];

const possessive = (name: string) => (name.endsWith('s') ? `${name}’` : `${name}’s`);

/** The forward faults of one step. Delays are derived from the step's own timeout and retry policy. */
function forwardPoints(step: SagaStep): FaultPoint[] {
  const s = step.service;
  const policy = resolveRetryPolicy(step.retry);
  const t = step.timeoutMs;
  // Finishes after the timeout but before the retry arrives: the retry finds the work done.
  const late = t + Math.round(Math.min(policy.initialIntervalMs, t) / 2);
  // Still working when the first retry arrives: with a key, the retry gets 409 Conflict.
  const slow = t + policy.initialIntervalMs + Math.round(t / 2);
  const point = (fault: FaultKind, modes: readonly MatrixMode[], inject: Partial<Scenario>, describe: FaultPoint['describe']): FaultPoint => ({
    step: step.id,
    phase: 'forward',
    fault,
    modes,
    inject,
    describe,
  });
  return [
    point('business-failure', BOTH, { failAt: step.id }, () =>
      step.kind === 'retriable'
        ? `${s} is unavailable (503) for its first two calls; after the pivot a step is retried, not compensated.`
        : `${s} refuses to ${step.action}: a business failure, which is not retried.`,
    ),
    point('timeout-before-commit', ORCHESTRATION_ONLY, { serviceDelays: { [step.id]: late } }, () =>
      `${s} takes ${late} ms to ${step.action}, longer than the ${t} ms timeout: the orchestrator gives up before the commit and retries.`,
    ),
    point('lost-reply', BOTH, { lostResponses: { [step.id]: 1 } }, (mode) =>
      mode === 'orchestration'
        ? `${s} commits (${step.action}), but its reply is lost: the orchestrator times out and retries.`
        : `${s} commits (${step.action}), but its acknowledgement to the bus is lost, so the bus delivers the event again.`,
    ),
    point('slow-service', BOTH, { serviceDelays: { [step.id]: slow } }, (mode) =>
      mode === 'orchestration'
        ? `${s} takes ${slow} ms to ${step.action}: the call times out and is retried while the first request is still in flight.`
        : `${s} takes ${slow} ms to ${step.action}; in a choreography nobody waits for a reply, so nothing times out.`,
    ),
    point('dropped-message', BOTH, { dropEvent: step.id }, (mode) =>
      mode === 'orchestration'
        ? `${possessive(s)} reply is dropped on the way back once: the orchestrator times out and retries.`
        : `The event ${s} publishes (${step.events.succeeded}) is dropped: no other service hears of it.`,
    ),
    point('crash-before-call', ORCHESTRATION_ONLY, { crash: { step: step.id, when: 'before-call' } }, () =>
      `The orchestrator crashes just before asking ${s} to ${step.action}, restarts and recovers from its saga log.`,
    ),
    point('crash-after-commit', ORCHESTRATION_ONLY, { crash: { step: step.id, when: 'after-commit' } }, () =>
      `${s} commits (${step.action}); the orchestrator crashes before the reply arrives, restarts and recovers from its saga log.`,
    ),
  ];
}

/**
 * The compensation faults of one step. A compensation only runs when a later step fails, so each
 * is paired with a business failure of the first later step that can fail for good (not a
 * retriable step, which is retried instead). A step with no compensation, or with no such later
 * step, has no compensation faults.
 */
function compensationPoints(def: SagaDefinition, index: number): FaultPoint[] {
  const step = def.steps[index];
  const undo = step.compensation;
  if (step.kind !== 'compensatable' || !undo) return [];
  const later = def.steps.slice(index + 1).find((s) => s.kind !== 'retriable');
  if (!later) return [];
  const s = step.service;
  const cause = `${later.service} refuses to ${later.action} (a business failure), so ${s} must ${undo}`;
  const point = (fault: FaultKind, modes: readonly MatrixMode[], inject: Partial<Scenario>, text: string): FaultPoint => ({
    step: step.id,
    phase: 'compensation',
    fault,
    modes,
    inject: { failAt: later.id, ...inject },
    describe: () => `${cause}; ${text}`,
  });
  return [
    point('compensation-fails-twice', BOTH, { compensationFailures: { [step.id]: 2 } }, 'that compensation answers 500 twice.'),
    point('compensation-fails-always', BOTH, { compensationFailures: { [step.id]: 'always' } }, 'that compensation answers 500 every time, until an operator acts.'),
    point('crash-before-call', ORCHESTRATION_ONLY, { crash: { step: step.id, when: 'before-call', phase: 'compensation' } }, 'the orchestrator crashes just before that call, restarts and recovers from its saga log.'),
    point('crash-after-commit', ORCHESTRATION_ONLY, { crash: { step: step.id, when: 'after-commit', phase: 'compensation' } }, `${s} commits it and the orchestrator crashes before the reply arrives, then recovers from its saga log.`),
  ];
}

/** Every single fault point of a definition, step by step: the step's forward faults, then its compensation's. */
export function faultPoints(def: SagaDefinition): FaultPoint[] {
  return def.steps.flatMap((step, i) => [...forwardPoints(step), ...compensationPoints(def, i)]);
}
