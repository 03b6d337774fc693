import type { Row, TableName, TraceEvent } from '../../core';

/** Why a row was written: initial data, a forward step, a compensation (undo), or the final confirmation. */
export type ChangeCause = 'setup' | 'forward' | 'compensation' | 'confirmation';

/** What the board needs to know about a row beyond its current values. */
export interface RowChange {
  /** Cause of the write that inserted the row. */
  insertedBy: ChangeCause;
  /** Cause of the latest write (insert or update). */
  lastBy: ChangeCause;
  /** Status before the latest update, when the update changed it ("was PENDING"). */
  previousStatus?: string;
  /** Virtual time of the latest write. */
  changedAt: number;
  /** Trace position of the insert and of the latest write. */
  insertedSeq: number;
  changedSeq: number;
}

// An operator's "resolve by hand" performs the compensation directly in the service's table.
const ACTION_CAUSE: Record<string, ChangeCause> = { forward: 'forward', compensate: 'compensation', operator: 'compensation', confirm: 'confirmation' };

/** Why a `db.changed` happened, from the action it carries: initial data, a forward step, an undo or a confirmation. */
export function causeOf(e: TraceEvent): ChangeCause {
  if (e.saga === 'system') return 'setup';
  return (e.type === 'db.changed' && e.action && ACTION_CAUSE[e.action]) || 'forward';
}

/** Per table, per row id: how the first `cursor` trace events wrote it. */
export function rowChanges(trace: readonly TraceEvent[], cursor: number): Record<TableName, Map<string, RowChange>> {
  // One map per table the run has (the first event names them all), whatever the saga.
  const head = trace[0];
  const names = head?.type === 'run.started' ? head.tables : ['sagaLog'];
  const out: Record<TableName, Map<string, RowChange>> = Object.fromEntries(names.map((t) => [t, new Map<string, RowChange>()]));
  const lastRow = new Map<string, Row>();
  for (let i = 0; i < Math.min(cursor, trace.length); i++) {
    const e = trace[i];
    if (e.type !== 'db.changed') continue;
    const table = e.table as TableName;
    const row = e.row as Row;
    const cause = table === 'sagaLog' ? 'forward' : causeOf(e);
    out[table] ??= new Map();
    const before = out[table].get(row.id);
    const oldRow = lastRow.get(`${table}/${row.id}`);
    lastRow.set(`${table}/${row.id}`, row);
    const statusChanged = oldRow && oldRow.status !== row.status;
    out[table].set(row.id, {
      insertedBy: before?.insertedBy ?? cause,
      lastBy: cause,
      previousStatus: statusChanged ? String(oldRow.status) : before?.previousStatus,
      changedAt: e.at,
      insertedSeq: before?.insertedSeq ?? e.seq,
      changedSeq: e.seq,
    });
  }
  return out;
}

/**
 * Payment rows that charge an order again: row id → which charge it is (2 = second).
 * A second charge for one order is the double-charge the idempotency-key lesson is about.
 */
export function repeatedCharges(rows: readonly Row[]): Map<string, number> {
  const seen = new Map<string, number>();
  const repeated = new Map<string, number>();
  for (const row of rows) {
    if (row.kind !== 'charge') continue;
    const n = (seen.get(String(row.orderId)) ?? 0) + 1;
    seen.set(String(row.orderId), n);
    if (n > 1) repeated.set(row.id, n);
  }
  return repeated;
}
