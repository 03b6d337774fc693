import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario } from '../../src/core';

// The saga log is one array of every saga's own rows: only its interleaving of different sagas' rows may differ.
const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
const summary = (r: ReturnType<typeof runScenario>) => ({
  sagas: r.sagas,
  databases: { ...r.databases, sagaLog: { rows: byId(r.databases.sagaLog.rows) } },
  violations: r.violations,
  alerts: r.alerts,
});

describe("a run's schedule replays it exactly", () => {
  it('the reported time-ordered race replays', () => {
    const scenario: Partial<Scenario> = { buyers: 3, stock: 1, lockPolicy: 'wait', failAt: 'payment', seed: 2 };
    const first = runScenario(scenario);
    expect(first.schedule.length).toBeGreaterThan(0);
    const again = runScenario({ ...scenario, schedule: first.schedule });
    expect(summary(again)).toEqual(summary(first));
    expect(again.schedule).toEqual(first.schedule);
  });

  it('for random multi-buyer runs', () => {
    const arb = fc.record({
      buyers: fc.integer({ min: 2, max: 4 }),
      stock: fc.integer({ min: 1, max: 3 }),
      lockPolicy: fc.constantFrom('fail' as const, 'wait' as const),
      semanticLock: fc.boolean(),
      failAt: fc.option(fc.constantFrom('inventory' as const, 'order' as const, 'payment' as const, 'warehouse' as const, 'delivery' as const), { nil: undefined }),
      lostResponses: fc.option(fc.record({ payment: fc.integer({ min: 0, max: 2 }) }), { nil: undefined }),
      idempotencyKeys: fc.boolean(),
      mode: fc.constantFrom('orchestration' as const, 'choreography' as const),
      seed: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(arb, (scenario) => {
        const first = runScenario(scenario);
        const again = runScenario({ ...scenario, schedule: first.schedule });
        expect(summary(again)).toEqual(summary(first));
      }),
      { numRuns: 300, seed: 10 },
    );
  });
});
