import { ok, rejected, type Service } from './service';

/** Orders: creates the order record (PENDING); cancelling keeps the row and marks it CANCELLED. */
export function createOrderService(): Service {
  return {
    step: 'order',
    name: 'Orders',
    table: 'orders',
    isEffect: () => true,
    holdsWork: (rows, orderId) => rows.some((r) => r.id === orderId && r.status !== 'CANCELLED'),
    confirmed: (rows, orderId) => rows.some((r) => r.id === orderId && r.status === 'CONFIRMED'),
    handle(req, db) {
      const order = db.find('orders', (r) => r.id === req.orderId);
      if (req.action === 'forward') {
        if (req.payload.reject) return rejected(400, `order ${req.orderId} was rejected by validation`);
        if (order) return ok({ order: order.id });
        db.insert('orders', { id: req.orderId, buyer: req.buyer, item: req.payload.item, amount: req.payload.amount, status: 'PENDING' });
        return ok({ order: req.orderId });
      }
      if (!order) return ok({ order: null });
      if (req.action === 'compensate') {
        if (order.status !== 'CANCELLED') db.update('orders', order.id, { status: 'CANCELLED' });
        return ok({ order: order.id, status: 'CANCELLED' });
      }
      if (order.status === 'PENDING') db.update('orders', order.id, { status: 'CONFIRMED' });
      return ok({ order: order.id, status: 'CONFIRMED' });
    },
  };
}
