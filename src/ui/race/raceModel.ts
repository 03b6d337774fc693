import { ITEM, type Outcome, type Row, tablesAt, type TraceEvent } from '../../core';
import { activeState, describeActive } from '../panels/activeState';
import { type RunView, revealed } from '../runView';

/** One buyer's saga as the race panel shows it, at the cursor. */
export interface BuyerView {
  buyer: number;
  saga: string;
  orderId: string;
  /** "Current step: Payment, attempt 1 of 3", "Not started yet", … */
  state: string;
  /** Set once the saga's terminal event is revealed. */
  outcome?: Outcome;
  /** What it read at Inventory: "read AVAILABLE", "read PENDING for o-1", "read SOLD OUT"; undefined before it read. */
  read?: string;
  /** What it does about a PENDING read: "backs off" or "waits and retries". */
  reaction?: string;
  /** What it holds of the seat: "PENDING hold", "SOLD to buyer 1", "hold released". */
  holds?: string;
}

/** The seat, at the cursor. */
export interface SeatView {
  name: string;
  stock: number;
  available: number;
  pendingFor: number[];
  soldTo: number[];
  /** "AVAILABLE", "PENDING (buyer 1)", "SOLD (to buyer 1)", … */
  status: string;
  /** Set when more units were sold than exist: the loud message. */
  oversold?: string;
}

const TERMINAL: Record<string, Outcome> = {
  'saga.completed': 'completed',
  'saga.compensated': 'compensated',
  'saga.needs-attention': 'needs-attention',
  'saga.stuck': 'stuck',
};

/** "buyer 1 and buyer 2", "buyer 1, buyer 2 and buyer 3". */
export function buyerList(buyers: readonly number[]): string {
  const names = buyers.map((b) => `buyer ${b}`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const TIMES = ['', 'once', 'twice', 'three times', 'four times'];

/** The inventory's answer when nothing is left: 410 Gone. */
const SOLD_OUT = 410;

/** The seat's rows in the inventory table at the cursor; null for a saga with no inventory table (nothing to sell twice). */
export function seatAt(run: RunView): SeatView | null {
  const inventory = tablesAt(run.trace, run.cursor).inventory;
  if (!inventory) return null;
  const rows = inventory.rows;
  const item = rows.find((r) => r.kind === 'item');
  const stock = Number(item?.stock ?? run.scenario.stock ?? 1);
  const holds = rows.filter((r) => r.kind === 'hold');
  const with_ = (status: string) =>
    holds
      .filter((r) => r.status === status)
      .map((r) => Number(r.buyer))
      .sort((a, b) => a - b);
  const pendingFor = with_('PENDING');
  const soldTo = with_('SOLD');
  const available = Number(item?.available ?? stock);
  const parts: string[] = [];
  if (soldTo.length) parts.push(`SOLD (to ${buyerList(soldTo)})`);
  if (pendingFor.length) parts.push(`PENDING (${buyerList(pendingFor)})`);
  if (available > 0 || parts.length === 0) parts.push(stock > 1 ? `${Math.max(0, available)} AVAILABLE` : 'AVAILABLE');
  let oversold: string | undefined;
  if (soldTo.length > stock) {
    oversold =
      stock === 1
        ? `Sold ${TIMES[soldTo.length] ?? `${soldTo.length} times`}: ${buyerList(soldTo)}`
        : `Oversold: ${soldTo.length} sold to ${buyerList(soldTo)}, but only ${stock} in stock`;
  }
  return { name: ITEM.name, stock, available, pendingFor, soldTo, status: parts.join(' · '), oversold };
}

/** What a saga read at Inventory and what it holds now, from its own revealed events and rows. */
function readsOf(events: readonly TraceEvent[], saga: string, buyer: number): Pick<BuyerView, 'read' | 'reaction' | 'holds'> {
  let read: string | undefined;
  let reaction: string | undefined;
  let hold: Row | undefined;
  let refused: 'locked' | 'sold out' | undefined;
  for (const e of events) {
    if (e.saga !== saga) continue;
    const row = e.row as Row | undefined;
    if (e.type === 'db.changed' && e.table === 'inventory' && row && Number(row.buyer) === buyer) {
      if (row.kind === 'read') read = `read ${String(row.status).replace(/^READ /, '')}`;
      if (row.kind === 'hold') {
        // With the lock, the check and the PENDING write are one local transaction.
        if (e.op === 'insert' && row.status === 'PENDING') read = 'read AVAILABLE';
        hold = row;
      }
    }
    if (e.type === 'step.failed' && e.step === 'inventory') {
      // Facts, not prose: the hold is PENDING for another order (`locked`, `heldBy`), or 410 Gone: sold out.
      refused = e.locked ? 'locked' : e.status === SOLD_OUT ? 'sold out' : undefined;
      if (e.locked) read = `read PENDING for ${e.heldBy}`;
      if (refused === 'sold out') read = 'read SOLD OUT';
      reaction = undefined;
    }
    if (refused && e.type === 'step.retrying' && e.step === 'inventory') reaction = 'waits and retries';
    if (refused && e.type === 'saga.compensating') reaction = refused === 'locked' ? 'backs off' : 'gives up';
  }
  const holds = !hold
    ? undefined
    : hold.status === 'SOLD'
      ? `SOLD to buyer ${buyer}`
      : hold.status === 'PENDING'
        ? 'PENDING hold'
        : hold.status === 'RELEASED'
          ? 'hold released'
          : String(hold.status);
  return { read, reaction, holds };
}

/** Every buyer's saga at the cursor, buyer 1 first. */
export function buyersAt(run: RunView): BuyerView[] {
  const events = revealed(run);
  const count = Math.max(1, run.scenario.buyers ?? 1);
  return Array.from({ length: count }, (_, i) => {
    const buyer = i + 1;
    const saga = `s-${buyer}`;
    let outcome: Outcome | undefined;
    for (const e of events) if (e.saga === saga && TERMINAL[e.type]) outcome = TERMINAL[e.type];
    const active = activeState(run.trace, run.cursor, saga);
    return { buyer, saga, orderId: `o-${buyer}`, state: describeActive(active, run.scenario.mode), outcome, ...readsOf(events, saga, buyer) };
  });
}
