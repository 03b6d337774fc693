import { useDeferredValue, useEffect, useReducer, useRef } from 'react';
import type { RunView } from './runView';

/**
 * While the scrubber is held, the panels follow it at most this often (ms). The thumb and the clock
 * follow every move; redrawing every panel for every stop crossed is what a slow phone cannot afford
 * (each redraw is a React commit plus the page's style, layout and paint: a long task per stop).
 */
export const SCRUB_PANEL_INTERVAL_MS = 100;

/**
 * The run the panels draw, given the run at the playback position (`live`). While the learner drags
 * the scrubber, it moves at most once per `SCRUB_PANEL_INTERVAL_MS` and always ends on the latest
 * position (a trailing update); once the drag ends it is `live` again, so after a scrub every panel
 * shows the final position. Either way React renders it deferred, in interruptible passes that it
 * drops when the position has already moved on.
 */
export function usePanelRun(live: RunView, scrubbing: boolean): RunView {
  // What the panels were last given, and when (during a drag; -∞ outside one, so a drag's first move draws at once).
  const drawn = useRef({ run: live, at: Number.NEGATIVE_INFINITY });
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!scrubbing) {
      drawn.current = { run: live, at: Number.NEGATIVE_INFINITY };
      return;
    }
    if (drawn.current.run === live) return;
    const wait = Math.max(0, drawn.current.at + SCRUB_PANEL_INTERVAL_MS - performance.now());
    const timer = window.setTimeout(() => {
      drawn.current = { run: live, at: performance.now() };
      redraw();
    }, wait);
    return () => window.clearTimeout(timer);
  }, [live, scrubbing]);
  return useDeferredValue(scrubbing ? drawn.current.run : live);
}
