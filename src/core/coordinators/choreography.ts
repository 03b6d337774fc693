import { ITEM, PRICE } from '../catalog';
import type { SagaStep } from '../definitions/definition';
import { dropsEvent, losesReply, serviceDelay } from '../faults';
import type { Pending } from '../kernel/agenda';
import type { Coordinator } from '../kernel/coordinator';
import type { Kernel } from '../kernel/kernel';
import type { SagaRuntime } from '../kernel/state';
import { jitteredDelay, stepPolicies } from '../retryPolicy';
import { buildRequest, execute } from '../serviceCall';
import { servicesFor } from '../services';
import type { ServiceAction } from '../services/service';
import type { Outcome } from '../types';
import { subscriptions } from './subscriptions';

type BusMessage = Extract<Pending, { kind: 'bus' }>;
const PREFIX = { forward: 'step', compensate: 'compensation', confirm: 'confirmation' } as const;

/**
 * Choreography: no orchestrator. Each service subscribes to the event before its step and
 * publishes its own; a failure event travels backwards (never past the pivot) and each
 * participant compensates its own work. The bus delivers at least once: a lost
 * acknowledgement means the event is delivered again. Nobody holds the saga's state — its
 * outcome is read off the tables. Same definition, services and retry policies as orchestration.
 */
export class Choreography implements Coordinator {
  constructor(private readonly k: Kernel) {}

  start(saga: SagaRuntime, local: number): void {
    this.k.record(saga.id, { type: 'saga.started', orderId: saga.orderId, buyer: saga.buyer, amount: PRICE, item: ITEM.name });
    this.publish(saga, 'OrderPlaced', 'shop', local);
  }

  handle(p: Pending, local: number): void {
    if (p.kind === 'bus') this.deliver(p, local);
  }

  stateOf(): unknown {
    return null; // nobody holds a choreography's state: it is all in the tables
  }

  operator(): boolean {
    return false; // nobody to tell: in a choreography each participant raises its own alert
  }

  outcome(saga: SagaRuntime): Outcome {
    if (this.k.state.counters[`alert:${saga.id}`] !== undefined) return 'needs-attention';
    const services = servicesFor(this.k.definition);
    const tables = this.k.state.tables;
    const steps = this.k.definition.steps;
    const live = steps.filter((s) => services[s.id].holdsWork(tables[s.table], saga.orderId));
    const confirmed = steps.filter((s) => s.confirm).every((s) => services[s.id].confirmed(tables[s.table], saga.orderId));
    if (live.length === steps.length && confirmed) return 'completed';
    return live.length === 0 ? 'compensated' : 'stuck';
  }

  private publish(saga: SagaRuntime, topic: string, from: string, local: number): void {
    this.k.record(saga.id, { type: 'event.published', topic, from, step: from !== 'shop' ? from : undefined });
    if (from !== 'shop' && dropsEvent(this.k, saga, from)) {
      this.k.record(saga.id, { type: 'event.dropped', topic, from, step: from });
      return;
    }
    for (const r of subscriptions(this.k.definition, topic, this.k.scenario.compensate)) {
      const at = local + this.k.latency(saga.index) + serviceDelay(this.k, saga, r.subscriber);
      this.k.schedule({ kind: 'bus', at, saga: saga.index, topic, subscriber: r.subscriber, from });
    }
  }

  /** A participant handles a delivered event: its own local transaction, then its own event. */
  private deliver(p: BusMessage, local: number): void {
    const k = this.k;
    const saga = k.state.sagas[p.saga];
    const reaction = subscriptions(k.definition, p.topic, k.scenario.compensate).find((r) => r.subscriber === p.subscriber);
    const def = k.definition.steps.find((d) => d.id === p.subscriber);
    if (!reaction || !def) return;
    const attempt = p.attempt ?? 1;
    const action = reaction.action;
    k.record(saga.id, { type: 'event.delivered', topic: p.topic, step: p.subscriber, from: p.from, attempt: p.attempt });
    if (action === 'compensate' && !this.didForward(saga, def)) return;
    const prefix = PREFIX[action];
    k.record(saga.id, { type: `${prefix}.started`, step: def.id, attempt });
    const reply = execute(k, saga, buildRequest(k, saga, def.id, action, attempt));
    if (reply.ok) {
      k.record(saga.id, { type: `${prefix}.succeeded`, step: def.id, attempt, replayed: reply.replayed === true });
      // A stored reply replayed for a redelivered event: the event was already published the first time.
      if (!reply.replayed && action === 'forward') this.publish(saga, def.events.succeeded, def.id, local);
      if (!reply.replayed && action === 'compensate') this.publish(saga, def.events.compensated, def.id, local);
      if (action === 'forward' && losesReply(k, saga, def.id)) {
        k.record(saga.id, { type: 'response.lost', step: def.id, action, attempt, status: reply.status });
        this.again(p, attempt, def.timeoutMs, local);
      }
      return;
    }
    const failure = { step: def.id, attempt, status: reply.status, reason: reply.reason };
    const waits = reply.locked === true && k.scenario.lockPolicy === 'wait';
    const business = !waits && (!reply.retryable || reply.locked === true);
    if (action === 'forward') k.record(saga.id, { type: 'step.failed', ...failure, business, locked: reply.locked, heldBy: reply.heldBy });
    else k.record(saga.id, { type: action === 'compensate' ? 'compensation.failed' : 'confirmation.failed', ...failure });
    const policy = this.policy(def, action);
    if (!business && attempt < policy.maxAttempts) {
      const delayMs = jitteredDelay(policy, attempt + 1, k.random(saga.index));
      k.record(saga.id, { type: `${prefix}.retrying`, step: def.id, attempt: attempt + 1, delayMs, maxAttempts: policy.maxAttempts });
      this.again(p, attempt, delayMs, local);
      return;
    }
    if (action === 'forward') {
      this.publish(saga, def.events.failed, def.id, local);
      return;
    }
    // A participant that gives up on its own compensation raises its own alert.
    k.bump(`alert:${saga.id}`);
    const message = `${def.service} could not ${def.compensation ?? 'undo its step'} for order ${saga.orderId} after ${attempt} attempts. An operator must look at it.`;
    k.record(saga.id, { type: 'alert.raised', step: def.id, message, reason: 'compensation' });
  }

  /** The same message again, later: a retry by the participant, or the bus redelivering an unacknowledged event. */
  private again(p: BusMessage, attempt: number, delayMs: number, local: number): void {
    const { seq: _seq, ...message } = p;
    this.k.schedule({ ...message, at: local + delayMs, attempt: attempt + 1 });
  }

  private policy(def: SagaStep, action: ServiceAction) {
    const p = stepPolicies(def, this.k.scenario.retry);
    return action === 'compensate' ? p.compensation : action === 'confirm' ? p.confirm : p.forward;
  }

  /** A participant only compensates work its table shows for the order. */
  private didForward(saga: SagaRuntime, def: SagaStep): boolean {
    return this.k.state.tables[def.table].some((r) => r.orderId === saga.orderId || r.id === saga.orderId);
  }
}
