import type { RunResult, TraceEvent } from '../core';
import { formatAnswer } from './answers';
import type { ChoiceQuestion, LessonContent } from './types';

/**
 * The first saga's forward calls per step, as the waterfall draws them: from the first attempt's
 * start to its last reply. Read straight off the trace's own facts (the waterfall's spans are built
 * from the same events, and a test checks that both agree), so the span builder stays out of the
 * first page load.
 */
type Attempt = { started: TraceEvent; ended?: TraceEvent; lost: boolean };
function stepTimes(run: RunResult): Map<string, { ms: number; attempts: Attempt[] }> {
  const out = new Map<string, { ms: number; attempts: Attempt[] }>();
  for (const e of run.trace) {
    if (e.saga !== 's-1' || typeof e.step !== 'string') continue;
    const entry = out.get(e.step) ?? { ms: 0, attempts: [] };
    const current = entry.attempts.at(-1);
    if (e.type === 'step.started') entry.attempts.push({ started: e, lost: false });
    else if (current && !current.ended && (e.type === 'step.succeeded' || e.type === 'step.failed')) current.ended = e;
    else if (current && !current.ended && e.type === 'response.lost') current.lost = true;
    else continue;
    out.set(e.step, entry);
  }
  for (const entry of out.values()) {
    const ends = entry.attempts.map((a) => a.ended?.at ?? a.started.at);
    entry.ms = Math.max(...ends) - entry.attempts[0].started.at;
  }
  return out;
}

/** The step whose row group in the waterfall is widest. */
export function longestStep(run: RunResult): string {
  let best = '';
  let bestMs = -1;
  for (const [step, { ms }] of stepTimes(run)) {
    if (ms > bestMs) [best, bestMs] = [step, ms];
  }
  return best;
}

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
    const failed = run.trace.find((e) => e.saga === 's-1' && e.type === 'step.failed' && e.business === true);
    const undone = run.trace.filter((e) => e.saga === 's-1' && e.type === 'compensation.succeeded').map((e) => e.step);
    const first = slow?.attempts[0];
    const last = slow?.attempts.at(-1);
    if (!slow || slow.ms === 0) {
      return 'In this run every step’s own span is an instant: each service’s local transaction takes no time here, and the time passes between spans, on the network or the bus. Read the gaps, not the bars.';
    }
    const reasonOf = (e?: TraceEvent) => (e?.reason === 'timeout' ? `no response after ${secs(Number(e.timeoutMs))}` : String(e?.reason ?? ''));
    return (
      `${formatAnswer(question, step)}: ${secs(slow.ms)} from its first call to its last reply. ` +
      (first?.ended?.type === 'step.failed' && last && slow.attempts.length > 1
        ? `Its first attempt is the long red bar, ended by “${reasonOf(first.ended)}”${first.lost ? ': the service had committed, but its reply was lost' : ''}. A dashed gap follows — the retry’s backoff — and then attempt ${last.started.attempt}, ${last.ended?.replayed === true ? 'answered from the stored reply (same idempotency key)' : 'executed again by the service'}. `
        : '') +
      (failed ? `The step that failed is ${failed.step}, in red with its reason: ${String(failed.reason)}. ` : '') +
      (undone.length > 0 ? `The amber rows are the compensations, in the order they ran: ${undone.join(', ')} — each linked to the call it undoes. ` : '') +
      'Nothing here is special to the simulator: Jaeger, Datadog or Honeycomb draw the same waterfall from real services. Download the trace and open it in one of them.'
    );
  },
};

/** Lesson 7: the run as an APM shows it — a span waterfall, a diff against a good run, and files real tools open. Its title, scenario and layout are in `course.ts`. */
export const watchingSagasInProduction: LessonContent = {
  text: [
    'In production nobody watches an animation. Each service reports spans — “I handled this call, it took this long, it failed with this status” — to a tracing tool, which draws them as a waterfall: one row per span, nested by who called whom, on one time axis.',
    'A saga makes a recognisable picture. The orchestrator’s calls sit under the saga’s root, each service’s own span inside the call. Retries are separate attempts with a gap for the backoff. Errors are red with their reason; compensations are their own spans, linked to the step they undo.',
    'Here Warehouse refuses the order, and on the way Payments’ reply is lost once. The waterfall is compared with the same order without faults, so it shows what the failure cost.',
  ],
  question,
  tryIt:
    'Switch to choreography and drop an event: the waterfall shows a producer with no consumer — and nothing after it, which is exactly why nobody notices. Then download the trace and open it in Jaeger UI or Perfetto.',
};
