import type { ExploreResult, Scenario } from '../../core';

/** What the explore worker posts back. */
export type ExploreMessage = { type: 'progress'; explored: number } | { type: 'done'; result: ExploreResult } | { type: 'error'; message: string };

/** A running exploration: its result (null when cancelled) and a way to stop it. */
export interface Exploration {
  done: Promise<ExploreResult | null>;
  cancel: () => void;
}

/**
 * Explores every interleaving of a scenario without freezing the page: in a Web Worker
 * where there is one, otherwise in time-boxed slices on this thread. Either way the
 * explorer's code is loaded only now, never in the first-load bundle.
 */
export function startExploration(scenario: Partial<Scenario>, onProgress: (explored: number) => void): Exploration {
  const plain: Partial<Scenario> = structuredClone({ ...scenario, schedule: undefined });
  if (typeof Worker !== 'undefined') {
    const worker = new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module' });
    let settle: (r: ExploreResult | null) => void = () => {};
    const done = new Promise<ExploreResult | null>((resolve, reject) => {
      settle = resolve;
      worker.onmessage = (e: MessageEvent<ExploreMessage>) => {
        const m = e.data;
        if (m.type === 'progress') onProgress(m.explored);
        else if (m.type === 'done') resolve(m.result);
        else reject(new Error(m.message));
        if (m.type !== 'progress') worker.terminate();
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(e.message || 'The explorer stopped unexpectedly.'));
      };
    });
    worker.postMessage({ scenario: plain });
    return {
      done,
      cancel: () => {
        worker.terminate();
        settle(null);
      },
    };
  }
  let cancelled = false;
  const done = import('./exploreSlices').then(({ exploreInSlices }) =>
    cancelled ? null : exploreInSlices(plain, onProgress, { isCancelled: () => cancelled }),
  );
  return {
    done,
    cancel: () => {
      cancelled = true;
    },
  };
}
