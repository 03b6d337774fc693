import type { Databases, Row, TraceEvent } from './types';

/** Wraps raw row arrays as {@link Databases} (key order kept). */
export function asDatabases(tables: Record<string, readonly Row[]>): Databases {
  return Object.fromEntries(Object.entries(tables).map(([k, rows]) => [k, { rows: [...rows] }])) as Databases;
}

/**
 * The databases as they were after the first `count` trace events: a fold over the
 * `db.changed` events (the first event, `run.started`, names every table), so any moment
 * of any run can be shown without re-running it. At `count = trace.length` it equals the
 * run's `databases`.
 */
export function tablesAt(trace: readonly TraceEvent[], count = trace.length): Databases {
  const tables: Record<string, Row[]> = {};
  // Which tables exist is a fact of the whole run: even before its first event they are there, empty.
  const head = trace[0];
  if (head?.type === 'run.started') for (const t of head.tables) tables[t] = [];
  for (let i = 0; i < Math.min(count, trace.length); i++) {
    const e = trace[i];
    if (e.type !== 'db.changed') continue;
    tables[e.table] ??= [];
    const rows = tables[e.table];
    if (e.op === 'insert') rows.push(e.row);
    else {
      const at = rows.findIndex((r) => r.id === e.row.id);
      if (at >= 0) rows[at] = e.row;
    }
  }
  tables.sagaLog ??= [];
  return asDatabases(tables);
}
