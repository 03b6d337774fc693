import { completedSagas } from './runFacts';
import type { Lesson, NumberQuestion } from './types';

const question: NumberQuestion = {
  kind: 'number',
  prompt: 'Two buyers, one seat, no lock. How many buyers end up with the seat?',
  min: 0,
  max: 2,
  answer: completedSagas,
  expected: 2,
  explain: (run) => {
    const n = completedSagas(run);
    const broken = run.violations.map((v) => v.message).join(' ');
    return (
      `${n} buyer${n === 1 ? '' : 's'} got the one seat. ` +
      (n > 1
        ? 'Both read “available” before either wrote its hold, and both sagas completed with no error and no alert. Nothing failed, so no compensation ran: a race is not a failure the saga can see. '
        : 'The second buyer found the seat taken and backed off. ') +
      (broken ? `The invariants panel says: ${broken}` : 'No invariant is broken.')
    );
  },
};

/** Lesson 5: two sagas, one seat; the semantic lock. */
export const sagasAreNotIsolated: Lesson = {
  id: 'sagas-are-not-isolated',
  title: 'Sagas are not isolated',
  text: [
    'A database transaction hides its half-done work from everyone else until it commits. A saga cannot: each of its local transactions commits at once, and anyone can read the result.',
    'Two buyers want the last seat. Each saga first checks that the seat is available, then holds it — two separate steps. If both checks happen before either hold, both buyers read “available”.',
    'The fix is a semantic lock: the hold writes the status PENDING in the same atomic step as the check, and a saga that finds PENDING backs off — it fails fast and compensates, or waits and tries again. In this run the lock is off.',
  ],
  scenario: { buyers: 2, semanticLock: false },
  unlocked: ['buyers', 'stock', 'lock', 'lockPolicy'],
  view: 'race',
  question,
  tryIt:
    'Turn the semantic lock on: buyer 2 reads PENDING and backs off. Then choose “You are the scheduler” and decide who moves at each point, or “Explore all” to check every possible interleaving, with and without the lock.',
};
