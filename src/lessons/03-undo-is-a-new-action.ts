import { formatAnswer } from './answers';
import { eventsOf, failedStep, listWords, netCharged, neverStarted, orderStatus, possessive, retryDelays, serviceName, stepsOf, times } from './runFacts';
import { UNDO_OPTIONS } from './stepOptions';
import type { LessonContent, OrderQuestion } from './types';

const question: OrderQuestion = {
  kind: 'order',
  prompt: 'The Warehouse step fails. Which three compensations run, first to last?',
  options: UNDO_OPTIONS,
  places: 3,
  answer: (run) => stepsOf(run, 'compensation.succeeded'),
  expected: ['payment', 'order', 'inventory'],
  explain: (run) => {
    const undone = question.answer(run);
    const failed = failedStep(run);
    const skipped = neverStarted(run).map(serviceName);
    const parts: string[] = [];
    const operator = run.trace.filter((e) => e.type.startsWith('operator.'));
    if (undone.length > 0) {
      parts.push(`They ran ${formatAnswer(question, undone)}: the reverse of the order the steps committed, so each undo finds things as its own step left them.`);
    } else if (eventsOf(run, 'compensation.started').length === 0) {
      parts.push(failed === undefined ? 'No compensation ran: no step failed.' : 'No compensation ran: nothing before the failing step had committed.');
    } else {
      parts.push('No compensation completed.');
    }
    if (failed) parts.push(`${serviceName(failed)} failed, so it had nothing to undo${skipped.length > 0 ? `, and ${listWords(skipped)} never ran` : ''}.`);
    // Every compensation that failed at least once: how often, and what the retries did.
    for (const step of [...new Set(stepsOf(run, 'compensation.failed'))]) {
      const failures = stepsOf(run, 'compensation.failed').filter((s) => s === step).length;
      const delays = retryDelays(run, 'compensation.retrying', step);
      const ok = undone.includes(step);
      parts.push(
        `${possessive(serviceName(step))} undo failed ${times(failures)}${delays ? `, with retries after ${delays}` : ''}${ok ? ', and then went through.' : operator.length > 0 ? ', until an operator stepped in.' : ', and never went through.'}`,
      );
    }
    const kinds = run.databases.payments.rows.map((r) => String(r.kind));
    if (kinds.length > 0) parts.push(`The ledger keeps ${kinds.length === 1 ? 'one row' : 'every row'} — ${listWords(kinds.map((k) => `a ${k}`))} — so the card nets $${netCharged(run)}.`);
    if (orderStatus(run) !== 'none') parts.push(`The order row stays, marked ${orderStatus(run)}.`);
    if (run.alerts.length === 0) parts.push(undone.length > 0 ? 'No alert was needed: every compensation eventually succeeded.' : 'No alert was needed.');
    else
      parts.push(
        `An alert was raised: the saga stopped in needs attention instead of hiding the failure${
          operator.length > 0 ? `, and an operator ${operator.some((e) => e.type === 'operator.resolved') ? 'resolved it by hand' : 'retried it'}` : ', and it waits for an operator'
        }.`,
      );
    return parts.join(' ');
  },
};

/** Lesson 3: compensations in reverse order; a compensation is a new action, and it can fail. Its title, scenario and layout are in `course.ts`. */
export const undoIsANewAction: LessonContent = {
  text: [
    'A saga cannot roll back. By the time the Warehouse says no, the seat is held, the order exists and the card is charged: three commits in three databases.',
    'So the saga runs compensations — for each step that completed, a new action that undoes its effect. A refund is a new row in the ledger, next to the charge. A cancelled order keeps its row, with the status CANCELLED. Nothing is deleted, so the history stays true.',
    'Compensations can fail too. Here the refund fails twice with an error before it goes through. Compensations are safe to repeat, so the orchestrator retries them, waiting longer each time. If one never succeeds, the saga must not hide it: it stops in “needs attention” and raises an alert for a person.',
  ],
  question,
  tryIt:
    'Make the refund fail “always”: the retries run out, the saga stops in needs-attention and an incident appears with buttons for the operator. Then fail a different step — only what committed is undone.',
};
