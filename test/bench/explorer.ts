import { exploreInterleavings } from '../../src/core';
import { type Figure, guarded, quantile, round } from './figure';

/**
 * The interleaving explorer on the race (one seat, n buyers), lock on and off: time to explore
 * every interleaving (median of up to 5 repeats within ~2 s), distinct states, interleavings, violating ones.
 */
export async function measureExplorer(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const buyers of [2, 3]) {
    for (const semanticLock of [true, false]) {
      const id = `explorer.buyers${buyers}.lock${semanticLock ? 'On' : 'Off'}`;
      const label = `explorer, ${buyers} buyers, lock ${semanticLock ? 'on' : 'off'}`;
      figures.push(
        ...(await guarded(id, label, () => {
          const times: number[] = [];
          let result = exploreInterleavings({ buyers, semanticLock, stock: 1 });
          const budgetEnd = performance.now() + 2000;
          for (let i = 0; i < 5 && performance.now() < budgetEnd; i++) {
            const start = performance.now();
            result = exploreInterleavings({ buyers, semanticLock, stock: 1 });
            times.push(performance.now() - start);
          }
          const ms = round(quantile(times, 0.5));
          const { explored, interleavings, violating, complete } = result;
          const shortest = result.counterexample ? `, shortest counterexample ${result.counterexample.schedule.length} choices` : '';
          return [
            {
              id,
              label,
              text: `${ms} ms, ${explored} states, ${interleavings.toLocaleString('en-US')} interleavings, ${violating.toLocaleString('en-US')} violating${shortest}${complete ? '' : ' (stopped early)'}`,
              values: { ms, explored, interleavings, violating, complete },
            },
          ];
        })),
      );
    }
  }
  return figures;
}
