import { describe, expect, it } from 'vitest';
import { BUILT_IN_DEFINITIONS, EVENT_BUDGET, runScenario, serializeRun } from '../../src/core';

describe('every run is bounded by construction', () => {
  const endless = [
    { retry: { maxAttempts: Number.POSITIVE_INFINITY }, compensationFailures: { payment: 'always' as const }, failAt: 'warehouse' as const },
    { retry: { maxAttempts: 1e9, initialIntervalMs: 0 }, compensationFailures: { payment: 'always' as const }, failAt: 'warehouse' as const },
    { buyers: 3, lockPolicy: 'wait' as const, retry: { maxAttempts: Number.POSITIVE_INFINITY }, compensationFailures: { inventory: 'always' as const }, failAt: 'payment' as const },
    { mode: 'choreography' as const, retry: { maxAttempts: Number.POSITIVE_INFINITY }, compensationFailures: { payment: 'always' as const }, failAt: 'warehouse' as const },
  ];
  for (const scenario of endless) {
    it(`${JSON.stringify(scenario)} ends needs-attention with an alert saying why, under 5,000 trace events`, () => {
      const run = runScenario(scenario);
      expect(run.trace.length).toBeLessThan(5000);
      expect(run.outcome).toBe('needs-attention');
      expect(run.alerts.some((a) => a.message.includes(`${EVENT_BUDGET.toLocaleString('en-US')} events`))).toBe(true);
    });
  }

  it('a backoff that cannot be represented is rejected up front (not Infinity, not null)', () => {
    expect(() => runScenario({ retry: { initialIntervalMs: 1e308 } })).toThrow(/retry\.initialIntervalMs/);
  });

  it('serialises maxAttempts Infinity as the string "Infinity", never null', () => {
    const run = runScenario({ retry: { maxAttempts: Number.POSITIVE_INFINITY }, definition: 'order-with-pivot' });
    const json = serializeRun(run);
    expect(json).toContain('"maxAttempts": "Infinity"');
    expect(json).not.toContain('null');
  });
});

describe('"Infinity" wherever a saga travels', () => {
  it('a saga in a link keeps maxAttempts Infinity: encoded as "Infinity", decoded valid', async () => {
    const { encodeDefinition, decodeDefinition } = await import('../../src/embed/definitionLink');
    const trip = BUILT_IN_DEFINITIONS.trip;
    const def = { ...trip, steps: trip.steps.map((st) => (st.kind === 'pivot' ? { ...st, retry: { maxAttempts: Number.POSITIVE_INFINITY } } : st)) };
    const decoded = await decodeDefinition(await encodeDefinition(def));
    expect(decoded.ok).toBe(true);
    const back = decoded.ok ? decoded.definition : undefined;
    expect(back?.steps[3].retry?.maxAttempts).toBe('Infinity');
    expect(runScenario({ definition: back }).outcome).toBe('completed');
  });
});
