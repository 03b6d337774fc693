import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult, STEP_IDS } from '../../src/core';
import { spansOfRun } from '../../src/core/trace-export/runSpans';
import { longestStep } from '../../src/lessons/07-watching-sagas-in-production';

/** The widest forward step of saga s-1 in the waterfall, from the spans the Trace view draws. */
function longestBySpans(run: RunResult): string {
  const widths = new Map<string, { start: number; end: number }>();
  for (const s of spansOfRun(run)) {
    if (s.saga !== 's-1' || (s.kind !== 'client' && s.kind !== 'consumer') || s.phase !== 'forward' || !s.step) continue;
    const w = widths.get(s.step);
    widths.set(s.step, { start: Math.min(w?.start ?? s.startMs, s.startMs), end: Math.max(w?.end ?? s.endMs, s.endMs) });
  }
  let best = '';
  let bestMs = -1;
  for (const [step, { start, end }] of widths) if (end - start > bestMs) [best, bestMs] = [step, end - start];
  return best;
}

describe('lesson 7 reads the waterfall off the trace', () => {
  it("names the same longest step as the spans the Trace view draws (the lesson's run and random orchestrated runs)", () => {
    const lesson = runScenario({ failAt: 'warehouse', lostResponses: { payment: 1 } });
    expect(longestStep(lesson)).toBe('payment');
    fc.assert(
      fc.property(
        fc.record({
          failAt: fc.option(fc.constantFrom(...STEP_IDS), { nil: undefined }),
          lostResponses: fc.option(fc.record({ payment: fc.integer({ min: 0, max: 2 }) }), { nil: undefined }),
          serviceDelays: fc.option(fc.record({ order: fc.integer({ min: 0, max: 3000 }) }), { nil: undefined }),
          seed: fc.integer({ min: 0, max: 500 }),
        }),
        (s) => {
          const run = runScenario(s);
          expect(longestStep(run)).toBe(longestBySpans(run));
        },
      ),
      { numRuns: 150, seed: 7 },
    );
  });
});
