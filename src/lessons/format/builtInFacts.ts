/**
 * The built-in lessons' answers in the declarative fact vocabulary: what each question is
 * answered from, said as data. A test runs every built-in lesson (and variations of its scenario)
 * and checks the fact gives exactly what the lesson's own `answer` function gives.
 *
 * Where the vocabulary cannot say it, the lesson keeps its function, and the reason is here:
 * - "the-concepts-stay" asks what happened to the payment step *after the orchestrator recovered*
 *   (skipped, replayed from its key, charged again, or compensated): a decision over the events
 *   that follow another event, which no single fact expresses.
 * - "watching-sagas-in-production" asks which step took longest, first call to last reply, as the
 *   span waterfall draws it: a duration over spans, which no fact measures.
 * Every built-in lesson keeps a function for its explanation: those quote the run's own figures in
 * prose (the net charge, the hold's status, the retry delays), more than `{answer}` can fill in.
 */

import type { Fact } from './facts';

/** Each built-in lesson id → the fact its answer is, or why it has none. */
export const BUILT_IN_ANSWER_FACTS: Readonly<Record<string, Fact | { cannot: string }>> = {
  'assume-it-works': { fact: 'completedSteps' },
  'someone-has-to-drive': { fact: 'outcome' },
  'undo-is-a-new-action': { fact: 'compensationOrder' },
  'retries-need-keys': { fact: 'rowCount', table: 'payments', where: { kind: 'charge' } },
  'sagas-are-not-isolated': { fact: 'completedSagas' },
  'the-concepts-stay': { cannot: 'a decision over the events after orchestrator.recovered' },
  'watching-sagas-in-production': { cannot: 'the step whose calls span the longest time in the waterfall, a duration over spans' },
};
