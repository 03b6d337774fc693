import { describe, expect, it } from 'vitest';
import { BUILT_IN_DEFINITIONS, definitionProblems, runScenario } from '../../src/core';
import { beginKey, completeKey } from '../../src/core/services/idempotency';
import { saga } from './driver';

describe('lost responses and idempotency keys', () => {
  it('charges twice, silently, when a payment response is lost and the retry has no key', () => {
    const run = saga({ lostResponses: { payment: 1 }, idempotencyKeys: false }).run();
    expect(run.rows('payments').filter((r) => r.kind === 'charge')).toHaveLength(2);
    run.expectViolated('no-double-charge');
    expect(run.last?.alerts).toEqual([]);
    expect(run.last?.violations[0].message).toMatch(/o-1.*\$80.*\$40/);
  });

  it('replays the stored result when the retry carries the same key: one charge, no violation', () => {
    const run = saga({ lostResponses: { payment: 1 } }).run().expectOutcome('completed').expectNoViolations();
    expect(run.rows('payments').filter((r) => r.kind === 'charge')).toHaveLength(1);
    expect(run.events('response.lost')).toHaveLength(1);
    expect(run.events('step.deduplicated')).toEqual([expect.objectContaining({ step: 'payment', key: 's-1:payment:forward', attempt: 2 })]);
    const payment = run.trace.filter((e) => e.step === 'payment' && /^step\.(started|failed|succeeded)$/.test(e.type));
    expect(payment.map((e) => `${e.type}#${e.attempt}`)).toEqual(['step.started#1', 'step.failed#1', 'step.started#2', 'step.succeeded#2']);
    expect(payment[1]).toMatchObject({ reason: 'timeout' });
  });

  it('gives up on a step after maxAttempts lost responses and compensates', () => {
    const run = saga({ lostResponses: { order: 3 } }).run().expectCompensated(['order', 'inventory']).expectNoViolations();
    expect(run.events('step.started').filter((e) => e.step === 'order')).toHaveLength(3);
  });
});

describe('compensations that fail', () => {
  it('retries a failing refund with backoff 1 s, 2 s and refunds exactly once', () => {
    const run = saga({ failAt: 'warehouse', compensationFailures: { payment: 2 } }).run();
    run.expectCompensated(['payment', 'order', 'inventory']).expectNoViolations();
    expect(run.rows('payments').filter((r) => r.kind === 'refund')).toHaveLength(1);
    expect(run.events('compensation.retrying').map((e) => e.delayMs)).toEqual([1000, 2000]);
    const failedAt = run.events('compensation.failed').map((e) => e.at);
    const startedAt = run.events('compensation.started').filter((e) => e.step === 'payment').map((e) => e.at);
    expect(startedAt[1] - failedAt[0]).toBe(1000);
    expect(startedAt[2] - failedAt[1]).toBe(2000);
  });

  it('follows a custom policy: 5 attempts, ×3 from 500 ms, capped at 2 s', () => {
    const run = saga({ failAt: 'delivery', compensationFailures: { warehouse: 4 }, retry: { maxAttempts: 5, initialIntervalMs: 500, backoffCoefficient: 3, maxIntervalMs: 2000 } }).run();
    expect(run.events('compensation.retrying').map((e) => e.delayMs)).toEqual([500, 1500, 2000, 2000]);
    run.expectOutcome('compensated');
  });

  it('draws full jitter from the seeded RNG: within [0, delay], and the same for the same seed', () => {
    const s = { failAt: 'warehouse' as const, compensationFailures: { payment: 2 }, retry: { jitter: 'full' as const } };
    const delays = runScenario(s).trace.filter((e) => e.type === 'compensation.retrying').map((e) => Number(e.delayMs));
    expect(delays[0]).toBeLessThanOrEqual(1000);
    expect(delays[1]).toBeLessThanOrEqual(2000);
    expect(runScenario(s).trace).toEqual(runScenario(s).trace);
    const other = runScenario({ ...s, seed: 99 }).trace.filter((e) => e.type === 'compensation.retrying').map((e) => Number(e.delayMs));
    expect(other).not.toEqual(delays);
  });

  it("ends needs-attention with one alert naming the step when the refund 'always' fails, never swallowed", () => {
    const run = saga({ failAt: 'warehouse', compensationFailures: { payment: 'always' } }).run().expectOutcome('needs-attention');
    expect(run.last?.alerts).toEqual([expect.objectContaining({ saga: 's-1', step: 'payment', message: expect.stringMatching(/Payments could not refund the card for order o-1/) })]);
    expect(run.events('alert.raised')).toHaveLength(1);
    expect(run.rows('payments').filter((r) => r.kind === 'refund')).toHaveLength(0);
  });

  it('lets an operator retry the compensation now: the saga continues and ends compensated', () => {
    const run = saga({ failAt: 'warehouse', compensationFailures: { payment: 'always' } }).run();
    run.operator('retry').expectCompensated(['payment', 'order', 'inventory']).expectNoViolations();
    expect(run.rows('payments').filter((r) => r.kind === 'refund')).toHaveLength(1);
    expect(run.events('operator.retried')).toHaveLength(1);
  });

  it('lets an operator mark it resolved by hand: the remaining compensations still run', () => {
    const run = saga({ failAt: 'warehouse', compensationFailures: { payment: 'always' } }).run().operator('resolve');
    run.expectOutcome('compensated').expectNoViolations();
    expect(run.events('compensation.succeeded').map((e) => e.step)).toEqual(['order', 'inventory']);
    // The operator refunded by hand: a new ledger row, written during the resolution.
    expect(run.rows('payments').map((r) => r.kind)).toEqual(['charge', 'refund']);
    expect(run.rows('orders')[0]).toMatchObject({ status: 'CANCELLED' });
  });

  it('does not refund twice when a refund response is lost (the compensation is idempotent)', () => {
    const s = saga({ failAt: 'warehouse', idempotencyKeys: true }).run();
    expect(s.rows('payments').filter((r) => r.kind === 'refund')).toHaveLength(1);
  });
});

