import { netCharge } from '../ledger';
import { ok, rejected, type Service } from './service';

/**
 * Payments: an append-only ledger. A charge is a row, a refund is a new row; nothing is
 * edited or deleted. Without idempotency keys a repeated request is a repeated charge.
 */
export function createPaymentService(): Service {
  return {
    step: 'payment',
    name: 'Payments',
    table: 'payments',
    isEffect: (row) => row.kind === 'charge',
    holdsWork: (rows, orderId) => netCharge(rows, orderId) !== 0,
    confirmed: () => true,
    handle(req, db) {
      if (req.action === 'forward') {
        if (req.payload.reject) return rejected(402, `card declined for order ${req.orderId}`);
        const id = db.nextId('payments', 'charge', req.orderId);
        db.insert('payments', { id, orderId: req.orderId, buyer: req.buyer, kind: 'charge', amount: req.payload.amount });
        return ok({ payment: id });
      }
      if (req.action === 'compensate') {
        // Never refund more than was charged: a refund for a charge that never happened is a no-op.
        if (netCharge(db.rows('payments'), req.orderId) <= 0) return ok({ refund: null });
        const id = db.nextId('payments', 'refund', req.orderId);
        db.insert('payments', { id, orderId: req.orderId, buyer: req.buyer, kind: 'refund', amount: req.payload.amount });
        return ok({ refund: id });
      }
      return ok();
    },
  };
}
