/**
 * The one custom lesson the course shows beside its built-in ones (from a link or a host page's
 * `load`). Kept apart from the built-in list, whose ids and titles never change.
 */

import type { Lesson } from '../types';

let custom: Lesson | null = null;

/** Shows this lesson (replacing any earlier custom one), or none. */
export function setCustomLesson(lesson: Lesson | null): void {
  custom = lesson;
}

/** The custom lesson with this id, if it is the one loaded. */
export const customLessonById = (id: string | undefined | null): Lesson | undefined => (custom && custom.id === id ? custom : undefined);
