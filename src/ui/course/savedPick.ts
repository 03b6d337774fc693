import { runScenario } from '../../core';
import { type Answer, isComplete, isCorrect, type Lesson, type Question } from '../../lessons';
import { useCourseStore } from '../../store/courseStore';

/**
 * Whether a stored answer is still one the question can take: an option it still has (the lesson
 * may have changed since it was saved), every place filled with a different option, a whole number
 * in range.
 */
export function fitsQuestion(question: Question, answer: Answer): boolean {
  if (!isComplete(question, answer)) return false;
  return !Array.isArray(answer) || new Set(answer).size === answer.length;
}

/**
 * Opens the lesson (just opened from a link) where the learner left it, so a reload does not lose
 * the prediction: watching again with the prediction locked in, or its verdict when it was checked —
 * judged again on the lesson's own run, the run the verdict is about. A link with other settings
 * (the learner's "Try it yourself" experiment) brings back only a checked verdict, next to that run.
 * A saved answer the question can no longer take is forgotten, and the lesson asks again.
 */
export function resumeSavedPick(lesson: Lesson): void {
  const course = useCourseStore.getState();
  const pick = course.progress.picks?.[lesson.id];
  if (course.lessonId !== lesson.id || !pick) return;
  if (course.phase === 'explore' ? !pick.checked : course.phase !== 'predict') return;
  if (!fitsQuestion(lesson.question, pick.answer)) {
    course.forgetPick();
    return;
  }
  const correct = pick.checked ? isCorrect(pick.answer, lesson.question.answer(runScenario(lesson.scenario))) : null;
  course.resume(pick.answer, correct);
}
