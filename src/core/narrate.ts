import { resolveDefinition } from './definitions';
import type { SagaDefinition } from './definitions/definition';
import type { StepId, TraceEvent } from './types';

const secs = (ms: unknown) => {
  const n = Number(ms);
  return n >= 1000 ? `${(n / 1000).toLocaleString('en-US', { maximumFractionDigits: 2 })} s` : `${n} ms`;
};
/** What a sentence needs to know about the run. */
export interface NarrationContext {
  buyers?: number;
  mode?: 'orchestration' | 'choreography';
  /** Without the lock the inventory step only reads availability; the write comes at confirmation. */
  semanticLock?: boolean;
  /** The saga being narrated (default: the order saga); pass `run.scenario.definition` or a resolved definition. */
  definition?: SagaDefinition | Parameters<typeof resolveDefinition>[0];
}

type Words = { SERVICE: Record<StepId, string>; ACTION: Record<StepId, string>; UNDO: Record<StepId, string>; order: boolean; title: string };
const WORDS = new WeakMap<SagaDefinition, Words>();
const words = (definition: NarrationContext['definition']): Words => {
  const def = typeof definition === 'object' && definition.steps.every((s) => 'table' in s) ? (definition as SagaDefinition) : resolveDefinition(definition);
  let w = WORDS.get(def);
  if (!w) {
    const pick = (f: (s: SagaDefinition['steps'][number]) => string) => Object.fromEntries(def.steps.map((s) => [s.id, f(s)])) as Record<StepId, string>;
    w = { SERVICE: pick((s) => s.service), ACTION: pick((s) => s.action), UNDO: pick((s) => s.compensation ?? 'undo'), order: def.steps.some((s) => s.table === 'orders'), title: def.title };
    WORDS.set(def, w);
  }
  return w;
};

const who = (e: TraceEvent, buyers: number) => (buyers > 1 ? `Buyer ${e.saga.slice(2)}'s saga` : 'The orchestrator');
const of = (e: { attempt?: unknown }) => ` (attempt ${e.attempt})`;

/** The trace event types that are bookkeeping rather than story; views may skip them. */
export const QUIET_EVENTS: ReadonlySet<string> = new Set(['run.started', 'db.changed', 'request.handled', 'event.delivered']);

/**
 * One plain-words sentence for a trace event (empty for bookkeeping events). Used by the
 * narration panel, its ARIA live region and the CLI. `buyers` > 1 names whose saga it is.
 */
