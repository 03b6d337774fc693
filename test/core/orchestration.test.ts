import { describe, expect, it } from 'vitest';
import { runScenario, STEP_IDS } from '../../src/core';
import { saga } from './driver';

describe('the order saga, orchestrated', () => {
  it('commits all five local transactions on the happy path, then confirms the order and sells the seat', () => {
    const run = saga().run().expectOutcome('completed').expectNoViolations();
    expect(run.events('step.succeeded').map((e) => e.step)).toEqual([...STEP_IDS]);
    expect(run.rows('orders')).toEqual([expect.objectContaining({ id: 'o-1', status: 'CONFIRMED' })]);
    expect(run.rows('inventory').find((r) => r.kind === 'hold')).toMatchObject({ status: 'SOLD', orderId: 'o-1' });
    expect(run.rows('payments')).toEqual([expect.objectContaining({ kind: 'charge', amount: 40 })]);
    expect(run.rows('warehouse')[0]).toMatchObject({ status: 'REQUESTED' });
    expect(run.rows('delivery')[0]).toMatchObject({ status: 'BOOKED' });
    expect(run.events('compensation.started')).toEqual([]);
  });

  const cases = [
    { failAt: 'inventory', compensated: [] },
    { failAt: 'order', compensated: ['inventory'] },
    { failAt: 'payment', compensated: ['order', 'inventory'] },
    { failAt: 'warehouse', compensated: ['payment', 'order', 'inventory'] },
    { failAt: 'delivery', compensated: ['warehouse', 'payment', 'order', 'inventory'] },
  ] as const;

  for (const { failAt, compensated } of cases) {
    it(`compensates ${compensated.join(', ') || 'nothing'} in reverse order when ${failAt} fails`, () => {
      const run = saga().fail(failAt).run().expectCompensated([...compensated]).expectNoViolations();
      const failed = run.events('step.failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ step: failAt, business: true });
      // A business failure is not retried.
      expect(run.events('step.retrying')).toEqual([]);
      const order = run.rows('orders')[0];
      if (failAt === 'inventory') expect(order).toBeUndefined();
      else if (failAt === 'order') expect(order).toBeUndefined();
      else expect(order).toMatchObject({ status: 'CANCELLED' });
      const hold = run.rows('inventory').find((r) => r.kind === 'hold');
      if (failAt !== 'inventory') expect(hold).toMatchObject({ status: 'RELEASED' });
      expect(run.rows('inventory')[0]).toMatchObject({ id: 'seat-1A', available: 1 });
    });
  }

  it('undoes the payment with a new refund row, never by deleting the charge', () => {
    const run = saga().fail('warehouse').run();
    expect(run.rows('payments').map((r) => [r.kind, r.amount])).toEqual([
      ['charge', 40],
      ['refund', 40],
    ]);
    expect(run.rows('warehouse')).toEqual([]);
  });

  it('writes its saga log durably: one row before each call and after each result', () => {
    const run = saga().fail('payment').run();
    const entries = run.rows('sagaLog').map((r) => `${r.entry}${r.step ? `:${r.step}` : ''}`);
    expect(entries).toEqual([
      'saga.started',
      'step.started:inventory',
      'step.succeeded:inventory',
      'step.started:order',
      'step.succeeded:order',
      'step.started:payment',
      'step.failed:payment',
      'saga.compensating',
      'compensation.started:order',
      'compensation.succeeded:order',
      'compensation.started:inventory',
      'compensation.succeeded:inventory',
      'saga.compensated',
    ]);
  });

  it('ends every run with exactly one terminal saga event', () => {
    for (const failAt of [undefined, ...STEP_IDS]) {
      const terminals = runScenario({ failAt }).trace.filter((e) => /^saga\.(completed|compensated|needs-attention|stuck)$/.test(e.type));
      expect(terminals).toHaveLength(1);
    }
  });

  it('rejects an unknown step with a message naming the valid ones', () => {
    expect(() => runScenario({ failAt: 'shipping' as never })).toThrow(/failAt must be one of inventory, order, payment, warehouse, delivery/);
    try {
      runScenario({ retry: { maxAttempts: 0 } });
    } catch (e) {
      expect(e).toMatchObject({ name: 'ScenarioError', field: 'retry.maxAttempts' });
    }
    expect.assertions(2);
  });
});
