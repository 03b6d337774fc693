import type { Row } from './types';

/** Charges minus refunds for an order, from the payments ledger. */
export function netCharge(payments: readonly Row[], orderId: string): number {
  return payments.reduce((sum, r) => (r.orderId !== orderId ? sum : sum + (r.kind === 'charge' ? 1 : -1) * (r.amount as number)), 0);
}
