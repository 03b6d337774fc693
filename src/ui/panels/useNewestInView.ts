import { type RefObject, useEffect, useRef } from 'react';

/**
 * Keeps a scrolling log's newest (bottom) row in view. The box must be a `.newest-last` scroller
 * (panels.css: a reversed flex column), whose scroll position is measured from its bottom: when the
 * layout shrinks for a moment (a rotated phone, a resized window, a full-page capture) and grows
 * back, the browser keeps the bottom row in view. Measured from the top, as before, the position
 * was clamped by the shrink and the newest rows were left below the box's edge ("Saga log (17 rows)"
 * showing rows 10–15). This hook adds only: a new row scrolls the box back to the newest row.
 */
export function useNewestInView<T extends HTMLElement>(rows: number): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (rows === 0) return;
    // In the next frame, where layout is due anyway (reading scrollHeight right after a commit forces it early).
    const frame = requestAnimationFrame(() => {
      const el = ref.current;
      // The bottom: 0 in a reversed column, scrollHeight − clientHeight otherwise (the browser clamps either way).
      if (el) el.scrollTop = getComputedStyle(el).flexDirection === 'column-reverse' ? 0 : el.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [rows]);
  return ref;
}
