import { useEffect } from 'react';
import { type OutgoingMessage, resizeMessage } from '../../embed';
import { useCourseStore } from '../../store/courseStore';

/**
 * In a frame, tells the host page the content's height whenever it changes (`resize`), so the
 * host's `embed.js` can size the frame to fit: no inner scrollbar, no empty space. The height is
 * the root element's own box, not the viewport's, so a frame that grows to fit does not feed back
 * into a taller report.
 */
export function useResizeReports(post: (message: OutgoingMessage) => void): void {
  useEffect(() => {
    if (window.parent === window || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    let last = -1;
    let frame = 0;
    const report = () => {
      frame = 0;
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      post(resizeMessage(height));
    };
    // A few reports a second at most: a playing run changes its height often. (A timer, not an
    // animation frame: those are paused in off-screen cross-origin frames.)
    const observer = new ResizeObserver(() => {
      if (!frame) frame = window.setTimeout(report, 50);
    });
    observer.observe(root);
    report();
    // A host's `ping` asks again: a resizer script that attached late has not heard the height yet.
    const unsubscribe = useCourseStore.subscribe((s, prev) => {
      if (s.pings === prev.pings) return;
      last = -1;
      report();
    });
    return () => {
      unsubscribe();
      observer.disconnect();
      if (frame) window.clearTimeout(frame);
    };
  }, [post]);
}
