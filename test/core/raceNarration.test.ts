import { describe, expect, it } from 'vitest';
import { narrate, runScenario, type Scenario } from '../../src/core';

// Issue 16 item 6: with several buyers, "Inventory did it" or "Orders confirmed." leaves the learner
// guessing whose request was answered. Every sentence about a buyer's saga names that buyer, read
// from the trace (the saga's own `saga.started` event says which buyer it is), never from prose.

const RACES: [string, Partial<Scenario>][] = [
  ['two buyers, no lock', { buyers: 2, semanticLock: false }],
  ['two buyers, the lock (fail fast)', { buyers: 2 }],
  ['three buyers, the lock (wait)', { buyers: 3, lockPolicy: 'wait', seed: 4 }],
  ['two buyers, two seats, payment fails', { buyers: 2, stock: 2, failAt: 'payment' }],
  ['two buyers, a lost reply without keys', { buyers: 2, stock: 2, lostResponses: { payment: 1 }, idempotencyKeys: false }],
  ['two buyers, a lost reply with keys', { buyers: 2, stock: 2, lostResponses: { payment: 1 } }],
  ['two buyers, a refund that always fails', { buyers: 2, stock: 2, failAt: 'warehouse', compensationFailures: { payment: 'always' } }],
  ['two buyers, a compensation that fails twice', { buyers: 2, stock: 2, failAt: 'delivery', compensationFailures: { order: 2 } }],
  ['two buyers, a crash after a commit', { buyers: 2, stock: 2, crash: { step: 'payment', when: 'after-commit' } }],
  ['two buyers in a choreography', { buyers: 2, stock: 2, mode: 'choreography', failAt: 'warehouse' }],
];

describe('race narration names the buyer', () => {
  it.each(RACES)('%s: every sentence about a saga says whose it is', (_name, scenario) => {
    const run = runScenario(scenario);
    const buyerOf = new Map(run.trace.filter((e) => e.type === 'saga.started').map((e) => [e.saga, Number(e.buyer)]));
    const ctx = { buyers: run.scenario.buyers, mode: run.scenario.mode, semanticLock: run.scenario.semanticLock };
    const unnamed = run.trace
      .filter((e) => buyerOf.has(e.saga))
      .map((e) => ({ type: e.type, sentence: narrate(e, ctx), buyer: buyerOf.get(e.saga) }))
      .filter(({ sentence, buyer }) => sentence !== '' && !sentence.includes(`Buyer ${buyer}`));
    expect(unnamed).toEqual([]);
  });

  it('says which buyer a service answered: the refused buyer and the one whose read succeeded', () => {
    const run = runScenario({ buyers: 2 });
    const ctx = { buyers: 2, semanticLock: true };
    const refused = run.trace.find((e) => e.type === 'step.failed' && e.saga === 's-2');
    expect(narrate(refused as (typeof run.trace)[number], ctx)).toBe(
      'Inventory refused Buyer 2: Seat 1A is PENDING for order o-1. That is a business answer, so it is not retried.',
    );
    const held = run.trace.find((e) => e.type === 'step.succeeded' && e.saga === 's-1' && e.step === 'inventory');
    expect(narrate(held as (typeof run.trace)[number], ctx)).toBe('Inventory answers Buyer 1: done, hold the item — committed in its own database.');
    const confirmed = run.trace.find((e) => e.type === 'confirmation.succeeded' && e.saga === 's-1');
    expect(narrate(confirmed as (typeof run.trace)[number], ctx)).toBe("Inventory confirmed Buyer 1's order.");
  });

  it('keeps the one-buyer sentences as they were', () => {
    const run = runScenario({ failAt: 'payment' });
    const told = run.trace.map((e) => narrate(e)).filter(Boolean);
    expect(told).toContain('Inventory did it: hold the item — committed in its own database.');
    expect(told.some((s) => s.includes('Buyer'))).toBe(false);
  });
});
