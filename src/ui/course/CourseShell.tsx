import { type ReactNode, useCallback, useMemo } from 'react';
import type { RunResult } from '../../core';
import { runFinishedMessage } from '../../embed';
import { useCourseStore } from '../../store/courseStore';
import { CourseContext, type CourseLink } from './courseContext';
import { useUrlSync } from './location';
import { useHostBridge } from './useHostBridge';

/**
 * The course's plumbing around the app: the URL follows the run, the host page hears `ready`,
 * `run-finished` and `lesson-completed`, and views report when playback reaches the end.
 */
export function CourseShell({ children }: { children: ReactNode }) {
  useUrlSync();
  const post = useHostBridge();
  const reportRunEnd = useCallback(
    (run: RunResult | null) => {
      const { atEnd, setAtEnd } = useCourseStore.getState();
      if (run && !atEnd) post(runFinishedMessage(run));
      if (atEnd !== (run !== null)) setAtEnd(run !== null);
    },
    [post],
  );
  const link = useMemo<CourseLink>(() => ({ reportRunEnd, post }), [reportRunEnd, post]);
  return <CourseContext.Provider value={link}>{children}</CourseContext.Provider>;
}
