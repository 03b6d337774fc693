import type { Pending } from './eventQueue';
import { netCharge } from './ledger';
import { backoffDelay, resolveRetryPolicy } from './retryPolicy';
import type { SagaDefinition } from './sagaDefinition';
import { ITEM, PRICE } from './scenario';
import { createServices } from './services';
import type { ServiceAction } from './services/service';
import type { Simulation } from './simulation';
import type { SagaRuntime } from './simulationState';
import type { Outcome, Row, StepId, TableName } from './types';

/**
 * Choreography: no orchestrator. Each service subscribes to the event before its step and
 * publishes its own; a failure event travels backwards and each participant compensates
 * its own work. Nobody holds the saga's state — its outcome is read off the tables.
 * Same definition, same services, same business rules as orchestration.
 */

const SERVICES = createServices();

/** What a participant does when a topic reaches it. */
type Reaction = { subscriber: StepId; action: ServiceAction };

/** The subscriptions implied by a definition's step order. */
export function subscriptions(def: SagaDefinition, topic: string): Reaction[] {
  const steps = def.steps;
  if (topic === 'OrderPlaced') return [{ subscriber: steps[0].id, action: 'forward' }];
  const i = steps.findIndex((s) => Object.values(s.events).includes(topic));
  if (i < 0) return [];
  const s = steps[i];
  if (topic === s.events.succeeded) {
    if (i + 1 < steps.length) return [{ subscriber: steps[i + 1].id, action: 'forward' }];
    return steps.filter((d) => d.confirmOnCompletion).map((d) => ({ subscriber: d.id, action: 'confirm' }));
  }
  return i > 0 ? [{ subscriber: steps[i - 1].id, action: 'compensate' }] : [];
}

/** The shop publishes the order: the first participant hears about it. */
export function startChoreography(sim: Simulation, saga: SagaRuntime, local: number): void {
  publish(sim, saga, 'OrderPlaced', 'shop', local);
}

function publish(sim: Simulation, saga: SagaRuntime, topic: string, from: StepId | 'shop', local: number): void {
  sim.record(saga.id, 'event.published', { topic, from, ...(from !== 'shop' ? { step: from } : {}) });
  if (from !== 'shop' && sim.scenario.dropEvent === from && sim.bump(`dropped:${saga.id}:${from}`) === 1) {
    sim.record(saga.id, 'event.dropped', { topic, from, step: from });
    return;
  }
  for (const r of subscriptions(sim.definition, topic)) {
    sim.schedule({ kind: 'bus', at: local + sim.latency(), saga: saga.index, topic, subscriber: r.subscriber, from });
  }
}

/** A participant handles a delivered event: its own local transaction, then its own event. */
export function deliverBusEvent(sim: Simulation, p: Extract<Pending, { kind: 'bus' }>, local: number): void {
  const saga = sim.state.sagas[p.saga];
  const reaction = subscriptions(sim.definition, p.topic).find((r) => r.subscriber === p.subscriber);
  if (!reaction) return;
  const def = sim.definition.steps.find((d) => d.id === p.subscriber);
  if (!def) return;
  const attempt = p.attempt ?? 1;
  sim.record(saga.id, 'event.delivered', { topic: p.topic, step: p.subscriber, from: p.from });
  const prefix = reaction.action === 'forward' ? 'step' : reaction.action === 'compensate' ? 'compensation' : 'confirmation';
  if (reaction.action === 'compensate' && !didForward(sim, saga.id, p.subscriber)) return;
  sim.record(saga.id, `${prefix}.started`, { step: p.subscriber, attempt });
  const reply = sim.execute(SERVICES[p.subscriber], {
    saga: saga.id,
    orderId: saga.orderId,
    buyer: saga.buyer,
    step: p.subscriber,
    action: reaction.action,
    attempt,
    key: sim.scenario.idempotencyKeys ? `${saga.id}:${p.subscriber}:${reaction.action}` : undefined,
    payload: { amount: PRICE, item: ITEM.id, reject: sim.rejects(saga, p.subscriber, reaction.action) || undefined },
  });
  if (reply.ok) {
    sim.record(saga.id, `${prefix}.succeeded`, { step: p.subscriber, attempt });
    if (reaction.action === 'forward') publish(sim, saga, def.events.succeeded, p.subscriber, local);
    if (reaction.action === 'compensate') publish(sim, saga, def.events.compensated, p.subscriber, local);
    return;
  }
  const failure = { step: p.subscriber, attempt, status: reply.status, reason: reply.reason };
  if (reaction.action === 'forward') {
    sim.record(saga.id, 'step.failed', { ...failure, business: !reply.retryable });
    publish(sim, saga, def.events.failed, p.subscriber, local);
    return;
  }
  // A participant retries its own compensation; when it gives up, it raises its own alert.
  sim.record(saga.id, `${prefix}.failed`, failure);
  const policy = resolveRetryPolicy(def.compensationRetry, sim.scenario.retry);
  if (attempt < policy.maxAttempts) {
    const delayMs = backoffDelay(policy, attempt + 1);
    const jittered = policy.jitter === 'full' ? Math.floor(delayMs * sim.random()) : delayMs;
    sim.record(saga.id, `${prefix}.retrying`, { step: p.subscriber, attempt: attempt + 1, delayMs: jittered, maxAttempts: policy.maxAttempts });
    const { seq: _seq, ...again } = p;
    sim.schedule({ ...again, at: local + jittered, attempt: attempt + 1 });
    return;
  }
  sim.bump(`alert:${saga.id}`);
  sim.record(saga.id, 'alert.raised', {
    step: p.subscriber,
    message: `${def.service} could not ${def.compensation} for order ${saga.orderId} after ${attempt} attempts. An operator must look at it.`,
  });
}

function didForward(sim: Simulation, sagaId: string, step: StepId): boolean {
  return holdsWork(sim.state.tables, sagaId, step);
}

const TABLE_OF: Record<StepId, TableName> = { inventory: 'inventory', order: 'orders', payment: 'payments', warehouse: 'warehouse', delivery: 'delivery' };

function holdsWork(tables: Record<TableName, Row[]>, sagaId: string, step: StepId): boolean {
  const orderId = `o-${sagaId.slice(2)}`;
  return tables[TABLE_OF[step]].some((r) => r.orderId === orderId || r.id === orderId);
}

/** The choreography's outcome for one order, read off the services' tables (nobody else knows it). */
export function readChoreographyOutcome(tables: Record<TableName, Row[]>, orderId: string, alerted: boolean): Outcome {
  if (alerted) return 'needs-attention';
  const order = tables.orders.find((r) => r.id === orderId);
  if (order?.status === 'CONFIRMED') {
    const sold = tables.inventory.some((r) => r.kind === 'hold' && r.orderId === orderId && r.status === 'SOLD');
    return sold ? 'completed' : 'stuck';
  }
  const leftovers =
    tables.inventory.some((r) => r.kind === 'hold' && r.orderId === orderId && r.status === 'PENDING') ||
    tables.warehouse.some((r) => r.orderId === orderId && r.status === 'REQUESTED') ||
    tables.delivery.some((r) => r.orderId === orderId && r.status === 'BOOKED') ||
    netCharge(tables.payments, orderId) !== 0;
  if (order?.status === 'CANCELLED' || !order) return leftovers ? 'stuck' : 'compensated';
  return 'stuck';
}
