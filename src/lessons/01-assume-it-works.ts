import type { RunResult } from '../core';
import { formatAnswer } from './answers';
import { alertWords, brokenInvariants, capital, failedStep, leftBehind, listWords, neverStarted, serviceName, stepsOf } from './runFacts';
import type { ChoiceQuestion, LessonContent } from './types';

/** What the run did about its failure, read from its trace: undone, alerted, or left as it was. */
function afterTheFailure(run: RunResult): string {
  if (run.alerts.length > 0) return 'alert';
  return stepsOf(run, 'compensation.succeeded').length > 0 ? 'undone' : 'left';
}

const question: ChoiceQuestion = {
  kind: 'choice',
  prompt: 'The Warehouse refuses the order. The seat is already held and the card already charged. What happens to them?',
  options: [
    { value: 'undone', label: 'The steps that had committed are undone, newest first' },
    { value: 'retried', label: 'The Warehouse is asked again until it agrees' },
    { value: 'alert', label: 'An alert is raised so that someone can fix it' },
    { value: 'left', label: 'Nothing is undone: what committed stays committed, and nobody is told' },
  ],
  answer: afterTheFailure,
  expected: 'left',
  explain: (run) => {
    const steps = stepsOf(run, 'step.succeeded');
    const committed = steps.length === 0 ? 'Nothing committed. ' : `The run committed ${listWords(steps.map(serviceName))}, in that order. `;
    const failed = failedStep(run);
    if (failed === undefined) {
      const confirmations = stepsOf(run, 'confirmation.succeeded').length;
      const end = ((run.trace.at(-1)?.at ?? 0) / 1000).toFixed(2);
      return (
        `No step failed. ${committed}` +
        'Each step starts only when the one before it has succeeded, because each needs what came before: no order without a held seat, no charge without an order. ' +
        `Then ${confirmations} short confirmations turn the hold into SOLD and the order into CONFIRMED. ` +
        `Nothing here was atomic: for ${end} seconds the order was half done. That is fine — until a step fails.`
      );
    }
    const skipped = neverStarted(run).map(serviceName);
    const refusal = `${serviceName(failed)} refused${skipped.length > 0 ? `, so ${listWords(skipped)} never ran` : ''}. `;
    const undone = stepsOf(run, 'compensation.succeeded');
    const broken = brokenInvariants(run);
    const invariants = broken ? ` The invariants panel, which sees every database at once, flags ${broken}.` : ' Every invariant holds.';
    const opening = `${formatAnswer(question, afterTheFailure(run))}. `;
    if (undone.length > 0)
      return `${opening}${committed}${refusal}The saga then undid what had committed, newest first: ${listWords(undone.map(serviceName))}. ${capital(leftBehind(run))}, with ${alertWords(run)}.${invariants} Each undo is a new action, not an erase: that is lesson 3.`;
    return (
      `${opening}${committed}${refusal}Nobody undid anything: ${leftBehind(run)}, with ${alertWords(run)}. ` +
      `Those changes were committed in their own databases, and no single transaction can roll them back.${invariants}`
    );
  },
};

/** Lesson 1: the order without a saga first — a failure leaves half an order behind — then the same failure with one. Its title, scenario and layout are in `course.ts`. */
export const assumeItWorks: LessonContent = {
  text: [
    'You buy a seat for $40. Behind the Buy button, five services each do one job and keep their own database: Inventory holds the seat, Orders records the order, Payments charges your card, the Warehouse gets a pick request and Delivery books a slot.',
    'No database spans all five, so no single transaction can commit them together or roll them all back. Each service commits its own small change — a local transaction — and reports that it is done.',
    'The simple way to build this is to assume it works: call the five services one after another and hope. In this run there is no saga — nothing that knows what to undo — and the fourth call fails: the Warehouse cannot pick the order.',
    'Watch each table get its new row. The invariants panel checks every database at once, which no single service can do.',
  ],
  question,
  tryIt:
    'Now run the same failure with a saga: it knows which steps committed and undoes them, newest first. Then pick “none” as the step that fails: the happy path, five local transactions one after another.',
  followUp: { label: 'Run the same failure with a saga', scenario: { failAt: 'warehouse' } },
};
