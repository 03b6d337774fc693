import type { RunResult } from '../core';
import { alertWords, brokenInvariants, chargeRows, eventsOf, failedStep, firstOf, leftBehind, listWords, possessive, serviceName, stepsOf } from './runFacts';
import type { ChoiceQuestion, LessonContent } from './types';

/** What the orchestration side of the same scenario did, read from its own run. */
function orchestrationSide(run: RunResult): string {
  const lost = firstOf(run, 'response.lost');
  const crashed = firstOf(run, 'orchestrator.crashed');
  const failed = failedStep(run);
  const parts: string[] = [];
  if (lost) {
    const keyed = eventsOf(run, 'step.deduplicated').some((e) => e.step === lost.step);
    parts.push(
      `On the orchestration side the same fault loses ${possessive(serviceName(lost.step))} reply: the orchestrator’s call times out and it retries ${keyed ? 'with the same idempotency key, so nothing is done twice' : 'without a key'}.`,
    );
  }
  if (crashed) parts.push(`On the orchestration side the orchestrator crashes at ${serviceName(crashed.step)} and recovers from its saga log.`);
  if (failed && !lost) parts.push(`On the orchestration side the orchestrator hears ${serviceName(failed)} refuse and runs the compensations itself.`);
  const n = chargeRows(run);
  parts.push(`That side ends ${run.outcome} with ${alertWords(run)}${n > 1 ? `, and ${n} charge rows` : ''}.`);
  return parts.join(' ');
}

const question: ChoiceQuestion = {
  kind: 'choice',
  prompt: 'On the choreography side, how does this order end?',
  options: [
    { value: 'completed', label: 'Completed: the Warehouse gets the event a little later' },
    { value: 'compensated', label: 'Compensated: the card is refunded and the seat released' },
    { value: 'needs-attention', label: 'An alert is raised so that an operator can fix it' },
    { value: 'stuck', label: 'Stuck: the seat stays held, the card stays charged, and nobody is told' },
  ],
  // The run is the choreography side: its outcome is the answer (stuck means no alert was raised).
  answer: (run) => run.outcome,
  expected: 'stuck',
  explain: (run, other) => {
    const parts = [`On the choreography side the order ends ${question.answer(run)}.`];
    const dropped = firstOf(run, 'event.dropped');
    const failed = failedStep(run);
    if (dropped) {
      parts.push(
        `${possessive(serviceName(dropped.step))} event ${String(dropped.topic)} was lost on the way, so the next service never heard it, and no one else was waiting for that event: no timeout, no log, no one who knows the order is half done.`,
      );
    } else if (failed) {
      const undone = stepsOf(run, 'compensation.succeeded').map(serviceName);
      parts.push(
        `${serviceName(failed)} refused and published the failure; ${undone.length > 0 ? `each service that had done its part heard it and undid its own: ${listWords(undone)}` : 'nothing before it had committed, so nothing needed undoing'}.`,
      );
    } else {
      parts.push('Every event arrived, so each service heard the one before it and did its part.');
    }
    parts.push(`At the end ${leftBehind(run)}, with ${alertWords(run)}.`);
    if (run.violations.length > 0) parts.push(`The invariants panel flags ${brokenInvariants(run)} only because the simulator can see every database at once.`);
    if (other) parts.push(orchestrationSide(other));
    return parts.join(' ');
  },
};

/** Lesson 2: orchestration vs choreography, the same order and the same dropped message. Its title, scenario and layout are in `course.ts`. */
export const someoneHasToDrive: LessonContent = {
  text: [
    'Who tells Payments to charge the card once the order exists? There are two answers.',
    'Orchestration: one orchestrator calls each service in turn, waits for its reply, writes what happened in its saga log and decides what comes next — including which compensations to run.',
    'Choreography: nobody is in charge. Each service listens for events on a message bus and publishes its own. Orders hears “seat held” and creates the order; Payments hears “order created” and charges the card; and so on.',
    'Both work on a good day. Here they run side by side on the same order, and the message Payments sends after charging the card is lost on the way.',
  ],
  question,
  tryIt:
    'Drop nothing and make the Warehouse fail instead: in a choreography every service must hear about the failure and undo its own part. Then crash the orchestrator — only one side has one to crash.',
};
