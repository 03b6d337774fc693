import { ok, rejected, type Service } from './service';

/** Warehouse: a pick-and-pack request per order; cancelling marks it CANCELLED. */
export function createWarehouseService(): Service {
  return {
    step: 'warehouse',
    name: 'Warehouse',
    table: 'warehouse',
    isEffect: () => true,
    holdsWork: (rows, orderId) => rows.some((r) => r.orderId === orderId && r.status === 'REQUESTED'),
    confirmed: () => true,
    handle(req, db) {
      const pick = db.find('warehouse', (r) => r.orderId === req.orderId && r.status !== 'CANCELLED');
      if (req.action === 'forward') {
        if (req.payload.reject) return rejected(400, `the warehouse cannot pick order ${req.orderId}`);
        const id = db.nextId('warehouse', 'pick', req.orderId);
        db.insert('warehouse', { id, orderId: req.orderId, buyer: req.buyer, status: 'REQUESTED' });
        return ok({ pick: id });
      }
      if (req.action === 'compensate' && pick) db.update('warehouse', pick.id, { status: 'CANCELLED' });
      return ok({ pick: pick?.id ?? null });
    },
  };
}
