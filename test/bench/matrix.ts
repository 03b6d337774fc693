import { failureMatrix, summarizeMatrix } from '../../src/core';
import { type Figure, guarded, quantile, round } from './figure';

/** Issue 15's budget: the order saga's whole failure matrix in under a second. */
export const MATRIX_BUDGET_MS = 1000;

/**
 * The failure matrix of each built-in saga: wall time to run every cell (median of up to 5 repeats
 * within ~3 s, after one warm-up), the number of cells and how many are silent.
 */
export async function measureMatrix(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const definition of ['order', 'order-with-pivot', 'trip'] as const) {
    const id = `matrix.${definition}`;
    const label = `failure matrix, ${definition} saga`;
    figures.push(
      ...(await guarded(id, label, () => {
        let cells = failureMatrix(definition);
        const times: number[] = [];
        const end = performance.now() + 3000;
        for (let i = 0; i < 5 && performance.now() < end; i++) {
          const start = performance.now();
          cells = failureMatrix(definition);
          times.push(performance.now() - start);
        }
        const ms = round(quantile(times, 0.5));
        const { total, silent } = summarizeMatrix(cells);
        const budget = definition === 'order' ? ` (budget < ${MATRIX_BUDGET_MS} ms: ${ms < MATRIX_BUDGET_MS ? 'met' : 'MISSED'})` : '';
        return [{ id, label, text: `${ms} ms for ${total} cells, ${silent} silent${budget}`, values: { ms, cells: total, silent } }];
      })),
    );
  }
  return figures;
}
