/**
 * The course as the app reads it: every lesson's outline at once, each lesson's content as soon as
 * it is here (lesson 1's and a custom lesson's at once, lessons 2–7's on demand). Tests and Node
 * scripts that want every lesson whole import `./all` instead.
 */

import { COURSE } from './course';
import { customLessonById } from './format/customLesson';
import type { CourseLesson, CourseOutline, Lesson, LessonContent, LessonOutline } from './types';

export { COURSE };

/** Lesson ids in course order, for validating `?lesson=` and host `load` params. */
export const LESSON_IDS: readonly string[] = COURSE.map((l) => l.id);

/** The outline of the lesson with this id (a built-in one, or the custom lesson loaded from a link or host page), or undefined. */
export const outlineById = (id: string | undefined | null): LessonOutline | undefined => COURSE.find((l) => l.id === id) ?? customLessonById(id);

/** The course's lesson after this one, if any. */
export function nextLesson(id: string): CourseOutline | undefined {
  const i = LESSON_IDS.indexOf(id);
  return i < 0 ? undefined : COURSE[i + 1];
}

/** The outline and its content as one lesson. */
function whole(outline: CourseOutline, content: LessonContent): CourseLesson {
  const { content: _loader, ...rest } = outline;
  return { ...rest, ...content };
}

/** The course's lessons whose content is here, by id: lesson 1's from the start, the others once fetched. */
const loaded = new Map<string, CourseLesson>(COURSE.flatMap((l) => (typeof l.content === 'function' ? [] : [[l.id, whole(l, l.content)] as const])));
/** Content being fetched, by id, so a lesson is fetched once however often it is asked for. */
const pending = new Map<string, Promise<CourseLesson>>();

/** The whole lesson with this id if its content is here (a custom lesson always is), else undefined. */
export const lessonIfLoaded = (id: string | undefined | null): Lesson | undefined => (id ? loaded.get(id) : undefined) ?? customLessonById(id);

/**
 * The whole lesson with this id, fetching its content if need be (undefined for an unknown id).
 * A failed fetch (offline) is forgotten, so asking again tries again.
 */
export function loadLesson(id: string): Promise<Lesson | undefined> {
  const built = COURSE.find((l) => l.id === id);
  return built ? loadCourseLesson(built) : Promise.resolve(customLessonById(id));
}

/** One of the course's lessons, whole: at once if its content is here, else once it is fetched. */
export function loadCourseLesson(outline: CourseOutline): Promise<CourseLesson> {
  const here = loaded.get(outline.id);
  if (here) return Promise.resolve(here);
  const { content } = outline;
  const asked =
    pending.get(outline.id) ??
    (typeof content === 'function' ? content() : Promise.resolve(content)).then(
      (fetched) => {
        const lesson = whole(outline, fetched);
        loaded.set(outline.id, lesson);
        pending.delete(outline.id);
        return lesson;
      },
      (error: unknown) => {
        pending.delete(outline.id);
        throw error;
      },
    );
  pending.set(outline.id, asked);
  return asked;
}

export { formatAnswer, isComplete, isCorrect, placesOf } from './answers';
export type { Answer, ControlId, CourseLesson, CourseOutline, Lesson, LessonContent, LessonOutline, LessonTable, LessonView, Question, QuestionOption } from './types';
