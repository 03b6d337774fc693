import { type RefObject, useEffect, useState } from 'react';

/**
 * The element's content width in CSS px, kept up to date as it resizes; 0 until measured, and
 * where the browser cannot say (jsdom has no layout and no ResizeObserver).
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
