import type { DefinitionName } from '../types';
import type { SagaDefinitionJson, SagaStepJson } from './definition';

/** The order saga: five compensatable steps, each with its own hand-written service and table. */
export const ORDER: SagaDefinitionJson = {
  id: 'order',
  title: 'Order saga (all steps compensatable)',
  steps: [
    {
      id: 'inventory',
      service: 'Inventory',
      action: 'hold the item',
      compensation: 'release the hold',
      kind: 'compensatable',
      table: 'inventory',
      confirm: true,
      events: { succeeded: 'InventoryHeld', failed: 'InventoryUnavailable', compensated: 'InventoryReleased' },
    },
    {
      id: 'order',
      service: 'Orders',
      action: 'create the order',
      compensation: 'cancel the order',
      kind: 'compensatable',
      table: 'orders',
      confirm: true,
      events: { succeeded: 'OrderCreated', failed: 'OrderRejected', compensated: 'OrderCancelled' },
    },
    {
      id: 'payment',
      service: 'Payments',
      action: 'charge the card',
      compensation: 'refund the card',
      kind: 'compensatable',
      table: 'payments',
      events: { succeeded: 'PaymentCharged', failed: 'PaymentDeclined', compensated: 'PaymentRefunded' },
    },
    {
      id: 'warehouse',
      service: 'Warehouse',
      action: 'request pick and pack',
      compensation: 'cancel the pick request',
      kind: 'compensatable',
      table: 'warehouse',
      events: { succeeded: 'PickRequested', failed: 'PickRefused', compensated: 'PickCancelled' },
    },
    {
      id: 'delivery',
      service: 'Delivery',
      action: 'book a delivery slot',
      compensation: 'release the slot',
      kind: 'compensatable',
      table: 'delivery',
      events: { succeeded: 'SlotBooked', failed: 'NoSlotAvailable', compensated: 'SlotReleased' },
    },
  ],
};

const forwardOnly = ({ compensation: _c, ...s }: SagaStepJson): SagaStepJson => s;

/** The same order with payment as the pivot: after the charge the saga can only go forward. */
export const ORDER_WITH_PIVOT: SagaDefinitionJson = {
  id: 'order-with-pivot',
  title: 'Order saga with payment as the pivot',
  steps: ORDER.steps.map((s): SagaStepJson => {
    if (s.id === 'payment') return { ...forwardOnly(s), kind: 'pivot' };
    if (s.id === 'warehouse' || s.id === 'delivery') return { ...forwardOnly(s), kind: 'retriable' };
    return s;
  }),
};

/** The trip teachers use most: flight, hotel and car are undone if the card is declined. */
export const TRIP: SagaDefinitionJson = {
  id: 'trip',
  title: 'Book a trip',
  steps: [
    { id: 'flight', service: 'Flights', action: 'book the flight', compensation: 'cancel the flight', kind: 'compensatable' },
    { id: 'hotel', service: 'Hotels', action: 'book the hotel', compensation: 'cancel the hotel', kind: 'compensatable' },
    { id: 'car', service: 'Cars', action: 'rent the car', compensation: 'return the car', kind: 'compensatable' },
    { id: 'payment', service: 'Payments', action: 'charge the card', kind: 'pivot' },
  ],
};

/** The built-in definitions by name, as plain JSON. */
export const BUILT_IN_DEFINITIONS: Readonly<Record<DefinitionName, SagaDefinitionJson>> = {
  order: ORDER,
  'order-with-pivot': ORDER_WITH_PIVOT,
  trip: TRIP,
};

/** The built-in names, in menu order. */
export const DEFINITION_NAMES = Object.keys(BUILT_IN_DEFINITIONS) as DefinitionName[];
