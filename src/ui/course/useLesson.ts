import { useEffect, useState } from 'react';
import { type Lesson, type LessonOutline, lessonIfLoaded, loadLesson, nextLesson } from '../../lessons';

/** What the lesson panel has of a lesson: all of it, or its outline while its content is fetched (or after that failed). */
export type LessonLoad = { lesson: Lesson; failed?: undefined } | { lesson: undefined; failed: boolean; retry: () => void };

/** Runs `work` when the page is idle (soon, where the browser cannot say). */
function whenIdle(work: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout: 2000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(work, 200);
  return () => window.clearTimeout(id);
}

/** The open lesson, whole: at once when its content is here (lesson 1, a custom lesson, one fetched before), else once it arrives. */
export function useLesson(outline: LessonOutline): LessonLoad {
  const lesson = lessonIfLoaded(outline.id);
  const [, setArrived] = useState(0);
  // The lesson whose fetch failed last; "Try again" clears it, which fetches again.
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (lesson || failed === outline.id) return;
    let live = true;
    loadLesson(outline.id).then(
      () => live && setArrived((n) => n + 1),
      () => live && setFailed(outline.id),
    );
    return () => {
      live = false;
    };
  }, [outline.id, lesson, failed]);
  if (lesson) return { lesson };
  return { lesson: undefined, failed: failed === outline.id, retry: () => setFailed(null) };
}

/**
 * Fetches the course's next lesson once `now` (the learner has locked in a prediction), when the
 * page is idle: by the time "Next lesson" shows, after the run and its verdict, it opens without a
 * wait. Not while the learner reads the question: a first visit's load stays lesson 1 alone.
 */
export function usePrefetchNextLesson(lessonId: string, now: boolean): void {
  useEffect(() => {
    const next = now ? nextLesson(lessonId) : undefined;
    // A failed prefetch is not an error: opening the lesson asks again.
    return next ? whenIdle(() => void loadLesson(next.id).catch(() => undefined)) : undefined;
  }, [lessonId, now]);
}
