import { describe, expect, it } from 'vitest';
import { runScenario, STEP_IDS, type StepId } from '../../src/core';

const DEEP = Boolean(process.env.DEEP);

describe('determinism', () => {
  it('gives byte-identical traces for the same scenario and seed (1,000 seeds, each run twice)', () => {
    const seeds = DEEP ? 5000 : 1000;
    for (let seed = 1; seed <= seeds; seed++) {
      const failAt: StepId | undefined = seed % 6 === 0 ? undefined : STEP_IDS[seed % 5];
      const scenario = { seed, failAt, lostResponses: seed % 7 === 0 ? { payment: 1 } : undefined };
      expect(JSON.stringify(runScenario(scenario).trace)).toBe(JSON.stringify(runScenario(scenario).trace));
    }
  });

  it('gives different latencies for different seeds', () => {
    const times = new Set(Array.from({ length: 20 }, (_, i) => runScenario({ seed: i + 1 }).trace.map((e) => e.at).join(',')));
    expect(times.size).toBeGreaterThan(15);
  });

  it('never lets virtual time go backwards along a trace', () => {
    for (let seed = 1; seed <= 100; seed++) {
      for (const s of [{ seed }, { seed, failAt: 'delivery' as const, compensationFailures: { payment: 2 } }, { seed, buyers: 3 }]) {
        const at = runScenario(s).trace.map((e) => e.at);
        for (let i = 1; i < at.length; i++) expect(at[i]).toBeGreaterThanOrEqual(at[i - 1]);
      }
    }
  });

  it('numbers trace events consecutively from zero', () => {
    const trace = runScenario({ failAt: 'payment' }).trace;
    expect(trace.map((e) => e.seq)).toEqual(trace.map((_, i) => i));
  });
});
