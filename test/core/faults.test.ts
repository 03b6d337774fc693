import { describe, expect, it } from 'vitest';
import { createSimulation, result, runScenario, settle } from '../../src/core';
import { saga } from './driver';

// Faults reported by the adversarial review (issue "Correct under every input"), one test each.

describe('an operator resolving by hand', () => {
  it('resolves the compensation that is actually stuck, even with tracing off', () => {
    const sim = createSimulation({ failAt: 'delivery', compensationFailures: { payment: 'always' } }, { trace: false });
    sim.runUntilBlocked();
    expect(sim.operator(0, 'resolve')).toBe(true);
    sim.runUntilBlocked();
    settle(sim);
    const run = result(sim);
    expect(run.databases.payments.rows.map((r) => r.kind)).toEqual(['charge', 'refund']);
    // The pick was cancelled once, before the refund got stuck; nothing cancels it again.
    expect(run.databases.warehouse.rows).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
    expect(run.outcome).toBe('compensated');
  });

  it('refuses an unknown action instead of marking the compensation done', () => {
    const sim = createSimulation({ failAt: 'warehouse', compensationFailures: { payment: 'always' } });
    sim.runUntilBlocked();
    expect(sim.operator(0, 'Retry' as never)).toBe(false);
    settle(sim);
    expect(result(sim).outcome).toBe('needs-attention');
    expect(result(sim).databases.payments.rows.map((r) => r.kind)).toEqual(['charge']);
  });
});

describe('the pivot in a choreography', () => {
  it('retries the unavailable warehouse and never travels back past the payment', () => {
    const chor = runScenario({ mode: 'choreography', definition: 'order-with-pivot', failAt: 'warehouse' });
    const orch = runScenario({ mode: 'orchestration', definition: 'order-with-pivot', failAt: 'warehouse' });
    expect(orch.outcome).toBe('completed');
    expect(chor.outcome).toBe('completed');
    expect(chor.databases.payments.rows.map((r) => r.kind)).toEqual(['charge']);
    expect(chor.trace.filter((e) => e.type.startsWith('compensation.'))).toEqual([]);
    expect(chor.trace.filter((e) => e.type === 'step.retrying' && e.step === 'warehouse').length).toBeGreaterThan(0);
  });
});

describe('the lock-wait policy', () => {
  it('makes buyer 2 wait and complete in a choreography too', () => {
    const run = runScenario({ mode: 'choreography', buyers: 2, lockPolicy: 'wait', failAt: 'payment' });
    expect(run.sagas.map((s) => s.outcome)).toEqual(['compensated', 'completed']);
    expect(run.trace.some((e) => e.saga === 's-2' && e.type === 'step.failed' && e.locked === true)).toBe(true);
  });

  it('a waiter that never got the hold is not uncertain: it ends compensated with nothing to undo and no alert', () => {
    const run = runScenario({ buyers: 2, lockPolicy: 'wait', failAt: 'warehouse', compensationFailures: { inventory: 3 } });
    const waiter = run.trace.filter((e) => e.saga === 's-2');
    expect(run.sagas[1].outcome).toBe('compensated');
    expect(waiter.filter((e) => e.type === 'step.uncertain' || e.type.startsWith('compensation.'))).toEqual([]);
    expect(run.alerts.filter((a) => a.saga === 's-2')).toEqual([]);
  });

  it('aims every fault knob at the first saga only', () => {
    const run = runScenario({ buyers: 2, stock: 2, failAt: 'warehouse', compensationFailures: { payment: 1 }, lostResponses: { order: 1 } });
    expect(run.sagas.map((s) => s.outcome)).toEqual(['compensated', 'completed']);
    const second = run.trace.filter((e) => e.saga === 's-2');
    expect(second.filter((e) => e.type === 'response.lost' || e.type === 'compensation.failed')).toEqual([]);
  });
});

