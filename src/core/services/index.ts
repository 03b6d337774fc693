import type { SagaDefinition } from '../definitions/definition';
import { createDeliveryService } from './deliveryService';
import { createGenericService } from './genericService';
import { createInventoryService } from './inventoryService';
import { createOrderService } from './orderService';
import { createPaymentService } from './paymentService';
import type { Service } from './service';
import { createWarehouseService } from './warehouseService';

/** The order saga's hand-written services, by step id, each with the table it owns. */
const HAND_WRITTEN: Record<string, Service> = {
  inventory: createInventoryService(),
  order: createOrderService(),
  payment: createPaymentService(),
  warehouse: createWarehouseService(),
  delivery: createDeliveryService(),
};

const CACHE = new WeakMap<SagaDefinition, Record<string, Service>>();

/**
 * The services of a definition, by step id. A step keeps the order saga's hand-written
 * rules when its id and its table are the order saga's (`payment` writing `payments`);
 * every other step gets the generic service. Services are stateless rules; their tables
 * live in the simulation state.
 */
export function servicesFor(def: SagaDefinition): Record<string, Service> {
  let services = CACHE.get(def);
  if (!services) {
    services = Object.fromEntries(
      def.steps.map((s) => {
        const own = Object.hasOwn(HAND_WRITTEN, s.id) ? HAND_WRITTEN[s.id] : undefined;
        return [s.id, own && own.table === s.table ? own : createGenericService(s)];
      }),
    );
    CACHE.set(def, services);
  }
  return services;
}
