import type { Databases, Row, TableName, TraceEvent } from './types';

const EMPTY: Record<TableName, Row[]> = { inventory: [], orders: [], payments: [], warehouse: [], delivery: [], sagaLog: [] };

/** Wraps raw row arrays as {@link Databases}. */
export function asDatabases(tables: Record<TableName, Row[]>): Databases {
  return {
    inventory: { rows: tables.inventory },
    orders: { rows: tables.orders },
    payments: { rows: tables.payments },
    warehouse: { rows: tables.warehouse },
    delivery: { rows: tables.delivery },
    sagaLog: { rows: tables.sagaLog },
  };
}

/**
 * The databases as they were after the first `count` trace events: a fold over the
 * `db.changed` events, so any moment of a run can be shown without re-running it.
 */
export function tablesAt(trace: readonly TraceEvent[], count = trace.length): Databases {
  const tables: Record<TableName, Row[]> = { ...EMPTY };
  for (let i = 0; i < Math.min(count, trace.length); i++) {
    const e = trace[i];
    if (e.type !== 'db.changed') continue;
    const table = e.table as TableName;
    const row = e.row as Row;
    tables[table] = e.op === 'insert' ? [...tables[table], row] : tables[table].map((r) => (r.id === row.id ? row : r));
  }
  return asDatabases(tables);
}
