/** The saga's steps as question options: what each one does, and what its undo does. */

import type { QuestionOption } from './types';

/** Forward actions, listed alphabetically so the list itself gives nothing away. */
export const FORWARD_OPTIONS: readonly QuestionOption[] = [
  { value: 'delivery', label: 'Delivery books a slot' },
  { value: 'inventory', label: 'Inventory holds the seat' },
  { value: 'order', label: 'Orders records the order' },
  { value: 'payment', label: 'Payments charges the card' },
  { value: 'warehouse', label: 'Warehouse gets a pick request' },
];

/** Compensations, alphabetically too. */
export const UNDO_OPTIONS: readonly QuestionOption[] = [
  { value: 'delivery', label: 'Delivery releases the slot' },
  { value: 'inventory', label: 'Inventory releases the seat' },
  { value: 'order', label: 'Orders cancels the order' },
  { value: 'payment', label: 'Payments refunds the card' },
  { value: 'warehouse', label: 'Warehouse cancels the pick' },
];
