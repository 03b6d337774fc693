import { createContext, useContext, useEffect } from 'react';
import type { RunResult } from '../../core';
import type { OutgoingMessage } from '../../embed';

/** What the course shell offers the views inside it. */
/** Side by side: the run of each side, reported together. */
export interface RunSides {
  choreography: RunResult;
  orchestration: RunResult;
}

export interface CourseLink {
  /** A view says where its playback stands: the run when at its end, null otherwise (and both sides, side by side). */
  reportRunEnd: (run: RunResult | null, sides?: RunSides) => void;
  /** Posts to the host page, when there is one. */
  post: (message: OutgoingMessage) => void;
}

const noop: CourseLink = { reportRunEnd: () => {}, post: () => {} };

export const CourseContext = createContext<CourseLink>(noop);

export const useCourseLink = (): CourseLink => useContext(CourseContext);

/**
 * Tells the course when playback reaches the end of the run (and when it leaves it), so it can
 * enable "Check my prediction" and post `run-finished` to the host page.
 */
export function useReportRunEnd(run: RunResult, atEnd: boolean, sides?: RunSides): void {
  const { reportRunEnd } = useCourseLink();
  const choreography = sides?.choreography;
  const orchestration = sides?.orchestration;
  useEffect(() => {
    const both = choreography && orchestration ? { choreography, orchestration } : undefined;
    reportRunEnd(atEnd ? run : null, both);
  }, [reportRunEnd, run, atEnd, choreography, orchestration]);
}
