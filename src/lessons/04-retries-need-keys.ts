import { alertWords, brokenInvariants, chargeRows, eventsOf, firstOf, plural, refundRows, serviceName, stepsOf, times } from './runFacts';
import type { LessonContent, NumberQuestion } from './types';

const question: NumberQuestion = {
  kind: 'number',
  prompt: 'How many charge rows will the Payments ledger hold at the end?',
  min: 0,
  max: 5,
  answer: chargeRows,
  expected: 2,
  explain: (run) => {
    const n = chargeRows(run);
    const refunds = refundRows(run);
    const ledger = `The ledger holds ${plural(n, 'charge row')} of $40${refunds > 0 ? ` and ${plural(refunds, 'refund row')}` : ''} for one order.`;
    const lost = firstOf(run, 'response.lost');
    if (!lost) return `${ledger} No reply was lost in this run, so nothing was retried and nothing could happen twice.`;
    const svc = serviceName(lost.step);
    const attempts = stepsOf(run, 'step.started').filter((s) => s === lost.step).length;
    const deduplicated = eventsOf(run, 'step.deduplicated').some((e) => e.step === lost.step);
    const uncertain = eventsOf(run, 'step.uncertain').some((e) => e.step === lost.step);
    const parts = [ledger, `The first attempt at ${svc} committed; only its reply was lost, and the orchestrator tried ${times(attempts)} in all.`];
    // What the repeats did is read from the service's own writes: one insert per attempt that executed.
    const writes = run.trace.filter((e) => e.type === 'db.changed' && e.op === 'insert' && e.step === lost.step && e.action === 'forward').length;
    if (attempts > 1 && deduplicated)
      parts.push(`Each retry carried the same idempotency key, so ${svc} sent back its stored reply instead of doing the work again.`);
    else if (attempts > 1 && writes > 1)
      parts.push(`The retries carried no key, so ${svc} could not tell them from new requests and did the work again: its table got ${writes} rows, not one.`);
    else if (attempts > 1)
      parts.push(`The retries carried no key; ${svc} happened to find the row it had already written and did not write another — its own check, not a guarantee every service gives.`);
    if (uncertain) parts.push(`No reply ever came, so the step’s outcome stayed unknown and the saga compensated it to be safe${refunds > 0 ? ': the refund row' : ''}.`);
    const broken = brokenInvariants(run);
    parts.push(`The saga ends ${run.outcome} with ${alertWords(run)}${broken ? `, yet ${broken} ${run.violations.length === 1 ? 'is' : 'are'} broken: the silent kind of bug, caught only by the invariants, which see every database.` : ', and every invariant holds.'}`);
    return parts.join(' ');
  },
};

/** Lesson 4: a lost response, a retry, and the idempotency key that makes retrying safe. Its title, scenario and layout are in `course.ts`. */
export const retriesNeedKeys: LessonContent = {
  text: [
    'Networks lose messages. Here Payments charges the card and commits, but its reply never arrives. The orchestrator waits 2 seconds, gives up on that attempt and tries again. From where it stands, “the charge failed” and “the reply was lost” look exactly the same.',
    'Retrying is the right call — but only if doing the same thing twice has the effect of doing it once. An idempotency key makes that so: every call carries a key (here: the saga id and the step), the service stores its reply under that key, and a repeat with the same key gets the stored reply back. Card payment APIs such as Stripe’s work this way.',
    'In this run, the keys are turned off.',
  ],
  question,
  tryIt:
    'Turn idempotency keys on: the retry gets Payments’ stored reply and the ledger keeps one charge. Then lose 3 replies: the retries run out, the step’s outcome is unknown, and the saga compensates it to be safe.',
};
