/**
 * The course: seven lessons following the product's story (DESIGN §2), in order. Each lesson is a
 * data file; the course UI renders whatever this list holds.
 */

import { assumeItWorks } from './01-assume-it-works';
import { someoneHasToDrive } from './02-someone-has-to-drive';
import { undoIsANewAction } from './03-undo-is-a-new-action';
import { retriesNeedKeys } from './04-retries-need-keys';
import { sagasAreNotIsolated } from './05-sagas-are-not-isolated';
import { theConceptsStay } from './06-the-concepts-stay';
import { watchingSagasInProduction } from './07-watching-sagas-in-production';
import { customLessonById } from './format/customLesson';
import type { CourseLesson, Lesson } from './types';

export const LESSONS: readonly CourseLesson[] = [assumeItWorks, someoneHasToDrive, undoIsANewAction, retriesNeedKeys, sagasAreNotIsolated, theConceptsStay, watchingSagasInProduction];

/** Lesson ids in course order, for validating `?lesson=` and host `load` params. */
export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);

/** The lesson with this id (a built-in one, or the custom lesson loaded from a link or host page), or undefined. */
export const lessonById = (id: string | undefined | null): Lesson | undefined => LESSONS.find((l) => l.id === id) ?? customLessonById(id);

/** The lesson after this one, if any. */
export function nextLesson(id: string): Lesson | undefined {
  const i = LESSON_IDS.indexOf(id);
  return i < 0 ? undefined : LESSONS[i + 1];
}

export { formatAnswer, isComplete, isCorrect, placesOf } from './answers';
export type { Answer, ControlId, CourseLesson, Lesson, LessonTable, LessonView, Question, QuestionOption } from './types';
