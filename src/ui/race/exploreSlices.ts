import { type ExploreResult, InterleavingExplorer, type Scenario } from '../../core';

/** Hands control back to the event loop (the page paints, clicks are handled). */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs the interleaving explorer in time-boxed slices: expand states for `sliceMs`, report
 * progress, yield, repeat. Time-boxed rather than `runFor(200)`: with four buyers one state
 * can cost several milliseconds, so a fixed count of 200 could hold the thread for a second.
 * `isCancelled` is checked between slices.
 */
export async function exploreInSlices(
  scenario: Partial<Scenario>,
  onProgress: (explored: number) => void,
  options: { sliceMs?: number; isCancelled?: () => boolean } = {},
): Promise<ExploreResult | null> {
  const sliceMs = options.sliceMs ?? 12;
  const explorer = new InterleavingExplorer({ ...scenario, schedule: undefined });
  while (!explorer.done) {
    const until = performance.now() + sliceMs;
    while (!explorer.done && performance.now() < until) explorer.runFor(1);
    onProgress(explorer.explored);
    await breathe();
    if (options.isCancelled?.()) return null;
  }
  return explorer.result();
}
