import { type RefObject, useEffect, useRef } from 'react';

/** How close to the bottom (px) still counts as "at the newest row": rounding of fractional row heights. */
const SLACK = 2;

/**
 * Keeps a scrolling log's newest (bottom) row in view: when a row is added, and whenever the box or
 * its content changes size while the reader was at the bottom. Without the second part a layout that
 * shrinks for a moment (a rotated phone, a resized window, a full-page capture) clamps the scroll
 * position, and when the rows grow back the newest ones sit below the box's edge ("Saga log (17
 * rows)" showing rows 10–15). A reader who scrolled up to an older row is left there until the next row.
 */
export function useNewestInView<T extends HTMLElement>(rows: number): RefObject<T | null> {
  const ref = useRef<T>(null);
  const atNewest = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      atNewest.current = el.scrollHeight - el.clientHeight - el.scrollTop <= SLACK;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    // jsdom and very old browsers have no ResizeObserver: new rows still scroll into view.
    const pin = () => {
      if (atNewest.current) el.scrollTop = el.scrollHeight;
    };
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(pin);
    resized?.observe(el);
    for (const child of Array.from(el.children)) resized?.observe(child);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resized?.disconnect();
    };
  }, []);
  useEffect(() => {
    if (rows === 0) return;
    atNewest.current = true;
    // In the next frame, where layout is due anyway (reading scrollHeight right after a commit forces it early).
    const frame = requestAnimationFrame(() => {
      const el = ref.current;
      if (el) el.scrollTop = el.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [rows]);
  return ref;
}
