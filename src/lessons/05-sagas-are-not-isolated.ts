import { alertWords, completedSagas, times } from './runFacts';
import type { LessonContent, NumberQuestion } from './types';

const question: NumberQuestion = {
  kind: 'number',
  prompt: 'Two buyers, one seat, no lock. How many buyers end up with the seat?',
  min: 0,
  max: 2,
  answer: completedSagas,
  expected: 2,
  explain: (run) => {
    const n = completedSagas(run);
    const buyers = run.sagas.length;
    const stock = run.scenario.stock;
    const broken = run.violations.map((v) => v.message).join(' ');
    const parts = [`${n} of ${buyers} buyer${buyers === 1 ? '' : 's'} got ${stock === 1 ? 'the one seat' : `a seat, with ${stock} in stock`}.`];
    if (buyers === 1) parts.push('With one buyer there is nobody to race.');
    else if (n > stock)
      parts.push(
        `Each of those ${n} read “available” when it checked — the check and the write are separate steps, so the reads ran ahead of the writes — and their sagas completed with no error and ${alertWords(run)}. Nothing failed, so no compensation ran: a race is not a failure the saga can see.`,
      );
    // Each buyer that did not get a seat: what its Inventory step was told, read from the trace.
    for (const saga of run.sagas.filter((s) => s.outcome !== 'completed')) {
      const refusals = run.trace.filter((e) => e.saga === saga.id && e.type === 'step.failed' && e.step === 'inventory');
      const waited = refusals.filter((e) => e.business !== true).length;
      const last = refusals.at(-1);
      const buyer = `Buyer ${saga.id.slice(2)}`;
      parts.push(
        last
          ? `${buyer} ${waited > 0 ? `waited ${times(waited)} on “${String(refusals[0].reason)}”, then ` : ''}was told “${String(last.reason)}” and backed off: its saga ended ${saga.outcome}.`
          : `${buyer}’s saga ended ${saga.outcome}.`,
      );
    }
    parts.push(broken ? `The invariants panel says: ${broken}` : 'No invariant is broken.');
    return parts.join(' ');
  },
};

/** Lesson 5: two sagas, one seat; the semantic lock. Its title, scenario and layout are in `course.ts`. */
export const sagasAreNotIsolated: LessonContent = {
  text: [
    'A database transaction hides its half-done work from everyone else until it commits. A saga cannot: each of its local transactions commits at once, and anyone can read the result.',
    'Two buyers want the last seat. Each saga first checks that the seat is available, then holds it — two separate steps. If both checks happen before either hold, both buyers read “available”.',
    'The fix is a semantic lock: the hold writes the status PENDING in the same atomic step as the check, and a saga that finds PENDING backs off — it fails fast and compensates, or waits and tries again. In this run the lock is off.',
  ],
  question,
  tryIt:
    'Turn the semantic lock on: buyer 2 reads PENDING and backs off. Then choose “You are the scheduler” and decide who moves at each point, or “Explore all” to check every possible interleaving, with and without the lock.',
};
