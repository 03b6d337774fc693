/**
 * Every lesson of the course, whole and in order, for tests and Node scripts (it waits for every
 * lesson's content at import). The app never imports this: it fetches lessons 2–7 as they open.
 */

import { COURSE, loadCourseLesson } from './index';
import type { CourseLesson } from './types';

export const LESSONS: readonly CourseLesson[] = await Promise.all(COURSE.map(loadCourseLesson));

export * from './index';
