import { type ReactNode, useCallback, useEffect, useMemo, useRef } from 'react';
import type { RunResult } from '../../core';
import { runFinishedMessage } from '../../embed';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { CourseContext, type CourseLink, type RunSides } from './courseContext';
import { useUrlSync } from './location';
import { useHostBridge } from './useHostBridge';
import { useResizeReports } from './useResizeReports';
import './print.css';

/**
 * The course's plumbing around the app: the URL follows the run, the host page hears `ready`,
 * `resize`, `run-finished` and `lesson-completed`, and views report when playback reaches the end.
 */
export function CourseShell({ children }: { children: ReactNode }) {
  useUrlSync();
  const post = useHostBridge();
  useResizeReports(post);
  // New inputs are a new run for the host page.
  useEffect(() => useUiStore.subscribe((s, prev) => s.scenario !== prev.scenario && useCourseStore.getState().newRun()), []);
  // `run-finished` goes out once per run and length: scrubbing back to the end is not a new finish,
  // but an operator's action that carries the run on to a new end is.
  const reported = useRef('');
  const reportRunEnd = useCallback(
    (run: RunResult | null, sides?: RunSides) => {
      const { atEnd, setAtEnd, runId } = useCourseStore.getState();
      const key = run ? `${runId}:${run.trace.length}` : '';
      if (run && reported.current !== key) {
        reported.current = key;
        post(runFinishedMessage(run, runId, sides));
      }
      if (atEnd !== (run !== null)) setAtEnd(run !== null);
    },
    [post],
  );
  const link = useMemo<CourseLink>(() => ({ reportRunEnd, post }), [reportRunEnd, post]);
  return <CourseContext.Provider value={link}>{children}</CourseContext.Provider>;
}
