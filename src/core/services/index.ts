import type { StepId } from '../types';
import { createDeliveryService } from './deliveryService';
import { createInventoryService } from './inventoryService';
import { createOrderService } from './orderService';
import { createPaymentService } from './paymentService';
import type { Service } from './service';
import { createWarehouseService } from './warehouseService';

/** The five services by the step they serve. Services are stateless rules; their tables live in the simulation state. */
export function createServices(): Record<StepId, Service> {
  return {
    inventory: createInventoryService(),
    order: createOrderService(),
    payment: createPaymentService(),
    warehouse: createWarehouseService(),
    delivery: createDeliveryService(),
  };
}
