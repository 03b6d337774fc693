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

/**
 * The 4-buyer grid (stock 1–3 × lock off / on with fail / on with wait): CPU time of one full
 * exploration each — this process's CPU, which other work on a busy machine disturbs far less than
 * wall time. Budget: every configuration under 5 s.
 */
export async function measureExplorerGrid(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  for (const stock of [1, 2, 3]) {
    for (const lock of ['off', 'fail', 'wait'] as const) {
      const id = `explorer.grid.stock${stock}.${lock}`;
      const label = `explorer, 4 buyers, stock ${stock}, lock ${lock === 'off' ? 'off' : `on (${lock})`}`;
      figures.push(
        ...(await guarded(id, label, () => {
          const start = cpuMs();
          const r = exploreInterleavings({ buyers: 4, stock, semanticLock: lock !== 'off', lockPolicy: lock === 'wait' ? 'wait' : 'fail' });
          const ms = round(cpuMs() - start);
          return [
            {
              id,
              label,
              text: `${ms.toLocaleString('en-US')} CPU-ms, ${r.explored.toLocaleString('en-US')} states, ${r.violating > 0 ? 'violating interleavings found' : 'no violation'}${r.complete ? '' : ' (stopped early)'}`,
              values: { cpuMs: ms, explored: r.explored, violating: r.violating, complete: r.complete },
            },
          ];
        })),
      );
    }
  }
  return figures;
}
