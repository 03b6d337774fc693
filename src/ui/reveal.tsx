import { type AriaAttributes, createContext, type ReactNode, useContext, useEffect, useRef, useState } from 'react';

/**
 * Whether things newly revealed by the cursor fade in. True when the cursor moved one stop forward (play,
 * step forward); false after a jump or while scrubbing, where dozens of fades at once would only cost a
 * slow phone its frames and show nothing anyone could follow.
 */
const FadeInContext = createContext(true);

export const FadeInProvider = FadeInContext.Provider;

/** Whether a panel's newly revealed rows, lines and marks should fade in (see `FadeInProvider`). */
export const useFadeIn = (): boolean => useContext(FadeInContext);

/**
 * True when `cursor` is the stop right after the cursor shown last (one step forward), false after any
 * other move; unchanged while the cursor stays put.
 */
export function useSteppedForward(cursor: number, stops: readonly number[]): boolean {
  const last = useRef({ cursor, fade: false });
  let fade = last.current.fade;
  if (cursor !== last.current.cursor) {
    const i = stops.indexOf(cursor);
    fade = i > 0 && stops[i - 1] === last.current.cursor;
  }
  useEffect(() => {
    last.current = { cursor, fade };
  });
  return fade;
}

/** Where a fading element comes from: in place, from a little above (rows) or a little below (sentences). */
export type FadeFrom = 'here' | 'above' | 'below';

interface FadeInProps extends Pick<AriaAttributes, 'aria-current'> {
  /** The element to render. */
  as: 'tr' | 'li' | 'g';
  className?: string;
  from?: FadeFrom;
  /** Never fade (reduced motion is handled in CSS; this is for, e.g., what was there on first paint). */
  still?: boolean;
  children?: ReactNode;
}

/**
 * An element that fades in when it mounts, if the cursor got there by one step forward (`useFadeIn`).
 * A CSS animation (`.fade-in` in story.css, off under reduced motion), decided once at mount, so a later
 * render never restarts it: no animation library on the page's first load, no work per frame in JS.
 */
export function FadeIn({ as: Tag, className, from = 'here', still = false, children, ...aria }: FadeInProps) {
  const fade = useFadeIn();
  const [animated] = useState(() => fade && !still);
  const classes = [className, animated && `fade-in fade-from-${from}`].filter(Boolean).join(' ');
  return (
    <Tag className={classes || undefined} {...aria}>
      {children}
    </Tag>
  );
}
