import { formatAnswer } from './answers';
import { eventsOf, netCharged, retryDelays, stepsOf, times } from './runFacts';
import { UNDO_OPTIONS } from './stepOptions';
import type { Lesson, OrderQuestion } from './types';

const question: OrderQuestion = {
  kind: 'order',
  prompt: 'The Warehouse step fails. Which three compensations run, first to last?',
  options: UNDO_OPTIONS,
  places: 3,
  answer: (run) => stepsOf(run, 'compensation.succeeded'),
  expected: ['payment', 'order', 'inventory'],
  explain: (run) => {
    const refundFailures = stepsOf(run, 'compensation.failed').filter((s) => s === 'payment').length;
    const rows = run.databases.payments.rows.map((r) => String(r.kind)).join(' and a ');
    const retried = refundFailures > 0 ? ` The refund failed ${times(refundFailures)} and was retried after ${retryDelays(run, 'compensation.retrying', 'payment')}.` : '';
    return (
      `They ran ${formatAnswer(question, question.answer(run))}: the reverse of the order the steps committed, so each undo finds things as its own step left them. ` +
      'The Warehouse step failed, so it had nothing to undo, and Delivery never ran.' +
      retried +
      ` The ledger keeps both rows — a ${rows} — so the card nets $${netCharged(run)}; the order row stays, marked ${String(run.databases.orders.rows[0]?.status ?? '')}. ` +
      `${eventsOf(run, 'alert.raised').length === 0 ? 'No alert was needed: every compensation eventually succeeded.' : 'An alert was raised.'}`
    );
  },
};

/** Lesson 3: compensations in reverse order; a compensation is a new action, and it can fail. */
export const undoIsANewAction: Lesson = {
  id: 'undo-is-a-new-action',
  title: 'Undo is a new action',
  text: [
    'A saga cannot roll back. By the time the Warehouse says no, the seat is held, the order exists and the card is charged: three commits in three databases.',
    'So the saga runs compensations — for each step that completed, a new action that undoes its effect. A refund is a new row in the ledger, next to the charge. A cancelled order keeps its row, with the status CANCELLED. Nothing is deleted, so the history stays true.',
    'Compensations can fail too. Here the refund fails twice with an error before it goes through. Compensations are safe to repeat, so the orchestrator retries them, waiting longer each time. If one never succeeds, the saga must not hide it: it stops in “needs attention” and raises an alert for a person.',
  ],
  scenario: { failAt: 'warehouse', compensationFailures: { payment: 2 } },
  unlocked: ['failAt', 'compFail'],
  view: 'single',
  question,
  tryIt:
    'Make the refund fail “always”: the retries run out, the saga stops in needs-attention and an incident appears with buttons for the operator. Then fail a different step — only what committed is undone.',
};
