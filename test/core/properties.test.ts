import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { runScenario, type Scenario, STEP_IDS, type StepId } from '../../src/core';

const DEEP = Boolean(process.env.DEEP);
const runs = (n: number, deep: number) => ({ seed: 20261127, numRuns: DEEP ? deep : n });
// 10,000 runs of the whole scenario space take minutes on a busy machine.
if (DEEP) vi.setConfig({ testTimeout: 900_000 });
const step = fc.constantFrom(...STEP_IDS);
const maybeStep = fc.option(step, { nil: undefined });
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const TERMINAL = /^saga\.(completed|compensated|needs-attention|stuck)$/;

/** Bound on virtual time: the longest backoff chain of the defaults, with room to spare. */
const MAX_VIRTUAL_MS = 5 * 60 * 1000;

describe('properties', () => {
  it('any failure point, any seed: terminates, completes or compensates, no invariant violated', () => {
    fc.assert(
      fc.property(maybeStep, seed, (failAt, s) => {
        const r = runScenario({ failAt, seed: s });
        expect(r.outcome).toBe(failAt ? 'compensated' : 'completed');
        expect(r.violations).toEqual([]);
      }),
      runs(300, 3000),
    );
  });

  it('keys on, finite lost responses and compensation failures, any seed: no violation; needs-attention only with an alert', () => {
    const counts = fc.dictionary(step, fc.integer({ min: 0, max: 3 }), { maxKeys: 3 }) as fc.Arbitrary<Partial<Record<StepId, number>>>;
    fc.assert(
      fc.property(maybeStep, counts, counts, seed, (failAt, lostResponses, compensationFailures, s) => {
        const r = runScenario({ failAt, lostResponses, compensationFailures, seed: s });
        expect(['completed', 'compensated', 'needs-attention']).toContain(r.outcome);
        if (r.outcome === 'needs-attention') expect(r.alerts.length).toBeGreaterThan(0);
        else expect(r.violations).toEqual([]);
      }),
      runs(300, 3000),
    );
  });

  it('lock on, 1–4 buyers, stock 1–3, any seed, any single failure: no invariant violated', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), maybeStep, fc.constantFrom('fail', 'wait'), seed, (buyers, stock, failAt, lockPolicy, s) => {
        const r = runScenario({ buyers, stock, failAt, lockPolicy: lockPolicy as Scenario['lockPolicy'], seed: s });
        expect(r.violations).toEqual([]);
        const sold = r.databases.inventory.rows.filter((x) => x.status === 'SOLD').length;
        expect(sold).toBeLessThanOrEqual(stock);
      }),
      runs(200, 2000),
    );
  });

  it('a crash anywhere (keys on, no drop) changes neither the outcome nor the final tables', () => {
    fc.assert(
      fc.property(fc.constantFrom('orchestration', 'choreography'), maybeStep, step, fc.constantFrom('before-call', 'after-commit'), seed, (mode, failAt, crashStep, when, s) => {
        const base = { mode: mode as Scenario['mode'], failAt, seed: s };
        const clean = runScenario(base);
        const crashed = runScenario({ ...base, crash: { step: crashStep, when: when as 'before-call' | 'after-commit' } });
        expect(crashed.outcome).toBe(clean.outcome);
        for (const t of ['inventory', 'orders', 'payments', 'warehouse', 'delivery'] as const) {
          expect(crashed.databases[t].rows).toEqual(clean.databases[t].rows);
        }
      }),
      runs(200, 2000),
    );
  });

  it('the whole scenario space: terminates in bounded virtual time, throws nothing, and every violation is alerted or a known silent inconsistency', () => {
    const scenario = fc.record(
      {
        mode: fc.constantFrom('orchestration', 'choreography'),
        failAt: maybeStep,
        idempotencyKeys: fc.boolean(),
        lostResponses: fc.dictionary(step, fc.integer({ min: 0, max: 3 }), { maxKeys: 2 }),
        compensationFailures: fc.dictionary(step, fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant('always' as const)), { maxKeys: 2 }),
        buyers: fc.integer({ min: 1, max: 4 }),
        stock: fc.integer({ min: 1, max: 3 }),
        semanticLock: fc.boolean(),
        lockPolicy: fc.constantFrom('fail', 'wait'),
        dropEvent: maybeStep,
        crash: fc.option(fc.record({ step, when: fc.constantFrom('before-call', 'after-commit'), phase: fc.constantFrom('forward', 'compensation') }), { nil: undefined }),
        retry: fc.record(
          { maxAttempts: fc.integer({ min: 1, max: 5 }), initialIntervalMs: fc.integer({ min: 0, max: 2000 }), backoffCoefficient: fc.constantFrom(1, 1.5, 2, 3), jitter: fc.constantFrom('none', 'full') },
          { requiredKeys: [] },
        ),
        definition: fc.constantFrom('order', 'order-with-pivot'),
        seed,
      },
      { requiredKeys: ['seed'] },
    ) as fc.Arbitrary<Partial<Scenario>>;
    fc.assert(
      fc.property(scenario, (s) => {
        const r = runScenario(s);
        const last = r.trace[r.trace.length - 1];
        expect(last.at).toBeLessThan(MAX_VIRTUAL_MS);
        // Every saga ends with a terminal event.
        for (const g of r.sagas) expect(r.trace.some((e) => e.saga === g.id && TERMINAL.test(e.type))).toBe(true);
        if (r.violations.length === 0 || r.alerts.length > 0) return;
        const noKeys = s.idempotencyKeys === false && (Object.values(s.lostResponses ?? {}).some((n) => (n ?? 0) > 0) || s.crash !== undefined || s.dropEvent !== undefined);
        const race = s.semanticLock === false && (s.buyers ?? 1) > (s.stock ?? 1);
        const dropped = s.mode === 'choreography' && s.dropEvent !== undefined;
        expect({ scenario: s, violations: r.violations, known: noKeys || race || dropped }).toMatchObject({ known: true });
      }),
      runs(500, 10_000),
    );
  });
});
