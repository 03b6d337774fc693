import { formatAnswer } from './answers';
import { holdStatus, netCharged } from './runFacts';
import type { ChoiceQuestion, Lesson } from './types';

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
  explain: (run) =>
    `${formatAnswer(question, question.answer(run))}. ` +
    `The Warehouse never heard "card charged", so it never asked for a pick, and no one else was waiting for that event: no timeout, no log, no one who knows the order is half done. ` +
    `The seat is still held (${holdStatus(run)}), the card is charged $${netCharged(run)}, and ${run.alerts.length === 0 ? 'no alert was raised' : `${run.alerts.length} alert(s) were raised`}. ` +
    'The invariants panel flags it only because the simulator can see every database at once. ' +
    'On the orchestration side the same fault loses Payments’ reply: the orchestrator’s call times out, it retries with the same idempotency key and finishes the order.',
};

/** Lesson 2: orchestration vs choreography, the same order and the same dropped message. */
export const someoneHasToDrive: Lesson = {
  id: 'someone-has-to-drive',
  title: 'Someone has to drive',
  text: [
    'Who tells Payments to charge the card once the order exists? There are two answers.',
    'Orchestration: one orchestrator calls each service in turn, waits for its reply, writes what happened in its saga log and decides what comes next — including which compensations to run.',
    'Choreography: nobody is in charge. Each service listens for events on a message bus and publishes its own. Orders hears “seat held” and creates the order; Payments hears “order created” and charges the card; and so on.',
    'Both work on a good day. Here they run side by side on the same order, and the message Payments sends after charging the card is lost on the way.',
  ],
  scenario: { mode: 'choreography', dropEvent: 'payment' },
  unlocked: ['failAt', 'drop', 'keys', 'crash'],
  view: 'compare',
  question,
  tryIt:
    'Drop nothing and make the Warehouse fail instead: in a choreography every service must hear about the failure and undo its own part. Then crash the orchestrator — only one side has one to crash.',
};
