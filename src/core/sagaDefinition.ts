import type { DefinitionName, RetryPolicy, StepId } from './types';

/**
 * Richardson's step kinds: `compensatable` steps have an undo; the `pivot` is the go/no-go
 * step after which the saga only goes forward; `retriable` steps follow the pivot and are
 * retried until they succeed instead of being compensated.
 */
export type StepKind = 'compensatable' | 'pivot' | 'retriable';

/** One step of a saga: which service does it, what undoes it, how it is retried. */
export interface SagaStep {
  id: StepId;
  /** Service name, shown in the UI and narration. */
  service: string;
  /** The local transaction, in words ("hold the item"). */
  action: string;
  /** The compensation, in words ("release the hold"); absent for pivot and retriable steps. */
  compensation?: string;
  kind: StepKind;
  /** Whether the service must be told when the whole saga completed (order → CONFIRMED, hold → SOLD). */
  confirmOnCompletion?: boolean;
  retry?: Partial<RetryPolicy>;
  compensationRetry?: Partial<RetryPolicy>;
  /** How long the orchestrator waits for a response, in virtual ms. */
  timeoutMs: number;
  /** Choreography: the event this step publishes when it succeeds / fails / is compensated. */
  events: { succeeded: string; failed: string; compensated: string };
}

/** A saga as data: the orchestrator machine and the choreography are both built from this. */
export interface SagaDefinition {
  name: DefinitionName;
  title: string;
  steps: SagaStep[];
}

const step = (s: Omit<SagaStep, 'timeoutMs'> & { timeoutMs?: number }): SagaStep => ({ timeoutMs: 2000, ...s });

/** The default order saga: five compensatable steps. */
export const orderSaga: SagaDefinition = {
  name: 'order',
  title: 'Order saga (all steps compensatable)',
  steps: [
    step({
      id: 'inventory',
      service: 'Inventory',
      action: 'hold the item',
      compensation: 'release the hold',
      kind: 'compensatable',
      confirmOnCompletion: true,
      events: { succeeded: 'InventoryHeld', failed: 'InventoryUnavailable', compensated: 'InventoryReleased' },
    }),
    step({
      id: 'order',
      service: 'Orders',
      action: 'create the order',
      compensation: 'cancel the order',
      kind: 'compensatable',
      confirmOnCompletion: true,
      events: { succeeded: 'OrderCreated', failed: 'OrderRejected', compensated: 'OrderCancelled' },
    }),
    step({
      id: 'payment',
      service: 'Payments',
      action: 'charge the card',
      compensation: 'refund the card',
      kind: 'compensatable',
      events: { succeeded: 'PaymentCharged', failed: 'PaymentDeclined', compensated: 'PaymentRefunded' },
    }),
    step({
      id: 'warehouse',
      service: 'Warehouse',
      action: 'request pick and pack',
      compensation: 'cancel the pick request',
      kind: 'compensatable',
      events: { succeeded: 'PickRequested', failed: 'PickRefused', compensated: 'PickCancelled' },
    }),
    step({
      id: 'delivery',
      service: 'Delivery',
      action: 'book a delivery slot',
      compensation: 'release the slot',
      kind: 'compensatable',
      events: { succeeded: 'SlotBooked', failed: 'NoSlotAvailable', compensated: 'SlotReleased' },
    }),
  ],
};

/** The same order with payment as the pivot: after the charge the saga can only go forward. */
export const orderSagaWithPivot: SagaDefinition = {
  name: 'order-with-pivot',
  title: 'Order saga with payment as the pivot',
  steps: orderSaga.steps.map((s): SagaStep => {
    if (s.id === 'payment') return { ...s, kind: 'pivot', compensation: undefined };
    if (s.id === 'warehouse' || s.id === 'delivery') {
      return { ...s, kind: 'retriable', compensation: undefined, retry: { maxAttempts: Number.POSITIVE_INFINITY } };
    }
    return s;
  }),
};

/** The built-in definitions by name. */
export const definitions: Record<DefinitionName, SagaDefinition> = {
  order: orderSaga,
  'order-with-pivot': orderSagaWithPivot,
};

/**
 * Rejects definitions that cannot be run safely: a compensatable step after the pivot
 * (it could never be undone once the saga is past the point of no return), more than one
 * pivot, a retriable step before the pivot, or a duplicate step id.
 */
export function validateDefinition(def: SagaDefinition): SagaDefinition {
  const pivotIndex = def.steps.findIndex((s) => s.kind === 'pivot');
  if (def.steps.filter((s) => s.kind === 'pivot').length > 1) {
    throw new Error(`Saga "${def.name}" has more than one pivot step; a saga has at most one point of no return.`);
  }
  const ids = new Set<string>();
  def.steps.forEach((s, i) => {
    if (ids.has(s.id)) throw new Error(`Saga "${def.name}" has step "${s.id}" twice.`);
    ids.add(s.id);
    if (pivotIndex >= 0 && i > pivotIndex && s.kind === 'compensatable') {
      throw new Error(
        `Saga "${def.name}": step "${s.id}" is compensatable but comes after the pivot "${def.steps[pivotIndex].id}". ` +
          'Steps after the pivot must be retriable: the saga can no longer be undone there.',
      );
    }
    if (s.kind === 'retriable' && (pivotIndex < 0 || i < pivotIndex)) {
      throw new Error(`Saga "${def.name}": retriable step "${s.id}" must come after a pivot step.`);
    }
    if (s.kind === 'compensatable' && !s.compensation) {
      throw new Error(`Saga "${def.name}": compensatable step "${s.id}" has no compensation.`);
    }
  });
  return def;
}
