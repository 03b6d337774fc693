/**
 * The `lesson-completed` message, apart from the other outgoing messages: only a lesson's page
 * sends it, so it loads with the lesson, not with every page.
 */

import { type LessonCompletedMessage, MESSAGE_SOURCE } from './outgoingMessages';

/** The facts of one checked answer. */
export type LessonResult = Omit<LessonCompletedMessage, 'source' | 'type' | 'answer' | 'expected'> & {
  answer: string | readonly string[] | number;
  expected: string | readonly string[] | number;
};

const plainAnswer = (a: string | readonly string[] | number): string | string[] | number => (Array.isArray(a) ? [...a] : (a as string | number));

/** The `lesson-completed` event. */
export function lessonCompletedMessage(result: LessonResult): LessonCompletedMessage {
  return {
    source: MESSAGE_SOURCE,
    type: 'lesson-completed',
    lesson: result.lesson,
    correct: result.correct,
    answer: plainAnswer(result.answer),
    expected: plainAnswer(result.expected),
    attempt: result.attempt,
    durationMs: Math.max(0, Math.round(result.durationMs)),
    runId: result.runId,
    done: result.done,
  };
}
