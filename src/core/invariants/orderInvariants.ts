import type { SagaDefinition } from '../definitions/definition';
import { netCharge } from '../ledger';
import type { Databases, Row, Violation } from '../types';

/** The order saga's own invariants, by id, with what each one promises. */
export const ORDER_INVARIANTS: readonly { id: string; promise: string; onlyWhenSettled: boolean }[] = [
  { id: 'no-double-charge', promise: 'No order is charged more than its price.', onlyWhenSettled: false },
  { id: 'charge-matches-order', promise: 'A confirmed order is charged its price; a cancelled one nets $0.', onlyWhenSettled: true },
  { id: 'stock-conserved', promise: 'Available + held + sold equals the stock.', onlyWhenSettled: false },
  { id: 'no-oversell', promise: 'No item is sold or held beyond its stock.', onlyWhenSettled: false },
  { id: 'no-orphans', promise: 'Nothing stays held, picked or booked for a cancelled or missing order.', onlyWhenSettled: true },
  { id: 'no-stuck-sagas', promise: 'No order is left PENDING with nothing in flight.', onlyWhenSettled: true },
];

const dollars = (n: number) => `$${n}`;
const holds = (db: Databases) => db.inventory.rows.filter((r) => r.kind === 'hold');
const buyerList = (rows: Row[]) => rows.map((r) => `buyer ${String(r.buyer)}`).join(' and ');

/** Whether a definition runs on the order saga's tables (its own invariants apply). */
export const isOrderSaga = (def: SagaDefinition): boolean => ['inventory', 'orders', 'payments', 'warehouse', 'delivery'].every((t) => def.steps.some((s) => s.table === t));

/** The order saga's own invariants over its tables. */
export function checkOrderInvariants(db: Databases, settled: boolean): Violation[] {
  const out: Violation[] = [];
  const orders = db.orders.rows;
  const orderIds = new Set([...orders.map((o) => o.id), ...db.payments.rows.map((p) => String(p.orderId))]);

  for (const id of orderIds) {
    const order = orders.find((o) => o.id === id);
    const price = (order?.amount as number | undefined) ?? 40;
    const net = netCharge(db.payments.rows, id);
    const charges = db.payments.rows.filter((p) => p.orderId === id && p.kind === 'charge').length;
    if (net > price) {
      out.push({ invariant: 'no-double-charge', message: `Order ${id} was charged ${charges} times: ${dollars(net)} net for a ${dollars(price)} order.` });
    }
    if (!settled || !order) continue;
    if (order.status === 'CONFIRMED' && net !== price) {
      out.push({ invariant: 'charge-matches-order', message: `Order ${id} is CONFIRMED but nets ${dollars(net)} instead of ${dollars(price)}.` });
    }
    if (order.status === 'CANCELLED' && net !== 0) {
      out.push({ invariant: 'charge-matches-order', message: `Order ${id} is CANCELLED but the card still nets ${dollars(net)}.` });
    }
  }

  for (const item of db.inventory.rows.filter((r) => r.kind === 'item')) {
    const mine = holds(db).filter((h) => h.item === item.id);
    const held = mine.filter((h) => h.status === 'PENDING');
    const sold = mine.filter((h) => h.status === 'SOLD');
    const stock = item.stock as number;
    const available = item.available as number;
    if (available + held.length + sold.length !== stock) {
      out.push({
        invariant: 'stock-conserved',
        message: `${String(item.name)}: ${stock} in stock, but ${available} available + ${held.length} held + ${sold.length} sold = ${available + held.length + sold.length}.`,
      });
    }
    if (held.length + sold.length > stock) {
      const taken = [...sold, ...held].sort((a, b) => Number(a.buyer) - Number(b.buyer));
      const verb = held.length === 0 ? 'sold' : 'sold or held';
      out.push({ invariant: 'no-oversell', message: `${String(item.name)} ${verb} to ${buyerList(taken)}, but only ${stock} in stock.` });
    }
  }

  if (!settled) return out;
  const live = (id: unknown) => orders.find((o) => o.id === id && o.status !== 'CANCELLED');
  const orphan = (what: string, r: Row) => {
    const order = orders.find((o) => o.id === r.orderId);
    out.push({ invariant: 'no-orphans', message: `Order ${String(r.orderId)} is ${order ? 'CANCELLED' : 'missing'}, but ${what} ${r.id} is still ${String(r.status)}.` });
  };
  for (const h of holds(db)) if (h.status === 'PENDING' && !live(h.orderId)) orphan('hold', h);
  for (const p of db.warehouse.rows) if (p.status === 'REQUESTED' && !live(p.orderId)) orphan('pick request', p);
  for (const s of db.delivery.rows) if (s.status === 'BOOKED' && !live(s.orderId)) orphan('delivery slot', s);

  for (const o of orders.filter((r) => r.status === 'PENDING')) {
    const left: string[] = [];
    if (holds(db).some((h) => h.orderId === o.id && h.status === 'PENDING')) left.push('item held');
    const net = netCharge(db.payments.rows, o.id);
    if (net !== 0) left.push(`card charged ${dollars(net)}`);
    if (db.warehouse.rows.some((p) => p.orderId === o.id && p.status === 'REQUESTED')) left.push('pick requested');
    if (db.delivery.rows.some((s) => s.orderId === o.id && s.status === 'BOOKED')) left.push('slot booked');
    out.push({ invariant: 'no-stuck-sagas', message: `Order ${o.id} is still PENDING with nothing in flight${left.length ? `: ${left.join(', ')}` : ''}.` });
  }
  return out;
}