export function narrate(event: TraceEvent, { buyers = 1, mode = 'orchestration', semanticLock = true, definition }: NarrationContext = {}): string {
  const { SERVICE, ACTION, UNDO, order: isOrder, title } = words(definition);
  /** What a step's forward action is, in words, given the lock. */
  const actionOf = (step: StepId, lock: boolean) => (step === 'inventory' && !lock ? 'read whether the seat is available' : ACTION[step]);
  // Narration reads any field an event type carries; absent fields read as undefined.
  const e = event as TraceEvent & Record<string, unknown>;
  const step = e.step as StepId | undefined;
  const svc = step ? SERVICE[step] : '';
  const by = who(e, buyers);
  const order = `order o-${e.saga.slice(2)}`;
  // Several buyers: every sentence says whose saga it is about, even a service's answer (the saga id names the buyer).
  const buyer = buyers > 1 ? `Buyer ${e.saga.slice(2)}` : '';
  const pre = buyer && `${buyer}: `;
  const whose = buyer && `${buyer}'s `;
  const forBuyer = buyer && ` for ${buyer}`;
  switch (e.type) {
    case 'saga.started':
      if (!isOrder) return `${buyers > 1 ? `Buyer ${e.buyer}` : 'A customer'} starts ${order}: ${title}.`;
      return buyers > 1 ? `Buyer ${e.buyer} places ${order} for ${String(e.item)} ($${e.amount}).` : `A customer places ${order} for ${String(e.item)} ($${e.amount}).`;
    case 'step.started':
      if (mode === 'choreography') return `${svc} reacts on its own${forBuyer}: ${actionOf(step as StepId, semanticLock)}.`;
      return `${by} asks ${svc} to ${actionOf(step as StepId, semanticLock)}${Number(e.attempt) > 1 ? `${of(e)}${e.key ? ` with the same idempotency key` : ' — without an idempotency key'}` : ''}.`;
    case 'step.succeeded':
      if (buyer) return e.replayed ? `${svc} answers ${buyer} with its stored answer: done, nothing executed twice.` : `${svc} answers ${buyer}: done, ${actionOf(step as StepId, semanticLock)} — committed in its own database.`;
      return e.replayed ? `${svc} replayed its stored answer: done, nothing executed twice.` : `${svc} did it: ${actionOf(step as StepId, semanticLock)} — committed in its own database.`;
    case 'step.failed':
      if (e.reason === 'timeout') return `No response from ${svc}${buyer && ` to ${buyer}`} after ${secs(e.timeoutMs)}${of(e)}.`;
      if (e.status === 409 && !e.business) return `${svc} answers ${buyer && `${buyer} `}409: the first request with this key is still being processed${of(e)}. Not done yet, not failed — so the orchestrator backs off and asks again.`;
      if (e.business) return `${svc} refused${buyer && ` ${buyer}`}: ${String(e.reason)}. That is a business answer, so it is not retried.`;
      return `${svc} failed${buyer && ` ${buyer}'s request`}${of(e)}: ${String(e.reason)}.`;
    case 'step.retrying':
      return `Retrying ${svc}${forBuyer} in ${secs(e.delayMs)} (attempt ${e.attempt} of ${Number.isFinite(Number(e.maxAttempts)) ? e.maxAttempts : '∞'}).`;
    case 'step.deduplicated':
      return `${svc} has seen ${whose}idempotency key ${String(e.key)} before: it returns the original result instead of doing it again.`;
    case 'step.uncertain':
      return `Out of attempts with no clear answer from ${svc}${buyer && ` to ${buyer}`}: it may have committed, so it is compensated too — safe, because compensations are idempotent.`;
    case 'response.lost':
      if (mode === 'choreography') return `${svc} committed${buyer && ` ${whose}order`}, but its acknowledgement to the bus is lost: the bus will deliver the event again.`;
      return `${svc} committed${buyer && ` ${whose}request`}, but its ${e.dropped ? 'reply is dropped' : 'response is lost'} on the way back.`;
    case 'response.undelivered':
      return `${svc}'s response${buyer && ` to ${buyer}`} arrives, but the orchestrator that asked is down: nobody hears it.`;
    case 'saga.compensating':
      return `${by} gives up on ${SERVICE[e.failedStep as StepId] ?? 'the step'} and undoes the completed steps in reverse order.`;
    case 'compensation.started':
      if (mode === 'choreography') return `${svc} hears of ${buyer ? `${whose}failure` : 'the failure'} and undoes its own work: ${UNDO[step as StepId]}.`;
      return `${by} asks ${svc} to ${UNDO[step as StepId]}${Number(e.attempt) > 1 ? of(e) : ''} — a new action, not an erase.`;
    case 'compensation.succeeded':
      if (buyer) return e.replayed ? `${svc} answers ${buyer} with its stored answer: already undone, not undone twice.` : `${svc} answers ${buyer}: done, ${UNDO[step as StepId]}.`;
      return e.replayed ? `${svc} replayed its stored answer: already undone, not undone twice.` : `${svc} did it: ${UNDO[step as StepId]}.`;
    case 'compensation.failed':
      return `${svc} could not ${UNDO[step as StepId]}${forBuyer}${of(e)}: ${e.reason === 'timeout' ? 'no response' : String(e.reason)}.`;
    case 'compensation.retrying':
      return `Compensations are never dropped: retrying ${svc}${forBuyer} in ${secs(e.delayMs)} (attempt ${e.attempt} of ${Number.isFinite(Number(e.maxAttempts)) ? e.maxAttempts : '∞'}). If every attempt fails, an alert asks an operator to finish it.`;
    case 'compensation.deduplicated':
      return `${svc} has already done ${buyer ? `${whose}compensation` : 'this compensation'} (key ${String(e.key)}): it returns the stored result.`;
    case 'confirmation.started': {
      const effect = !isOrder ? 'its booking becomes CONFIRMED' : step !== 'inventory' ? 'the order becomes CONFIRMED' : semanticLock ? 'the hold becomes SOLD' : 'it writes the sale now, without checking again';
      if (mode === 'choreography') return `${svc} hears ${buyer ? `${whose}last step` : 'the last step'} succeeded: ${effect}.`;
      return `${by} tells ${svc} the saga completed: ${effect}.`;
    }
    case 'confirmation.succeeded':
      return buyer ? `${svc} confirmed ${whose}order.` : `${svc} confirmed.`;
    case 'confirmation.failed':
      return `${svc} did not confirm${buyer && ` ${whose}order`} (${e.reason === 'timeout' ? 'no response' : String(e.reason)}). Past the last step the saga only goes forward: it will retry.`;
    case 'confirmation.retrying':
      return `Retrying the confirmation${buyer && ` of ${whose}order`} at ${svc} in ${secs(e.delayMs)}.`;
    case 'confirmation.deduplicated':
      return `${svc} had already confirmed${buyer && ` ${whose}order`} (same key): nothing done twice.`;
    case 'alert.raised':
      return `ALERT${buyer && ` (${buyer})`}: ${String(e.message)}`;
    case 'operator.retried':
      return `An operator retries ${buyer ? `${whose}compensation` : 'the compensation'} at ${svc} now.`;
    case 'operator.resolved':
      return `An operator marks ${buyer ? `${whose}compensation` : 'the compensation'} at ${svc} as resolved by hand.`;
    case 'orchestrator.crashed':
      return `The orchestrator crashes ${e.when === 'before-call' ? `just before calling ${svc}${forBuyer}` : `right after ${svc} committed${buyer && ` ${whose}request`}`}${e.phase === 'compensation' ? ' its compensation' : ''}. Its saga log survives on disk.`;
    case 'orchestrator.recovered':
      return `The orchestrator restarts and reads its saga log (${e.logRows} rows): ${pre}${(e.completed as string[]).length} steps finished, so it resumes ${e.phase === 'compensating' ? 'compensating' : 'at'} ${e.resumeAt ? SERVICE[e.resumeAt as StepId] : 'the confirmations'} without re-running them.`;
    case 'event.published':
      return `${e.from === 'shop' ? 'The shop' : svc} publishes ${String(e.topic)}${forBuyer}.`;
    case 'event.dropped':
      return `${String(e.topic)}${forBuyer} is dropped on the way. Nobody is waiting for it, so nobody notices.`;
    case 'saga.completed':
      return `${pre}Order o-${e.saga.slice(2)} completed: ${isOrder ? 'CONFIRMED, the seat SOLD, ' : ''}every step committed.`;
    case 'saga.compensated':
      return `${pre}Saga compensated: every completed step was undone by a new action.`;
    case 'saga.needs-attention':
      return `${pre}Saga needs attention: it cannot finish on its own. The incident stays open until an operator acts.`;
    case 'saga.abandoned':
      return `${pre}Nobody undoes anything: there is no saga here. ${SERVICE[e.failedStep as StepId] ?? 'The step'} failed and everything done before it stays done.`;
    case 'saga.stuck':
      return `${pre}Silence. Nothing is in flight and nobody is waiting: ${order} is stuck half-done.`;
    default:
      return '';
  }
}
