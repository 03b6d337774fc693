import type { RunResult } from '../core';
import { spansOfRun } from '../core/trace-export/runSpans';
import { attr, type SagaSpan } from '../core/trace-export/spanModel';
import { formatAnswer } from './answers';
import type { ChoiceQuestion, Lesson } from './types';

/** A call as the waterfall shows it: the orchestrator's request, or a choreography participant handling an event. */
const isCall = (s: SagaSpan) => s.kind === 'client' || s.kind === 'consumer';

/** The first saga's forward calls per step, as the waterfall draws them: from the first attempt's start to the last one's end. */
function stepTimes(run: RunResult): Map<string, { ms: number; attempts: SagaSpan[] }> {
  const out = new Map<string, { ms: number; attempts: SagaSpan[] }>();
  for (const s of spansOfRun(run)) {
    if (s.saga !== 's-1' || !isCall(s) || s.phase !== 'forward' || !s.step) continue;
    const attempts = [...(out.get(s.step)?.attempts ?? []), s];
    out.set(s.step, { attempts, ms: Math.max(...attempts.map((a) => a.endMs)) - Math.min(...attempts.map((a) => a.startMs)) });
  }
  return out;
}

/** The step whose row group in the waterfall is widest. */
function longestStep(run: RunResult): string {
  let best = '';
  let bestMs = -1;
  for (const [step, { ms }] of stepTimes(run)) {
    if (ms > bestMs) [best, bestMs] = [step, ms];
  }
  return best;
}

/** Whether the service span inside this call carries a lost reply. */
const lostReply = (spans: readonly SagaSpan[], call: SagaSpan): boolean =>
  spans.some((s) => s.parentSpanId === call.spanId && attr(s, 'saga.response_lost') === true);

const secs = (ms: number) => `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;

const question: ChoiceQuestion = {
  kind: 'choice',
  prompt: 'Warehouse refuses the order and the saga compensates. Which step took the longest?',
  options: [
    { value: 'inventory', label: 'Inventory — the first step' },
    { value: 'order', label: 'Order' },
    { value: 'payment', label: 'Payment' },
    { value: 'warehouse', label: 'Warehouse — the step that failed' },
  ],
  answer: longestStep,
  expected: 'payment',
  explain: (run) => {
    const times = stepTimes(run);
    const step = longestStep(run);
    const slow = times.get(step);
    const spans = spansOfRun(run);
    const failed = spans.find(
      (s) => isCall(s) && s.phase === 'forward' && s.status === 'error' && s.statusMessage !== undefined && !s.statusMessage.startsWith('no response'),
    );
    const undone = spans.filter((s) => isCall(s) && s.compensation && s.status === 'ok').map((s) => s.step);
    const first = slow?.attempts[0];
    const last = slow?.attempts.at(-1);
    if (!slow || slow.ms === 0) {
      return 'In this run every step’s own span is an instant: each service’s local transaction takes no time here, and the time passes between spans, on the network or the bus. Read the gaps, not the bars.';
    }
    return (
      `${formatAnswer(question, step)}: ${secs(slow.ms)} from its first call to its last reply. ` +
      (first?.status === 'error' && last && slow.attempts.length > 1
        ? `Its first attempt is the long red bar, ended by “${first.statusMessage}”${lostReply(spans, first) ? ': the service had committed, but its reply was lost' : ''}. A dashed gap follows — the retry’s backoff — and then attempt ${last.attempt}, ${attr(last, 'saga.replayed') === true ? 'answered from the stored reply (same idempotency key)' : 'executed again by the service'}. `
        : '') +
      (failed ? `The step that failed is ${failed.step}, in red with its reason: ${failed.statusMessage}. ` : '') +
      (undone.length > 0 ? `The amber rows are the compensations, in the order they ran: ${undone.join(', ')} — each linked to the call it undoes. ` : '') +
      'Nothing here is special to the simulator: Jaeger, Datadog or Honeycomb draw the same waterfall from real services. Download the trace and open it in one of them.'
    );
  },
};

/** Lesson 7: the run as an APM shows it — a span waterfall, a diff against a good run, and files real tools open. */
export const watchingSagasInProduction: Lesson = {
  id: 'watching-sagas-in-production',
  title: 'Watching sagas in production',
  text: [
    'In production nobody watches an animation. Each service reports spans — “I handled this call, it took this long, it failed with this status” — to a tracing tool, which draws them as a waterfall: one row per span, nested by who called whom, on one time axis.',
    'A saga makes a recognisable picture. The orchestrator’s calls sit under the saga’s root, each service’s own span inside the call. Retries are separate attempts with a gap for the backoff. Errors are red with their reason; compensations are their own spans, linked to the step they undo.',
    'Here Warehouse refuses the order, and on the way Payments’ reply is lost once. The waterfall is compared with the same order without faults, so it shows what the failure cost.',
  ],
  scenario: { failAt: 'warehouse', lostResponses: { payment: 1 } },
  unlocked: ['failAt', 'lost', 'keys', 'mode', 'drop', 'crash'],
  view: 'trace',
  question,
  tryIt:
    'Switch to choreography and drop an event: the waterfall shows a producer with no consumer — and nothing after it, which is exactly why nobody notices. Then download the trace and open it in Jaeger UI or Perfetto.',
};
