import { formatAnswer } from './answers';
import { alertWords, capital, eventsOf, failedStep, leftBehind, listWords, neverStarted, serviceName, stepsOf } from './runFacts';
import { FORWARD_OPTIONS } from './stepOptions';
import type { Lesson, OrderQuestion } from './types';

const question: OrderQuestion = {
  kind: 'order',
  prompt: 'In which order do the five services commit their changes?',
  options: FORWARD_OPTIONS,
  answer: (run) => stepsOf(run, 'step.succeeded'),
  expected: ['inventory', 'order', 'payment', 'warehouse', 'delivery'],
  explain: (run) => {
    const steps = question.answer(run);
    const committed = steps.length === 0 ? 'Nothing committed. ' : `The run committed ${formatAnswer(question, steps)}. `;
    const failed = failedStep(run);
    if (run.outcome === 'completed' || failed === undefined) {
      const confirmations = stepsOf(run, 'confirmation.succeeded').length;
      const end = ((run.trace.at(-1)?.at ?? 0) / 1000).toFixed(2);
      return (
        committed +
        'Each step starts only when the one before it has succeeded, because each needs what came before: no order without a held seat, no charge without an order. ' +
        `Then ${confirmations} short confirmations turn the hold into SOLD and the order into CONFIRMED. ` +
        `Nothing here was atomic: for ${end} seconds the order was half done. That is fine — until a step fails.`
      );
    }
    const skipped = neverStarted(run).map(serviceName);
    const refusal = `${serviceName(failed)} refused${skipped.length > 0 ? `, so ${listWords(skipped)} never ran` : ''}. `;
    const undone = stepsOf(run, 'compensation.succeeded');
    const left = leftBehind(run);
    if (undone.length > 0)
      return `${committed}${refusal}The saga then undid what had committed, newest first: ${listWords(undone.map(serviceName))}. ${capital(left)}. That undoing is lesson 3.`;
    if (eventsOf(run, 'compensation.started').length === 0 && stepsOf(run, 'step.succeeded').length > 0)
      return `${committed}${refusal}Nobody undid anything: ${left}, with ${alertWords(run)}. Those rows were committed in their own databases, and nothing rolls them back.`;
    return `${committed}${refusal}${capital(left)}.`;
  },
};

/** Lesson 1: the happy path, five local transactions one after another. */
export const assumeItWorks: Lesson = {
  id: 'assume-it-works',
  title: 'Assume it works',
  text: [
    'You buy a seat for $40. Behind the Buy button, five services each do one job and keep their own database: Inventory holds the seat, Orders records the order, Payments charges your card, the Warehouse gets a pick request and Delivery books a slot.',
    'No database spans all five, so no single transaction can commit them together or roll them all back. Each service commits its own small change — a local transaction — and reports that it is done.',
    'A saga is that chain of local transactions. In this lesson nothing goes wrong: watch each table get its new row, and the order end up CONFIRMED.',
  ],
  scenario: {},
  unlocked: ['seed', 'failAt'],
  view: 'single',
  panels: ['services', 'timeline', 'narration', 'invariants'],
  question,
  tryIt:
    'Change the seed: the timings change, the order of the steps does not. Then make one step fail and look at the rows the earlier steps already wrote — what should happen to them? That is lesson 3.',
};
