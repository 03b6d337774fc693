import type { ExploreMessage } from '../../src/ui/race/exploreClient';
import { exploreInSlices } from '../../src/ui/race/exploreSlices';

/**
 * A stand-in for the explore Web Worker in jsdom (which has no workers): same messages, same
 * time-boxed slices, run on the test's thread. Install with `vi.stubGlobal('Worker', InlineExploreWorker)`.
 */
export class InlineExploreWorker {
  onmessage: ((e: MessageEvent<ExploreMessage>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  private stopped = false;

  postMessage(data: { scenario: Parameters<typeof exploreInSlices>[0] }): void {
    const emit = (m: ExploreMessage) => {
      if (!this.stopped) this.onmessage?.({ data: m } as MessageEvent<ExploreMessage>);
    };
    exploreInSlices(data.scenario, (explored) => emit({ type: 'progress', explored }), { isCancelled: () => this.stopped }).then(
      (result) => result && emit({ type: 'done', result }),
      (err: unknown) => emit({ type: 'error', message: String(err) }),
    );
  }

  terminate(): void {
    this.stopped = true;
  }
}
