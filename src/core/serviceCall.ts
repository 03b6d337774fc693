import { ITEM, PRICE } from './catalog';
import { failsCompensation, rejects, unavailable } from './faults';
import type { Kernel } from './kernel/kernel';
import type { SagaRuntime } from './kernel/state';
import { servicesFor } from './services';
import { beginKey, completeKey, idempotencyKey } from './services/idempotency';
import type { ServiceAction, ServiceReply, ServiceRequest } from './services/service';

/** The one place a call is built: its payload and its idempotency key (`s-1:payment:forward`). */
export function buildRequest(k: Kernel, saga: SagaRuntime, step: string, action: ServiceAction, attempt: number): ServiceRequest {
  return {
    saga: saga.id,
    orderId: saga.orderId,
    buyer: saga.buyer,
    step,
    action,
    attempt,
    key: k.scenario.idempotencyKeys ? idempotencyKey(saga.id, step, action) : undefined,
    payload: { amount: PRICE, item: ITEM.id, reject: rejects(k, saga, step, action) || undefined },
  };
}

const DEDUP = { forward: 'step.deduplicated', compensate: 'compensation.deduplicated', confirm: 'confirmation.deduplicated' } as const;

/**
 * A request reaches its service: injected faults answer first, then the idempotency key
 * check (a stored reply is replayed; a key still in flight gets 409). `proceed` means the
 * service will run the local transaction — now, or after its processing delay.
 */
export function receive(k: Kernel, saga: SagaRuntime, req: ServiceRequest): { proceed: true } | { proceed: false; reply: ServiceReply } {
  const name = k.definition.steps.find((s) => s.id === req.step)?.service ?? req.step;
  if (req.action === 'compensate' && failsCompensation(k, saga, req.step)) {
    return { proceed: false, reply: { ok: false, status: 500, retryable: true, reason: `${name} answered 500 Internal Server Error` } };
  }
  if (unavailable(k, saga, req.step, req.action)) return { proceed: false, reply: { ok: false, status: 503, retryable: true, reason: `${name} is temporarily unavailable (503)` } };
  if (!req.key) return { proceed: true };
  const begun = beginKey(k.state.keys[req.step], req.key);
  if (!begun.proceed && begun.reply.ok && begun.reply.replayed) k.record(req.saga, { type: DEDUP[req.action], step: req.step, attempt: req.attempt, key: req.key });
  return begun;
}

/** The service runs its local transaction and stores the reply under the key. */
export function commit(k: Kernel, req: ServiceRequest): ServiceReply {
  const service = servicesFor(k.definition)[req.step];
  const settings = { semanticLock: k.scenario.semanticLock, stock: k.scenario.stock };
  const reply = service.handle(req, k.db(req.saga, { step: req.step, action: req.action }), settings);
  if (req.key) completeKey(k.state.keys[req.step], req.key, reply);
  return reply;
}

/** Receive and commit at once (a service with no processing delay). */
export function execute(k: Kernel, saga: SagaRuntime, req: ServiceRequest): ServiceReply {
  const r = receive(k, saga, req);
  return r.proceed ? commit(k, req) : r.reply;
}

/** An operator performs a compensation directly in the service's database (no key, no injected fault). */
export function commitByHand(k: Kernel, req: ServiceRequest): ServiceReply {
  const settings = { semanticLock: k.scenario.semanticLock, stock: k.scenario.stock };
  return servicesFor(k.definition)[req.step].handle(req, k.db(req.saga, { step: req.step, action: 'operator' }), settings);
}
