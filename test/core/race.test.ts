import { describe, expect, it } from 'vitest';
import { createSimulation, exploreInterleavings, runScenario } from '../../src/core';
import { saga } from './driver';

// Both buyers read "available" before either writes, then each finishes in turn.
const BOTH_READ_FIRST = [0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1];

describe('two buyers, one seat', () => {
  it('sells the seat twice without the lock, and nobody raises an alert', () => {
    const run = saga({ buyers: 2, semanticLock: false, schedule: BOTH_READ_FIRST }).run();
    expect(run.last?.sagas.map((s) => s.outcome)).toEqual(['completed', 'completed']);
    run.expectViolated('no-oversell');
    expect(run.last?.violations.find((v) => v.invariant === 'no-oversell')?.message).toBe('Seat 1A sold to buyer 1 and buyer 2, but only 1 in stock.');
    expect(run.last?.alerts).toEqual([]);
    const reads = run.rows('inventory').filter((r) => r.kind === 'read');
    expect(reads.map((r) => r.status)).toEqual(['READ AVAILABLE', 'READ AVAILABLE']);
  });

  it('makes the second buyer back off with the lock (same schedule): no violation', () => {
    const run = saga({ buyers: 2, semanticLock: true, schedule: BOTH_READ_FIRST }).run().expectNoViolations();
    expect(run.last?.sagas.map((s) => s.outcome)).toEqual(['completed', 'compensated']);
    const refusal = run.events('step.failed').find((e) => e.saga === 's-2');
    expect(refusal).toMatchObject({ step: 'inventory', status: 423, reason: 'Seat 1A is PENDING for order o-1' });
    expect(run.rows('inventory').filter((r) => r.kind === 'hold').map((r) => [r.orderId, r.status])).toEqual([['o-1', 'SOLD']]);
  });

  it("with the 'wait' policy, sells to the second buyer once the first buyer's saga fails and releases its hold", () => {
    const run = saga({ buyers: 2, lockPolicy: 'wait', failAt: 'payment', retry: { maxAttempts: 10 }, schedule: [0, 1] }).run().expectNoViolations();
    expect(run.last?.sagas.map((s) => s.outcome)).toEqual(['compensated', 'completed']);
    expect(run.events('step.retrying').some((e) => e.saga === 's-2' && e.step === 'inventory')).toBe(true);
    expect(run.rows('orders').map((r) => [r.id, r.status])).toEqual([
      ['o-1', 'CANCELLED'],
      ['o-2', 'CONFIRMED'],
    ]);
  });

  it('replays a learner-driven run exactly from its schedule', () => {
    const sim = createSimulation({ buyers: 3, semanticLock: false, stock: 2 }, { scheduler: 'learner' });
    let picks = 0;
    for (;;) {
      const r = sim.step();
      if (r === 'idle') break;
      if (r === 'choice') {
        const choices = sim.nextChoices();
        expect(choices.length).toBeGreaterThan(1);
        expect(choices[0].label).toMatch(/^Buyer \d: /);
        sim.choose(choices[picks++ % choices.length].saga);
      }
    }
    const replay = runScenario({ buyers: 3, semanticLock: false, stock: 2, schedule: [...sim.decisions] });
    expect(JSON.stringify(replay.trace)).toBe(JSON.stringify(sim.trace));
  });
});

describe('exploring every interleaving', () => {
  for (const buyers of [2, 3]) {
    it(`finds the oversell without the lock, ${buyers} buyers, and its counterexample replays`, () => {
      const r = exploreInterleavings({ buyers, semanticLock: false });
      expect(r.complete).toBe(true);
      expect(r.violating).toBeGreaterThan(0);
      expect(r.interleavings).toBeGreaterThan(r.violating);
      const schedule = r.counterexample?.schedule as number[];
      expect(r.counterexample?.violations.map((v) => v.invariant)).toContain('no-oversell');
      const replay = runScenario({ buyers, semanticLock: false, schedule });
      expect(replay.violations.map((v) => v.invariant)).toContain('no-oversell');
    });

    for (const lockPolicy of ['fail', 'wait'] as const) {
      it(`finds no violation with the lock (${lockPolicy}), ${buyers} buyers`, () => {
        const r = exploreInterleavings({ buyers, semanticLock: true, lockPolicy });
        expect(r).toMatchObject({ violating: 0, complete: true });
        expect(r.counterexample).toBeUndefined();
        expect(r.interleavings).toBeGreaterThan(1);
      });
    }
  }

  it('keeps the lock sound when the first buyer fails: no violation, and the seat can still be sold', () => {
    const r = exploreInterleavings({ buyers: 2, failAt: 'payment', lockPolicy: 'wait', retry: { maxAttempts: 6 } });
    expect(r.violating).toBe(0);
    const sold = runScenario({ buyers: 2, failAt: 'payment', lockPolicy: 'wait', retry: { maxAttempts: 6 }, schedule: [0, 1, 0, 0, 0] });
    expect(sold.sagas[1].outcome).toBe('completed');
  });

  it('counts 2 buyers without the lock exactly: 3,420 interleavings, 3,416 oversell', () => {
    // C(14,7) orders of two 7-transaction sagas, minus the few dead ends where the seat was sold first.
    expect(exploreInterleavings({ buyers: 2, semanticLock: false })).toMatchObject({ interleavings: 3420, violating: 3416 });
  });
});
