import { useEffect } from 'react';

const INPUTS = ['pointerdown', 'keydown'] as const;

/**
 * Calls `fetch` once the visitor first touches or presses a key (capture phase, anywhere on the page),
 * or at once when `waitForInput` is false; again whenever `fetch` changes. A visitor who only reads
 * fetches nothing: the first-load budget counts every file a first visit fetches.
 */
export function usePrefetchOnFirstInput(fetch: (() => void) | undefined, waitForInput: boolean): void {
  useEffect(() => {
    if (!fetch) return;
    if (!waitForInput) return fetch();
    const stop = () => {
      for (const e of INPUTS) document.removeEventListener(e, once, true);
    };
    const once = () => {
      stop();
      fetch();
    };
    for (const e of INPUTS) document.addEventListener(e, once, true);
    return stop;
  }, [fetch, waitForInput]);
}
