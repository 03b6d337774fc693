import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import './sideScroll.css';

/** Which sides of a sideways scroller hide content right now. */
export interface HiddenSides {
  left: boolean;
  right: boolean;
}

/** Sub-pixel widths round differently in scrollWidth and clientWidth: this much overhang is no overflow. */
const SLACK = 1;

/**
 * Whether the element's content runs past its left or right edge, kept up to date as it is scrolled,
 * resized or its content changes size. Never both false for content that is wider than its box.
 */
export function useHiddenSides(ref: RefObject<HTMLElement | null>): HiddenSides {
  const [sides, setSides] = useState<HiddenSides>({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const left = el.scrollLeft > SLACK;
      const right = el.scrollLeft + el.clientWidth < el.scrollWidth - SLACK;
      setSides((s) => (s.left === left && s.right === right ? s : { left, right }));
    };
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    // jsdom has no ResizeObserver (and no layout): there nothing ever overflows.
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resized?.observe(el);
    for (const child of Array.from(el.children)) resized?.observe(child);
    return () => {
      el.removeEventListener('scroll', measure);
      resized?.disconnect();
    };
  }, [ref]);
  return sides;
}

interface Props {
  /** Class of the scrolling box (its own spacing). */
  className: string;
  /** The id of the element naming the box (a table's caption), or… */
  labelledBy?: string;
  /** …the box's name. */
  label?: string;
  children: ReactNode;
}

/**
 * A table (or anything wide) that scrolls sideways inside its card when it does not fit. Only while
 * something is hidden: a fade over the edge it runs past and a visible "scroll →" under it, and the
 * box takes keyboard focus (named, so a screen reader says what scrolls) so arrow keys can scroll it.
 * Content that fits gets neither: no hint that lies, no extra Tab stop.
 */
export function SideScroll({ className, labelledBy, label, children }: Props) {
  const box = useRef<HTMLElement>(null);
  const { left, right } = useHiddenSides(box);
  const hidden = left || right;
  return (
    <div className={`side-scroll${left ? ' more-left' : ''}${right ? ' more-right' : ''}`}>
      <section ref={box} className={className} aria-labelledby={labelledBy} aria-label={label} tabIndex={hidden ? 0 : undefined}>
        {children}
      </section>
      {hidden && (
        <p className="side-scroll-hint" aria-hidden="true">
          {left && <span>← scroll</span>}
          {right && <span className="side-scroll-right">scroll →</span>}
        </p>
      )}
    </div>
  );
}
