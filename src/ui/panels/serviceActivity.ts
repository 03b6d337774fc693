import type { SagaStep, TraceEvent } from '../../core';
import { buyerOf, secs } from './labels';

/** What a service is doing at the cursor, as a tone (for colour) plus words and an icon (never colour alone). */
export interface ServiceActivity {
  tone: 'idle' | 'busy' | 'ok' | 'fail' | 'comp' | 'warn';
  /** True while a request is at the service and not yet answered. */
  busy: boolean;
  icon: string;
  text: string;
}

const IDLE: ServiceActivity = { tone: 'idle', busy: false, icon: '○', text: 'Idle — no call yet' };

function describeEvent(e: TraceEvent, step: SagaStep, choreography: boolean): Omit<ServiceActivity, 'busy'> | null {
  const attempt = Number(e.attempt) > 1 ? ` (attempt ${e.attempt})` : '';
  switch (e.type) {
    case 'step.started':
      return { tone: 'busy', icon: '●', text: `${choreography ? 'Working' : 'Handling a call'}: ${step.action}${attempt}` };
    case 'compensation.started':
      return { tone: 'comp', icon: '↩', text: `Handling a compensation: ${step.compensation ?? 'undo'}${attempt}` };
    case 'confirmation.started':
      return { tone: 'busy', icon: '●', text: `Handling a call: confirm the order${attempt}` };
    case 'request.handled':
      return e.ok
        ? { tone: 'ok', icon: '✓', text: `Answered ${e.status}${e.replayed ? ' (replayed stored result)' : ''}; response on its way` }
        : { tone: 'fail', icon: '✗', text: `Answered ${e.status} (error); response on its way` };
    case 'response.lost':
      return { tone: 'fail', icon: '✕', text: 'Committed, but its response was lost' };
    case 'response.undelivered':
      return { tone: 'warn', icon: '✕', text: 'Answered, but the orchestrator is down' };
    case 'step.deduplicated':
    case 'compensation.deduplicated':
    case 'confirmation.deduplicated':
      return { tone: 'ok', icon: '✓', text: 'Same idempotency key: replayed the stored result' };
    case 'step.succeeded':
      return { tone: 'ok', icon: '✓', text: e.replayed ? 'Done (replayed, nothing executed twice)' : `Done: ${step.action}` };
    case 'step.failed':
      return { tone: 'fail', icon: '✗', text: e.reason === 'timeout' ? 'No answer heard: timed out' : `Failed: ${String(e.reason)}` };
    case 'step.retrying':
      return { tone: 'warn', icon: '↻', text: `Waiting: retry in ${secs(Number(e.delayMs))} (attempt ${e.attempt})` };
    case 'compensation.succeeded':
      return { tone: 'comp', icon: '↩', text: `Compensated: ${step.compensation ?? 'undone'}` };
    case 'compensation.failed':
      return { tone: 'fail', icon: '✗', text: `Compensation failed: ${e.reason === 'timeout' ? 'no response' : String(e.reason)}` };
    case 'compensation.retrying':
      return { tone: 'warn', icon: '↻', text: `Waiting: compensation retry in ${secs(Number(e.delayMs))} (attempt ${e.attempt})` };
    case 'confirmation.succeeded':
      return { tone: 'ok', icon: '✓', text: 'Confirmed' };
    case 'alert.raised':
      return { tone: 'warn', icon: '⚠', text: 'Alert raised: an operator must act' };
    case 'operator.retried':
      return { tone: 'comp', icon: '↻', text: 'Operator retries the compensation' };
    case 'operator.resolved':
      return { tone: 'comp', icon: '✓', text: 'Operator resolved the compensation by hand' };
    case 'orchestrator.crashed':
      return e.when === 'before-call'
        ? { tone: 'warn', icon: '✕', text: 'Idle — the orchestrator crashed before calling' }
        : { tone: 'warn', icon: '✕', text: 'Committed — the orchestrator crashed before hearing back' };
    case 'event.published':
      return { tone: 'ok', icon: '→', text: `Published ${String(e.topic)}` };
    case 'event.delivered':
      return { tone: 'busy', icon: '←', text: `Received ${String(e.topic)}` };
    case 'event.dropped':
      return { tone: 'fail', icon: '✕', text: `${String(e.topic)} was dropped on the way` };
    default:
      return null;
  }
}

/** The service's state from the last revealed event about its step; with several buyers, says whose. */
export function serviceActivity(revealed: readonly TraceEvent[], step: SagaStep, opts: { buyers: number; choreography: boolean }): ServiceActivity {
  for (let i = revealed.length - 1; i >= 0; i--) {
    const e = revealed[i];
    if (e.step !== step.id) continue;
    // A publication's `step` is the publisher; a delivery's is the subscriber: both are about this service.
    const d = describeEvent(e, step, opts.choreography);
    if (!d) continue;
    const who = opts.buyers > 1 ? `Buyer ${buyerOf(e.saga)}: ` : '';
    return { ...d, busy: e.type.endsWith('.started'), text: `${who}${d.text}` };
  }
  return IDLE;
}
