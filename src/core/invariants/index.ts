import type { SagaDefinition } from '../definitions/definition';
import { servicesFor } from '../services';
import type { Databases, Outcome, TraceEvent, Violation } from '../types';
import { checkOrderInvariants, isOrderSaga, ORDER_INVARIANTS } from './orderInvariants';

/** An invariant, by id, with what it promises (shown in the invariants panel). */
export interface Invariant {
  id: string;
  promise: string;
  onlyWhenSettled: boolean;
}

/** The invariants that hold for any saga definition. */
export const GENERIC_INVARIANTS: readonly Invariant[] = [
  { id: 'at-most-once', promise: "Every step's effect happens at most once per order.", onlyWhenSettled: false },
  { id: 'fully-undone', promise: 'Once a saga is compensated, nothing it did is left done.', onlyWhenSettled: true },
  { id: 'reverse-order', promise: 'Compensations run in reverse order of completion.', onlyWhenSettled: false },
  { id: 'no-stuck-sagas', promise: 'No saga is left half-done with nothing in flight.', onlyWhenSettled: true },
];

/** The order saga's invariants: its own (no double charge, stock conserved, …) plus the generic ones. */
export const INVARIANTS: readonly Invariant[] = [
  ...ORDER_INVARIANTS.filter((i) => i.id !== 'no-stuck-sagas'),
  ...GENERIC_INVARIANTS.filter((i) => i.id !== 'no-stuck-sagas'),
  ...ORDER_INVARIANTS.filter((i) => i.id === 'no-stuck-sagas'),
];

/** The invariants checked for a definition. */
export function invariantsFor(def: SagaDefinition): readonly Invariant[] {
  return isOrderSaga(def) ? INVARIANTS : GENERIC_INVARIANTS;
}

/** What the generic invariants need besides the tables. */
export interface InvariantContext {
  definition: SagaDefinition;
  sagas?: readonly { id: string; orderId: string; outcome: Outcome }[];
  /** Needed for the order of compensations; without it (explorer runs) that check is skipped. */
  trace?: readonly TraceEvent[] | null;
}

/**
 * Checks the databases. `settled` means nothing is in flight any more; the invariants that
 * only make sense once a saga has finished are checked only then.
 */
export function checkInvariants(db: Databases, settled: boolean, ctx: InvariantContext): Violation[] {
  const def = ctx.definition;
  const out: Violation[] = isOrderSaga(def) ? checkOrderInvariants(db, settled) : [];
  const services = servicesFor(def);
  for (const step of def.steps) {
    const byOrder = new Map<string, string[]>();
    for (const r of db[step.table]?.rows ?? []) {
      if (!services[step.id].isEffect(r)) continue;
      const order = String(r.orderId ?? r.id);
      byOrder.set(order, [...(byOrder.get(order) ?? []), r.id]);
    }
    for (const [order, ids] of byOrder) {
      if (ids.length > 1) out.push({ invariant: 'at-most-once', message: `Order ${order}: ${step.service} did "${step.action}" ${ids.length} times (${ids.join(', ')}); it should happen once.` });
    }
  }
  if (ctx.trace) {
    const sagaIds = [...new Set(ctx.trace.filter((e) => e.type === 'saga.started').map((e) => e.saga))];
    for (const saga of sagaIds) {
      // Completed means succeeded, or given up on without an answer (it may have committed).
      const done = [...new Set(ctx.trace.flatMap((e) => (e.saga === saga && (e.type === 'step.succeeded' || e.type === 'step.uncertain') ? [e.step] : [])))];
      const undone = ctx.trace.flatMap((e) => (e.saga === saga && e.type === 'compensation.succeeded' && done.includes(e.step) ? [e.step] : []));
      const expected = [...done].reverse().filter((s) => undone.includes(s));
      if (undone.some((s, i) => s !== expected[i])) out.push({ invariant: 'reverse-order', message: `Saga ${saga} undid ${undone.join(', ')}, but it completed ${done.join(', ')}: compensations must run in reverse.` });
    }
  }
  if (!settled) return out;
  for (const saga of ctx.sagas ?? []) {
    const left = def.steps.filter((s) => s.kind === 'compensatable' && services[s.id].holdsWork(db[s.table]?.rows ?? [], saga.orderId));
    if (saga.outcome === 'compensated' && left.length > 0) {
      out.push({ invariant: 'fully-undone', message: `Saga ${saga.id} ended compensated, but order ${saga.orderId} still has work done at ${left.map((s) => s.service).join(', ')}.` });
    }
    if (!isOrderSaga(def) && saga.outcome === 'stuck') {
      const live = def.steps.filter((s) => services[s.id].holdsWork(db[s.table]?.rows ?? [], saga.orderId));
      out.push({ invariant: 'no-stuck-sagas', message: `Order ${saga.orderId} is stuck half-done with nothing in flight${live.length ? `: ${live.map((s) => `${s.action} done at ${s.service}`).join(', ')}` : ''}.` });
    }
  }
  return out;
}
