import { ITEM } from '../catalog';
import { ok, rejected, type Service } from './service';

/**
 * Inventory: holds and releases units of one item. With the semantic lock the hold is an
 * atomic check-and-write of a PENDING row; without it the forward step only *reads*
 * availability and the write happens at confirmation — the read-before-write gap that
 * lets two buyers both see "available".
 */
export function createInventoryService(): Service {
  return {
    step: 'inventory',
    name: 'Inventory',
    table: 'inventory',
    // A hold is the effect; reads (no lock) are only looks.
    isEffect: (row) => row.kind === 'hold',
    holdsWork: (rows, orderId) => rows.some((r) => r.kind === 'hold' && r.orderId === orderId && (r.status === 'PENDING' || r.status === 'SOLD')),
    confirmed: (rows, orderId) => rows.some((r) => r.kind === 'hold' && r.orderId === orderId && r.status === 'SOLD'),
    initialRows: ({ stock }) => [{ id: ITEM.id, kind: 'item', name: ITEM.name, stock, available: stock }],
    handle(req, db, { semanticLock }) {
      const item = db.find('inventory', (r) => r.id === req.payload.item);
      if (!item) return rejected(404, `no item ${req.payload.item}`);
      const available = item.available as number;
      const holdOf = db.find('inventory', (r) => r.kind === 'hold' && r.orderId === req.orderId && r.status !== 'RELEASED');

      if (req.action === 'forward') {
        if (req.payload.reject) return rejected(410, `${item.name} is out of stock`);
        if (!semanticLock) {
          const saw = available > 0 ? 'AVAILABLE' : 'SOLD OUT';
          db.insert('inventory', { id: db.nextId('inventory', 'read', req.orderId), kind: 'read', item: item.id, orderId: req.orderId, buyer: req.buyer, status: `READ ${saw}` });
          return available > 0 ? ok({ saw }) : rejected(410, `${item.name} is sold out`);
        }
        if (holdOf) return ok({ hold: holdOf.id });
        if (available > 0) {
          const hold = db.nextId('inventory', 'hold', req.orderId);
          db.insert('inventory', { id: hold, kind: 'hold', item: item.id, orderId: req.orderId, buyer: req.buyer, status: 'PENDING' });
          db.update('inventory', item.id, { available: available - 1 });
          return ok({ hold });
        }
        const pending = db.find('inventory', (r) => r.kind === 'hold' && r.item === item.id && r.status === 'PENDING');
        if (pending) {
          // Locked is a state that passes: the reply is not stored under the key, so a later read sees the truth.
          return { ok: false, status: 423, retryable: true, locked: true, heldBy: String(pending.orderId), reason: `${item.name} is PENDING for order ${String(pending.orderId)}` };
        }
        return rejected(410, `${item.name} is sold out`);
      }

      if (req.action === 'compensate') {
        // Releasing is idempotent by state too: a released hold stays released.
        if (holdOf?.status !== 'PENDING') return ok({ released: false });
        db.update('inventory', holdOf.id, { status: 'RELEASED' });
        db.update('inventory', item.id, { available: (item.available as number) + 1 });
        return ok({ released: holdOf.id });
      }

      // confirm: the sale. Without the lock this is the unchecked write after the earlier read.
      if (semanticLock) {
        if (holdOf?.status === 'PENDING') db.update('inventory', holdOf.id, { status: 'SOLD' });
        return ok({ sold: holdOf?.id });
      }
      if (holdOf?.status === 'SOLD') return ok({ sold: holdOf.id });
      const sale = db.nextId('inventory', 'hold', req.orderId);
      db.insert('inventory', { id: sale, kind: 'hold', item: item.id, orderId: req.orderId, buyer: req.buyer, status: 'SOLD' });
      db.update('inventory', item.id, { available: available - 1 });
      return ok({ sold: sale });
    },
  };
}
