import type { Scenario } from '../../core';
import type { ExploreMessage } from './exploreClient';
import { exploreInSlices } from './exploreSlices';

// Off the main thread, slices can be longer; each one still reports progress.
// (Typed with the DOM lib the app compiles against: a worker's `self.postMessage(m)` has the same shape.)
self.onmessage = async (e: MessageEvent<{ scenario: Partial<Scenario> }>) => {
  const post = (m: ExploreMessage) => self.postMessage(m);
  try {
    const result = await exploreInSlices(e.data.scenario, (explored) => post({ type: 'progress', explored }), { sliceMs: 100 });
    if (result) post({ type: 'done', result });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
