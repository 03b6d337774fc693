import type { KeyStore } from '../services/idempotency';
import type { Row } from '../types';
import type { Pending } from './agenda';
import type { SimState } from './state';

const sortedRows = (rows: readonly Row[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const sortedEntries = (o: object) => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1));

/** What a stored key decides later: in flight, or done with a reply whose kind (ok, status) a retry will get back. */
const keyFacts = (store: KeyStore) =>
  Object.keys(store)
    .sort()
    .map((k) => {
      const e = store[k];
      return e.state === 'done' ? `${k}=${e.reply.ok ? 200 : `${e.reply.status}${e.reply.locked ? 'L' : ''}`}` : `${k}~`;
    })
    .join(',');

/** An agenda entry without what follows from its saga (ids, amounts) or from the clock. */
function pendingFacts(p: Pending): unknown {
  switch (p.kind) {
    case 'request':
    case 'finish':
      return [p.kind, p.incarnation, p.callId, p.req.step, p.req.action, p.req.attempt, p.req.key ? 1 : 0, p.req.payload.reject ? 1 : 0];
    case 'response':
      return [p.kind, p.incarnation, p.payload.callId, p.payload.step, p.payload.action, p.payload.reply.ok ? 200 : p.payload.reply.status];
    case 'timer':
      return [p.kind, p.incarnation, p.id, p.event.type];
    case 'bus':
      return [p.kind, p.topic, p.subscriber, p.attempt ?? 1];
    default:
      return [p.kind];
  }
}

/**
 * 64 bits of a string (two independent 32-bit FNV-1a passes with different offsets and
 * primes), as 16 hex digits. At the explorer's scale (≤ 250,000 states) the chance that two
 * distinct states share a key is about 2⁻³⁰: the counts stay exact.
 */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * A key identifying what matters for the future of a state: each saga's coordinator state,
 * the services' tables, key stores, fault budgets, random streams and each saga's agenda in
 * order — but not absolute times, so interleavings that reach the same situation merge.
 * Rows and entries are in canonical order (writes of independent sagas commute). The saga
 * log follows from each saga's progress and is only read by a recovery, so it counts only
 * while a crash is still to come. Hashed to 64 bits: 16 bytes a state instead of ~7 KB.
 */
export function stateKey(s: SimState, machineOf: (index: number) => unknown, crashPending: boolean): string {
  const tables = sortedEntries(s.tables).filter(([name]) => crashPending || name !== 'sagaLog');
  return hash64(
    JSON.stringify([
      s.sagas.map((g) => [machineOf(g.index), g.crashed, g.incarnation, g.halted]),
      tables.map(([, rows]) => sortedRows(rows)),
      sortedEntries(s.keys).map(([, store]) => keyFacts(store)),
      sortedEntries(s.counters),
      s.rngs,
      s.sagas.map((g) => s.queue.filter((p) => p.saga === g.index).map(pendingFacts)),
    ]),
  );
}
