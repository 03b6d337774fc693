import type { SagaStep } from '../definitions/definition';
import { ok, rejected, type Service } from './service';

/**
 * The service of a step without hand-written rules: its forward action writes a row
 * (`DONE`), its compensation marks that row `UNDONE` (never a delete), a confirmation marks
 * it `CONFIRMED`. Every forward execution writes a new row, so a retry without a key shows
 * up as a second row — exactly like a second charge.
 */
export function createGenericService(step: SagaStep): Service {
  const prefix = step.id;
  return {
    step: step.id,
    name: step.service,
    table: step.table,
    isEffect: (row) => row.did !== undefined,
    holdsWork: (rows, orderId) => rows.some((r) => r.orderId === orderId && (r.status === 'DONE' || r.status === 'CONFIRMED')),
    confirmed: (rows, orderId) => rows.some((r) => r.orderId === orderId && r.status === 'CONFIRMED'),
    handle(req, db) {
      const live = db.find(step.table, (r) => r.orderId === req.orderId && r.status === 'DONE');
      if (req.action === 'forward') {
        if (req.payload.reject) return rejected(400, `cannot ${step.action} for order ${req.orderId}`);
        const id = db.nextId(step.table, prefix, req.orderId);
        db.insert(step.table, { id, orderId: req.orderId, buyer: req.buyer, did: step.action, status: 'DONE' });
        return ok({ [prefix]: id });
      }
      if (req.action === 'compensate') {
        // Undo every row this order left done: idempotent by state, a second undo finds nothing.
        for (const r of db.rows(step.table).filter((x) => x.orderId === req.orderId && x.status === 'DONE')) {
          db.update(step.table, r.id, { status: 'UNDONE', undone: step.compensation ?? 'undo' });
        }
        return ok({ [prefix]: live?.id ?? null });
      }
      if (live) db.update(step.table, live.id, { status: 'CONFIRMED' });
      return ok({ [prefix]: live?.id ?? null });
    },
  };
}
