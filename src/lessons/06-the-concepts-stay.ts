import { formatAnswer } from './answers';
import type { StepId } from '../core';
import { after, alertWords, brokenInvariants, chargeRows, eventsOf, firstOf, listWords, plural, serviceName } from './runFacts';
import type { ChoiceQuestion, Lesson, LessonTable } from './types';

const question: ChoiceQuestion = {
  kind: 'choice',
  prompt: 'The orchestrator restarts from its log. What happens to the payment step? (Idempotency keys are on.)',
  options: [
    { value: 'skipped', label: 'It is skipped, because the charge already happened' },
    { value: 'deduplicated', label: 'It is called again, and Payments replays its stored reply: one charge' },
    { value: 'charged-twice', label: 'It is called again, and the card is charged a second time' },
    { value: 'compensated', label: 'The saga gives up and refunds the card' },
  ],
  answer: (run) => {
    const later = after(run, 'orchestrator.recovered');
    const is = (type: string) => later.some((e) => e.type === type && e.step === 'payment');
    if (is('compensation.succeeded')) return 'compensated';
    if (!is('step.started')) return 'skipped';
    if (is('step.deduplicated')) return 'deduplicated';
    return chargeRows(run) > 1 ? 'charged-twice' : 'deduplicated';
  },
  expected: 'deduplicated',
  explain: (run) => {
    const engines = 'Step Functions, Temporal and Durable Functions recover the same way, which is why their documentation asks for idempotent activities.';
    const n = chargeRows(run);
    const broken = brokenInvariants(run);
    const end = `The ledger holds ${plural(n, 'charge row')}; the saga ends ${run.outcome} with ${alertWords(run)}${broken ? `, and ${broken} ${run.violations.length === 1 ? 'is' : 'are'} broken` : ''}.`;
    const crashed = firstOf(run, 'orchestrator.crashed');
    if (!crashed) return `The orchestrator did not crash in this run. ${end} ${engines}`;
    const step = crashed.step as StepId;
    const svc = serviceName(step);
    const recovered = firstOf(run, 'orchestrator.recovered');
    const done = Array.isArray(recovered?.completed) ? (recovered.completed as string[]) : [];
    const parts: string[] = [];
    // The question's premise (a crash right after Payments committed): its answer opens the explanation.
    if (step === 'payment' && crashed.when === 'after-commit') parts.push(`${formatAnswer(question, question.answer(run))}.`);
    parts.push(
      crashed.when === 'after-commit'
        ? `The orchestrator crashed just after ${svc} committed, before the reply reached its log.`
        : `The orchestrator crashed just before calling ${svc}.`,
    );
    parts.push(`On restart its log recorded ${done.length === 0 ? 'no step' : listWords(done.map(serviceName))} as done, so ${done.length === 0 ? 'nothing was skipped' : done.length === 1 ? 'that step did not run again' : 'none of them ran again'}.`);
    if (crashed.when === 'after-commit') {
      const writes = run.trace.filter((e) => e.type === 'db.changed' && e.op === 'insert' && e.step === step && e.action === 'forward').length;
      const deduplicated = eventsOf(run, 'step.deduplicated').some((e) => e.step === step);
      parts.push(`For the log, ${svc} was still in flight, so it was called again: re-running the step in flight is the only safe choice.`);
      parts.push(
        deduplicated
          ? `It is safe because the call carried the same idempotency key as before: ${svc} replayed its stored reply and did nothing twice.`
          : writes > 1
            ? `Without a key, ${svc} could not tell the repeat from a new request and did it again: its table got ${writes} rows, not one.`
            : `Without a key, ${svc} happened to find the row it had already written — its own check, not a guarantee every service gives.`,
      );
    } else {
      parts.push(`${svc} had not been called yet, so the call after the restart was its first: there was nothing to repeat.`);
    }
    return `${parts.join(' ')} ${end} ${engines}`;
  },
};

const table: LessonTable = {
  caption: 'The same four ideas in three workflow engines and in your own code',
  columns: ['Idea', 'AWS Step Functions', 'Temporal', 'Azure Durable Functions', 'Hand-rolled'],
  rows: [
    [
      'Retries',
      'A Retry field on a Task state: MaxAttempts, IntervalSeconds, BackoffRate, MaxDelaySeconds, JitterStrategy',
      'A RetryPolicy on each activity: maximumAttempts, initialInterval, backoffCoefficient, maximumInterval',
      'RetryOptions passed to CallActivityWithRetryAsync: first retry interval, max attempts, backoff coefficient',
      'A loop around the call, with a timeout and growing waits',
    ],
    [
      'Compensation',
      'A Catch on the state that moves to a branch of undo states',
      'Code: collect an undo per completed activity and run them in reverse (the Java SDK’s Saga class)',
      'try / catch in the orchestrator function, calling undo activities in reverse',
      'An undo per step, run in reverse from what the saga log says completed',
    ],
    [
      'Idempotency',
      'Tasks may run more than once: pass a token such as the execution name to the service',
      'Activities may run more than once: use the workflow id and activity id as the key',
      'Activities run at least once: use the instance id as the key',
      'A key on every call; the service stores its reply under it',
    ],
    [
      'The durable log',
      'The execution history of each state machine run',
      'The workflow’s event history, replayed to rebuild its state',
      'The history table in Azure Storage, replayed on every wake-up',
      'Your own saga log table, written as each reply arrives',
    ],
  ],
};

/** Lesson 6: workflow engines name the same ideas; an orchestrator crash and recovery from its log. */
export const theConceptsStay: Lesson = {
  id: 'the-concepts-stay',
  title: 'The implementation changes, the concepts don’t',
  text: [
    'You will rarely write an orchestrator by hand. Workflow engines give you one: AWS Step Functions, Temporal, Azure Durable Functions. They differ in how you write a saga, not in the ideas you have met in this course.',
    'The durable log is what makes a crash survivable. Here the orchestrator crashes just after Payments committed the charge, before the reply reached the log. It restarts 3 seconds later and reads its saga log back: inventory and order are recorded as done; payment is not.',
  ],
  table,
  scenario: { crash: { step: 'payment', when: 'after-commit' } },
  unlocked: ['keys', 'crash'],
  view: 'single',
  panels: ['services', 'timeline', 'narration', 'invariants', 'incidents', 'orchestrator', 'log'],
  question,
  tryIt:
    'Turn idempotency keys off and crash at the same point: recovery still works, and the card is charged twice. Then crash before the call instead: there is nothing to repeat.',
};
