import { createContext, useContext, useEffect, useRef } from 'react';

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