describe('a crash before the call', () => {
  it('does not use up an attempt: three real calls still reach the third lost-free reply', () => {
    expect(runScenario({ lostResponses: { payment: 2 } }).outcome).toBe('completed');
    const run = runScenario({ lostResponses: { payment: 2 }, crash: { step: 'payment', when: 'before-call' } });
    expect(run.trace.filter((e) => e.type === 'request.handled' && e.step === 'payment')).toHaveLength(3);
    expect(run.outcome).toBe('completed');
  });

  it('never traces an attempt beyond maxAttempts', () => {
    const run = runScenario({ retry: { maxAttempts: 1 }, crash: { step: 'payment', when: 'before-call' } });
    const attempts = run.trace.filter((e) => e.type === 'step.started').map((e) => e.attempt);
    expect(Math.max(...(attempts as number[]))).toBe(1);
    expect(run.outcome).toBe('completed');
  });
});

describe('at-most-once effects', () => {
  it('reports two picks and two slots for one order when retries carry no keys', () => {
    const run = runScenario({ idempotencyKeys: false, lostResponses: { warehouse: 1, delivery: 1 } });
    const messages = run.violations.filter((v) => v.invariant === 'at-most-once').map((v) => v.message);
    expect(messages).toEqual([
      'Order o-1: Warehouse did "request pick and pack" 2 times (pick-o1, pick-o1#2); it should happen once.',
      'Order o-1: Delivery did "book a delivery slot" 2 times (slot-o1, slot-o1#2); it should happen once.',
    ]);
    expect(runScenario({ lostResponses: { warehouse: 1, delivery: 1 } }).violations).toEqual([]);
  });
});

describe('lost acknowledgements in a choreography', () => {
  it('redelivers the event; without keys the card is charged twice, with keys once', () => {
    const noKeys = runScenario({ mode: 'choreography', lostResponses: { payment: 1 }, idempotencyKeys: false });
    expect(noKeys.trace.filter((e) => e.type === 'response.lost' && e.step === 'payment')).toHaveLength(1);
    expect(noKeys.databases.payments.rows.filter((r) => r.kind === 'charge')).toHaveLength(2);
    expect(noKeys.violations.map((v) => v.invariant)).toContain('no-double-charge');
    const keys = runScenario({ mode: 'choreography', lostResponses: { payment: 1 } });
    expect(keys.databases.payments.rows.filter((r) => r.kind === 'charge')).toHaveLength(1);
    expect(keys.trace.some((e) => e.type === 'step.deduplicated' && e.step === 'payment')).toBe(true);
    expect(keys.outcome).toBe('completed');
  });
});

describe('a slow service', () => {
  it("meets the orchestrator's retry with 409 while the first request is in flight, then replays the stored reply", () => {
    const d = saga({ serviceDelays: { payment: 3000 } }).run().expectOutcome('completed').expectNoViolations();
    expect(d.trace.some((e) => e.type === 'request.handled' && e.step === 'payment' && e.status === 409)).toBe(true);
    expect(d.events('step.retrying').filter((e) => e.step === 'payment').length).toBeGreaterThanOrEqual(2);
    expect(d.events('step.deduplicated').map((e) => e.step)).toEqual(['payment']);
    expect(d.rows('payments').filter((r) => r.kind === 'charge')).toHaveLength(1);
  });

  it('without keys every retry of the slow charge charges again', () => {
    const d = saga({ serviceDelays: { payment: 3000 }, idempotencyKeys: false }).run();
    expect(d.rows('payments').filter((r) => r.kind === 'charge')).toHaveLength(3);
    d.expectViolated('at-most-once');
    expect(d.events('request.handled').some((e) => e.status === 409)).toBe(false);
  });
});

describe('compensate: false (the order without a saga)', () => {
  it('stops at the failure: no compensation at all, what is left behind shows, no alert', () => {
    const d = saga({ failAt: 'warehouse', compensate: false }).run().expectOutcome('stuck');
    expect(d.trace.filter((e) => e.type.startsWith('compensation.') || e.type === 'saga.compensating')).toEqual([]);
    expect(d.last?.alerts).toEqual([]);
    expect(d.last?.violations.map((v) => v.message)).toContain('Order o-1 is still PENDING with nothing in flight: item held, card charged $40.');
    const chor = runScenario({ mode: 'choreography', failAt: 'warehouse', compensate: false });
    expect(chor.trace.filter((e) => e.type.startsWith('compensation.'))).toEqual([]);
    expect(chor.outcome).toBe('stuck');
  });
});
