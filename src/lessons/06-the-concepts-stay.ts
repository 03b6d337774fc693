import { formatAnswer } from './answers';
import type { RunResult } from '../core';
import { after, chargeRows } from './runFacts';
import type { ChoiceQuestion, LessonContent, LessonTable } from './types';

/** The key the first call to Payments after the restart carried: same as before the crash, another, or none. */
function keyAfterRestart(run: RunResult): string {
  const first = run.trace.find((e) => e.type === 'step.started' && e.step === 'payment');
  const again = after(run, 'orchestrator.recovered').find((e) => e.type === 'step.started' && e.step === 'payment');
  if (!again) return 'not-called';
  if (typeof again.key !== 'string') return 'none';
  return again.key === first?.key ? 'same' : 'new';
}

const question: ChoiceQuestion = {
  kind: 'choice',
  prompt:
    'The orchestrator crashes after Payments charged the card, restarts from its log and calls Payments again. Which idempotency key does that call carry? (While the run plays, the Code panel shows the call being made.)',
  options: [
    { value: 'same', label: 'The same key as the first call: saga id, step and action (s-1:payment:forward)' },
    { value: 'new', label: 'A new key for the new attempt' },
    { value: 'none', label: 'No key at all' },
    { value: 'not-called', label: 'None: the log says the payment is done, so Payments is not called again' },
  ],
  answer: keyAfterRestart,
  expected: 'same',
  explain: (run) => {
    const n = chargeRows(run);
    const rows = `${n} charge row${n === 1 ? '' : 's'} in the ledger`;
    const answer = keyAfterRestart(run);
    const story =
      answer === 'same'
        ? `The call carried s-1:payment:forward, exactly as before the crash, so Payments replayed its stored reply: ${rows}. `
        : answer === 'none'
          ? `This run sends no keys (they are off), so Payments cannot tell the repeat from a new purchase: ${rows}, and no alert. The generated code always sends one. `
          : `Here: ${rows}. `;
    const recovered = run.trace.find((e) => e.type === 'orchestrator.recovered');
    const done = Array.isArray(recovered?.completed) ? (recovered.completed as string[]).join(' and ') : 'the finished steps';
    return (
      `${formatAnswer(question, answer)}. The log recorded ${done} as done, but not the payment: its reply was lost in the crash, and re-running the step in flight is the only safe choice. ` +
      story +
      'Every engine builds the key the same way — Temporal’s key(\'payment\', \'forward\') from the workflow id, Step Functions’ States.Format(\'{}:payment:forward\', $$.Execution.Name), Durable Functions’ instance id — because all three recover by running the call in flight again.'
    );
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

/** Lesson 6: workflow engines name the same ideas; an orchestrator crash and recovery from its log. Its title, scenario and layout are in `course.ts`. */
export const theConceptsStay: LessonContent = {
  text: [
    'You will rarely write an orchestrator by hand. Workflow engines give you one: AWS Step Functions, Temporal, Azure Durable Functions. They differ in how you write a saga, not in the ideas you have met in this course.',
    'The durable log is what makes a crash survivable. Here the orchestrator crashes just after Payments committed the charge, before the reply reached the log. It restarts 3 seconds later and reads its saga log back: inventory and order are recorded as done; payment is not.',
    'Beside the run, the Code panel shows this saga as Step Functions, Temporal and Durable Functions code, generated from the same definition and retry policies, and highlights the state or line the run is executing.',
  ],
  table,
  question,
  tryIt:
    'Turn idempotency keys off and crash at the same point: recovery still works, and the card is charged twice. Then crash before the call instead: there is nothing to repeat.',
};
