/**
 * Facts about a finished run, read from its trace and tables — what lesson questions are
 * answered from. Pure functions of a RunResult.
 */

import { resolveDefinition, type RunResult, type StepId, type TraceEvent } from '../core';

/** The lessons' saga: the order, five steps. */
const orderSaga = resolveDefinition('order');

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

/** "Payments": the service that owns a step, from the order saga's definition. */
export const serviceName = (step: string | undefined): string => orderSaga.steps.find((s) => s.id === step)?.service ?? String(step ?? 'a service');

/** "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The first event of a type for the first saga (or any saga with `saga: null`). */
export const firstOf = (run: RunResult, type: string, saga: string | null = FIRST_SAGA): TraceEvent | undefined =>
  run.trace.find((e) => e.type === type && (saga === null || e.saga === saga));

/** The step whose forward action failed for good (a business failure, or retries run out): the saga's turning point. */
export function failedStep(run: RunResult, saga: string = FIRST_SAGA): StepId | undefined {
  const turn = firstOf(run, 'saga.compensating', saga);
  if (turn && typeof turn.failedStep === 'string') return turn.failedStep as StepId;
  return run.trace.find((e) => e.saga === saga && e.type === 'step.failed' && e.business === true)?.step as StepId | undefined;
}

/** Steps of the first saga that never started. */
export const neverStarted = (run: RunResult, saga: string = FIRST_SAGA): StepId[] => {
  const started = new Set(stepsOf(run, 'step.started', saga));
  return orderSaga.steps.map((s) => s.id as StepId).filter((s) => !started.has(s));
};

/** How many `refund` rows the Payments ledger holds. */
export const refundRows = (run: RunResult): number => run.databases.payments.rows.filter((r) => r.kind === 'refund').length;

/** Status of the first order's row in Orders, or `none`. */
export const orderStatus = (run: RunResult, orderId = 'o-1'): string => {
  const row = run.databases.orders.rows.find((r) => r.id === orderId || r.orderId === orderId) ?? run.databases.orders.rows[0];
  return row ? String(row.status) : 'none';
};

/** "no alert" / "an alert" / "2 alerts": what the run raised, in words. */
export const alertWords = (run: RunResult): string => (run.alerts.length === 0 ? 'no alert' : run.alerts.length === 1 ? 'an alert' : `${run.alerts.length} alerts`);

/** The invariants the run breaks at its end, by id ("no-double-charge and charge-matches-order"), or "" when all hold. */
export const brokenInvariants = (run: RunResult): string => listWords([...new Set(run.violations.map((v) => v.invariant))]);

/** "1 charge row", "2 charge rows". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the first order left in the databases, in words: "the seat is HELD, order o-1 is PENDING and the card is charged $40". */
export function leftBehind(run: RunResult): string {
  const hold = holdStatus(run);
  const order = orderStatus(run);
  const net = netCharged(run);
  const charged = run.databases.payments.rows.some((r) => r.orderId === 'o-1');
  return listWords([
    hold === 'none' ? 'no seat is held' : `the seat’s hold is ${hold}`,
    order === 'none' ? 'no order exists' : `the order is ${order}`,
    charged ? `the card nets $${net}` : 'the card was never charged',
  ]);
}

/** The sentence with its first letter in upper case. */
export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "Payments’", "Warehouse’s": the possessive of a service name. */
export const possessive = (name: string): string => (name.endsWith('s') ? `${name}’` : `${name}’s`);
