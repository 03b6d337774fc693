/**
 * Facts about a finished run, read from its trace and tables — what lesson questions are
 * answered from. Pure functions of a RunResult.
 */

import type { RunResult, StepId, TraceEvent } from '../core';

/** The first saga's id: lesson questions are about buyer 1 unless they say otherwise. */
const FIRST_SAGA = 's-1';

/** Steps of the first saga's events of one type, in trace order (`compensation.succeeded` → the undo order). */
export function stepsOf(run: RunResult, type: string, saga: string = FIRST_SAGA): StepId[] {
  return run.trace.filter((e) => e.saga === saga && e.type === type && e.step !== undefined).map((e) => e.step as StepId);
}

/** Events of one type (any saga). */
export const eventsOf = (run: RunResult, type: string): TraceEvent[] => run.trace.filter((e) => e.type === type);

/** How many `charge` rows the Payments ledger holds. */
export const chargeRows = (run: RunResult): number => run.databases.payments.rows.filter((r) => r.kind === 'charge').length;

/** Money the first order's card is charged, net of refunds. */
export function netCharged(run: RunResult, orderId = 'o-1'): number {
  return run.databases.payments.rows
    .filter((r) => r.orderId === orderId)
    .reduce((sum, r) => sum + (r.kind === 'refund' ? -1 : 1) * Number(r.amount ?? 0), 0);
}

/** Status of the first order's hold in Inventory (`HELD`, `PENDING`, `SOLD`, `RELEASED`…), or `none`. */
export function holdStatus(run: RunResult, orderId = 'o-1'): string {
  const hold = run.databases.inventory.rows.find((r) => r.kind === 'hold' && r.orderId === orderId);
  return hold ? String(hold.status) : 'none';
}

/** How many sagas (buyers) completed their order. */
export const completedSagas = (run: RunResult): number => eventsOf(run, 'saga.completed').length;

/** The events after the first one of `type` (empty when there is none). */
export function after(run: RunResult, type: string): TraceEvent[] {
  const i = run.trace.findIndex((e) => e.type === type);
  return i < 0 ? [] : run.trace.slice(i + 1);
}

/** "2 times", "once". */
export const times = (n: number): string => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** "1 s and 2 s": the delays of the first saga's `*.retrying` events for one step, in seconds. */
export function retryDelays(run: RunResult, type: string, step: StepId): string {
  const delays = run.trace
    .filter((e) => e.saga === FIRST_SAGA && e.type === type && e.step === step && typeof e.delayMs === 'number')
    .map((e) => `${Number(((e.delayMs as number) / 1000).toFixed(2))} s`);
  if (delays.length <= 1) return delays.join('');
  return `${delays.slice(0, -1).join(', ')} and ${delays[delays.length - 1]}`;
}
