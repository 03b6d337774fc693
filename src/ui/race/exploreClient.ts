import type { ExploreResult, Scenario } from '../../core';

/** What the explore worker posts back. */
export type ExploreMessage = { type: 'progress'; explored: number } | { type: 'done'; result: ExploreResult } | { type: 'error'; message: string };

/** A running exploration: its result (null when cancelled) and a way to stop it. */
export interface Exploration {
  done: Promise<ExploreResult | null>;
  cancel: () => void;
}

/**
 * Explores every interleaving of a scenario in a Web Worker, so the page never freezes; the
 * worker reports progress after each time-boxed slice. The explorer's code lives only in the
 * worker's bundle, loaded when the learner asks, never in the first-load bundle. (No in-page
 * fallback: the core's barrel would pull the explorer back into the main chunk.)
 */
export function startExploration(scenario: Partial<Scenario>, onProgress: (explored: number) => void): Exploration {
  if (typeof Worker === 'undefined') {
    return { done: Promise.reject(new Error('this browser cannot run background work (no Web Workers).')), cancel: () => {} };
  }
  const worker = new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module' });
  let settle: (r: ExploreResult | null) => void = () => {};
  const done = new Promise<ExploreResult | null>((resolve, reject) => {
    settle = resolve;
    worker.onmessage = (e: MessageEvent<ExploreMessage>) => {
      const m = e.data;
      if (m.type === 'progress') return onProgress(m.explored);
      worker.terminate();
      if (m.type === 'done') resolve(m.result);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the explorer stopped unexpectedly.'));
    };
  });
  worker.postMessage({ scenario: structuredClone({ ...scenario, schedule: undefined }) });
  return {
    done,
    cancel: () => {
      worker.terminate();
      settle(null);
    },
  };
}
