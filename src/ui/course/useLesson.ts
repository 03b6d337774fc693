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

/**
 * The open lesson, whole: at once when its content is here (lesson 1, a custom lesson, one fetched
 * before), else once it arrives. While the learner is on a lesson, the next one's content is
 * fetched when the page is idle, so "Next lesson" opens it without a wait.
 */
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
  useEffect(() => {
    const next = lesson && nextLesson(lesson.id);
    // A failed prefetch is not an error: opening the lesson asks again.
    return next ? whenIdle(() => void loadLesson(next.id).catch(() => undefined)) : undefined;
  }, [lesson]);
  if (lesson) return { lesson };
  return { lesson: undefined, failed: failed === outline.id, retry: () => setFailed(null) };
}
