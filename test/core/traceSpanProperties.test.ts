import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario, STEP_IDS } from '../../src/core';
import { type ChromeTraceEvent, spansOfRun, toChromeTrace } from '../../src/core/trace-export';

const step = fc.constantFrom(...STEP_IDS);
const maybeStep = fc.option(step, { nil: undefined });

const scenario = fc.record(
  {
    mode: fc.constantFrom('orchestration', 'choreography'),
    failAt: maybeStep,
    idempotencyKeys: fc.boolean(),
    lostResponses: fc.dictionary(step, fc.integer({ min: 0, max: 3 }), { maxKeys: 2 }),
    compensationFailures: fc.dictionary(step, fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant('always' as const)), { maxKeys: 2 }),
    buyers: fc.integer({ min: 1, max: 4 }),
    semanticLock: fc.boolean(),
    dropEvent: maybeStep,
    crash: fc.option(fc.record({ step, when: fc.constantFrom('before-call', 'after-commit'), phase: fc.constantFrom('forward', 'compensation') }), {
      nil: undefined,
    }),
    definition: fc.constantFrom('order', 'order-with-pivot'),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  },
  { requiredKeys: ['seed'] },
) as fc.Arbitrary<Partial<Scenario>>;

describe('spans of any run', () => {
  it('are well formed at every prefix of the trace: unique ids, parents and links that exist, time that runs forward, proper nesting per Chrome thread', () => {
    fc.assert(
      fc.property(scenario, fc.double({ min: 0, max: 1, noNaN: true }), (s, where) => {
        const run = runScenario(s);
        const cursor = Math.round(where * run.trace.length);
        const spans = spansOfRun(run, cursor);
        const ids = new Set(spans.map((sp) => sp.spanId));
        expect(ids.size).toBe(spans.length);
        for (const sp of spans) {
          expect(sp.endMs).toBeGreaterThanOrEqual(sp.startMs);
          if (sp.parentSpanId) expect(ids.has(sp.parentSpanId)).toBe(true);
          for (const l of sp.links) expect(ids.has(l.spanId)).toBe(true);
          const parent = spans.find((p) => p.spanId === sp.parentSpanId);
          if (parent) expect(parent.traceId).toBe(sp.traceId);
        }
        // One root per saga that has started.
        const started = new Set(
          run.trace
            .slice(0, cursor)
            .filter((e) => e.saga !== 'system' && e.type !== 'db.changed')
            .map((e) => e.saga),
        );
        expect(
          spans
            .filter((sp) => sp.phase === 'saga')
            .map((sp) => sp.saga)
            .sort(),
        ).toEqual([...started].sort());
        const complete = toChromeTrace(spans).traceEvents.filter((e): e is Extract<ChromeTraceEvent, { ph: 'X' }> => e.ph === 'X');
        const lanes = new Map<string, { ts: number; end: number }[]>();
        for (const e of complete) lanes.set(`${e.pid}/${e.tid}`, [...(lanes.get(`${e.pid}/${e.tid}`) ?? []), { ts: e.ts, end: e.ts + e.dur }]);
        for (const list of lanes.values()) {
          for (const a of list) {
            for (const b of list) {
              const overlapOnly = a.ts < b.ts && b.ts < a.end && a.end < b.end;
              expect(overlapOnly).toBe(false);
            }
          }
        }
      }),
      { seed: 20261130, numRuns: process.env.DEEP ? 2000 : 150 },
    );
  });
});
