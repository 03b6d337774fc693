import { ok, rejected, type Service } from './service';

const SLOTS = ['Tue 09:00–11:00', 'Tue 11:00–13:00', 'Wed 09:00–11:00', 'Wed 14:00–16:00'];

/** Delivery: books a slot per order; releasing marks it RELEASED. */
export function createDeliveryService(): Service {
  return {
    step: 'delivery',
    name: 'Delivery',
    table: 'delivery',
    isEffect: () => true,
    holdsWork: (rows, orderId) => rows.some((r) => r.orderId === orderId && r.status === 'BOOKED'),
    confirmed: () => true,
    handle(req, db) {
      const slot = db.find('delivery', (r) => r.orderId === req.orderId && r.status === 'BOOKED');
      if (req.action === 'forward') {
        if (req.payload.reject) return rejected(400, `no delivery slot is free for order ${req.orderId}`);
        const id = db.nextId('delivery', 'slot', req.orderId);
        db.insert('delivery', { id, orderId: req.orderId, buyer: req.buyer, slot: SLOTS[(req.buyer - 1) % SLOTS.length], status: 'BOOKED' });
        return ok({ slot: id });
      }
      if (req.action === 'compensate' && slot) db.update('delivery', slot.id, { status: 'RELEASED' });
      return ok({ slot: slot?.id ?? null });
    },
  };
}
