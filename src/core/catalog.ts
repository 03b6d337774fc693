/** The price of one order, in dollars. */
export const PRICE = 40;

/** The one item every buyer wants. */
export const ITEM = { id: 'seat-1A', name: 'Seat 1A' } as const;
