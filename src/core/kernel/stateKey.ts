import type { Row } from '../types';
import type { SimState } from './state';

const sortedRows = (rows: readonly Row[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const sortedEntries = (o: object) => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1));

/**
 * A key identifying what matters for the future of a state: each saga's coordinator state,
 * tables, key stores, fault budgets, random streams and each saga's agenda in order — but
 * not absolute times, so interleavings that reach the same situation merge. Rows and
 * entries are in canonical order: writes of independent sagas commute.
 */
export function stateKey(s: SimState, machineOf: (index: number) => unknown): string {
  return JSON.stringify([
    s.sagas.map((g) => [machineOf(g.index), g.crashed, g.incarnation, g.halted]),
    sortedEntries(s.tables).map(([, rows]) => sortedRows(rows)),
    sortedEntries(s.keys).map(([, store]) => sortedEntries(store)),
    sortedEntries(s.counters),
    s.rngs,
    s.sagas.map((g) => s.queue.filter((p) => p.saga === g.index).map(({ at: _at, seq: _seq, ...rest }) => rest)),
  ]);
}
