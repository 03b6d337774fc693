import { chargeRows, eventsOf } from './runFacts';
import type { Lesson, NumberQuestion } from './types';

const question: NumberQuestion = {
  kind: 'number',
  prompt: 'How many charge rows will the Payments ledger hold at the end?',
  min: 0,
  max: 5,
  answer: chargeRows,
  expected: 2,
  explain: (run) => {
    const n = chargeRows(run);
    const deduplicated = eventsOf(run, 'step.deduplicated').length > 0;
    return (
      `The ledger holds ${n} charge row${n === 1 ? '' : 's'} of $40 for one order. ` +
      'The first attempt charged the card and committed; only the reply was lost. ' +
      (deduplicated
        ? 'The retry carried the same idempotency key, so Payments sent back its stored reply instead of charging again.'
        : 'The retry carried no key, so Payments could not tell it from a new purchase and charged the card again. ') +
      (deduplicated
        ? ''
        : `The saga still ends ${run.outcome} with ${run.alerts.length === 0 ? 'no alert' : 'an alert'}: the silent kind of bug. Only the no-double-charge invariant, which sees every database, catches it.`)
    );
  },
};

/** Lesson 4: a lost response, a retry, and the idempotency key that makes retrying safe. */
export const retriesNeedKeys: Lesson = {
  id: 'retries-need-keys',
  title: 'Retries need idempotency keys',
  text: [
    'Networks lose messages. Here Payments charges the card and commits, but its reply never arrives. The orchestrator waits 2 seconds, gives up on that attempt and tries again. From where it stands, “the charge failed” and “the reply was lost” look exactly the same.',
    'Retrying is the right call — but only if doing the same thing twice has the effect of doing it once. An idempotency key makes that so: every call carries a key (here: the saga id and the step), the service stores its reply under that key, and a repeat with the same key gets the stored reply back. Card payment APIs such as Stripe’s work this way.',
    'In this run, the keys are turned off.',
  ],
  scenario: { lostResponses: { payment: 1 }, idempotencyKeys: false },
  unlocked: ['keys', 'lost'],
  view: 'single',
  question,
  tryIt:
    'Turn idempotency keys on: the retry gets Payments’ stored reply and the ledger keeps one charge. Then lose 3 replies: the retries run out, the step’s outcome is unknown, and the saga compensates it to be safe.',
};
