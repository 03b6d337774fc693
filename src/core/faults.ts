import type { Kernel } from './kernel/kernel';
import type { SagaRuntime } from './kernel/state';
import type { CallAction } from './traceEvents';

/**
 * Fault injection: each knob of the scenario as a function of the scenario and the fault
 * budget used so far (the kernel's counters). Every knob aims at the first buyer's saga
 * (`s-1`) only, and each once-only fault is counted in the budget, so a fork or a replay
 * injects exactly the same faults.
 */
const targeted = (saga: SagaRuntime) => saga.index === 0;

const kindOf = (k: Kernel, step: string) => k.definition.steps.find((d) => d.id === step)?.kind;

/** `failAt`: the service rejects the forward action (a business failure) — except after the pivot, see {@link unavailable}. */
export function rejects(k: Kernel, saga: SagaRuntime, step: string, action: CallAction): boolean {
  return action === 'forward' && k.scenario.failAt === step && targeted(saga) && kindOf(k, step) !== 'retriable';
}

/** After the pivot a step cannot fail for good: `failAt` there means it is unavailable (503) for its first two calls. */
export function unavailable(k: Kernel, saga: SagaRuntime, step: string, action: CallAction): boolean {
  if (action !== 'forward' || k.scenario.failAt !== step || !targeted(saga) || kindOf(k, step) !== 'retriable') return false;
  return k.bump('unavailable') <= 2;
}

/** `compensationFailures`: the compensation answers 500 (until an operator has acted on the saga). */
export function failsCompensation(k: Kernel, saga: SagaRuntime, step: string): boolean {
  const n = k.scenario.compensationFailures?.[step];
  if (n === undefined || n === 0 || !targeted(saga) || k.state.counters[`operator:${saga.id}`]) return false;
  return n === 'always' || k.bump(`compFail:${step}`) <= n;
}

/** Whether this forward reply is lost, and why: `dropEvent` (the reply is dropped once) or `lostResponses`. */
export function losesReply(k: Kernel, saga: SagaRuntime, step: string): 'lost' | 'dropped' | undefined {
  if (!targeted(saga)) return undefined;
  const lost = k.scenario.lostResponses?.[step] ?? 0;
  const dropped = k.scenario.mode === 'orchestration' && k.scenario.dropEvent === step ? 1 : 0;
  if (lost + dropped === 0) return undefined;
  const n = k.bump(`lost:${step}`);
  if (n <= dropped) return 'dropped';
  return n <= lost + dropped ? 'lost' : undefined;
}

/** Choreography's `dropEvent`: the event this step publishes is lost once. */
export function dropsEvent(k: Kernel, saga: SagaRuntime, step: string): boolean {
  return k.scenario.dropEvent === step && targeted(saga) && k.bump(`dropped:${step}`) === 1;
}

/** `crash`: the orchestrator dies at this point (once per run). */
export function crashesHere(k: Kernel, saga: SagaRuntime, step: string, action: CallAction, when: 'before-call' | 'after-commit'): boolean {
  const c = k.scenario.crash;
  if (!c || !targeted(saga) || k.state.counters.crashed || c.step !== step || c.when !== when) return false;
  return action === ((c.phase ?? 'forward') === 'forward' ? 'forward' : 'compensate');
}

/** `serviceDelays`: extra processing time at the service, in virtual ms. */
export function serviceDelay(k: Kernel, saga: SagaRuntime, step: string): number {
  return targeted(saga) ? (k.scenario.serviceDelays?.[step] ?? 0) : 0;
}