describe('idempotency keys at the service', () => {
  it('answers 409 while the first request with a key is in flight, then replays the stored reply', () => {
    const store = {};
    expect(beginKey(store, 'k')).toEqual({ proceed: true });
    expect(beginKey(store, 'k')).toMatchObject({ proceed: false, reply: { status: 409, retryable: true } });
    completeKey(store, 'k', { ok: true, status: 200, result: { payment: 'charge-o1' } });
    expect(beginKey(store, 'k')).toMatchObject({ proceed: false, reply: { ok: true, replayed: true, result: { payment: 'charge-o1' } } });
  });

  it('does not store a transient failure, so a retry may execute', () => {
    const store = {};
    beginKey(store, 'k');
    completeKey(store, 'k', { ok: false, status: 500, retryable: true, reason: 'boom' });
    expect(beginKey(store, 'k').proceed).toBe(true);
  });
});

describe('step kinds', () => {
  it('retries steps after the pivot forward instead of compensating', () => {
    const run = saga({ definition: 'order-with-pivot', failAt: 'warehouse' }).run().expectOutcome('completed').expectNoViolations();
    expect(run.events('step.started').filter((e) => e.step === 'warehouse')).toHaveLength(3);
    expect(run.events('compensation.started')).toEqual([]);
  });

  it('still compensates before the pivot: a declined card at the pivot undoes order and inventory', () => {
    saga({ definition: 'order-with-pivot', failAt: 'payment' }).run().expectCompensated(['order', 'inventory']).expectNoViolations();
  });

  it('raises an alert when the pivot never answers (its outcome is unknown), and an operator retry completes the order', () => {
    const run = saga({ definition: 'order-with-pivot', lostResponses: { payment: 1 }, retry: { maxAttempts: 1 } }).run().expectOutcome('needs-attention');
    expect(run.last?.alerts[0].message).toMatch(/pivot's outcome is unknown/);
    run.operator('retry').expectOutcome('completed').expectNoViolations();
    expect(run.rows('payments').filter((r) => r.kind === 'charge')).toHaveLength(1);
  });

  it('offers no resolve-by-hand for an unknown pivot, only a retry', () => {
    const run = saga({ definition: 'order-with-pivot', lostResponses: { payment: 1 }, retry: { maxAttempts: 1 } }).run();
    expect(run.sim?.operator(0, 'resolve')).toBe(false);
  });

  it('rejects a definition with a compensatable step after the pivot', () => {
    const order = BUILT_IN_DEFINITIONS.order;
    const bad = { ...order, steps: order.steps.map((s) => (s.id === 'order' ? { ...s, kind: 'pivot' as const, compensation: undefined } : s)) };
    expect(definitionProblems(bad)[0]).toEqual({ path: 'steps[2].kind', message: expect.stringMatching(/compensatable step must come before the pivot \(steps\[1\]\)/) });
    expect(definitionProblems(BUILT_IN_DEFINITIONS['order-with-pivot'])).toEqual([]);
  });
});
