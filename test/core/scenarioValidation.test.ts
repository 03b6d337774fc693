import { describe, expect, it } from 'vitest';
import { resolveScenario, runScenario, type Scenario, ScenarioError } from '../../src/core';

const bad = (partial: Record<string, unknown>) => {
  try {
    resolveScenario(partial as Partial<Scenario>);
  } catch (e) {
    return e;
  }
  return undefined;
};

describe('bad scenarios get a ScenarioError naming the full field path', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['schedule', { schedule: 'abc' }],
    ['crash.step', { crash: { when: 'after-commit' } }],
    ['crash.phase', { crash: { step: 'payment', when: 'after-commit', phase: 'bogus' } }],
    ['idempotencyKeys', { idempotencyKeys: 'no' }],
    ['semanticLock', { semanticLock: 0 }],
    ['retry.maxAttempts', { retry: { maxAttempts: 1.5 } }],
    ['retry.initialIntervalMs', { retry: { initialIntervalMs: 1e308 } }],
    ['retry.maxIntervalMs', { retry: { maxIntervalMs: 1e20 } }],
    ['retry.backoffCoefficient', { retry: { backoffCoefficient: 1e6 } }],
    ['serviceDelays.payment', { serviceDelays: { payment: -1 } }],
    ['serviceDelays', { serviceDelays: { bogus: 10 } }],
    ['compensate', { compensate: 'yes' }],
    ['lostResponses.payment', { lostResponses: { payment: 1.5 } }],
    ['retry', { retry: 3 }],
  ];
  for (const [field, partial] of cases) {
    it(`${JSON.stringify(partial)} → ${field}`, () => {
      const e = bad(partial);
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).field).toBe(field);
      expect((e as ScenarioError).message).toContain(field);
    });
  }

  it('ignores inherited keys: only own fields of a fault map count', () => {
    const run = runScenario({ lostResponses: Object.create({ payment: 1000 }) });
    expect(run.outcome).toBe('completed');
    expect(run.trace.filter((e) => e.type === 'response.lost')).toEqual([]);
  });

  it('treats a field whose value is undefined as absent', () => {
    expect(resolveScenario({ retry: { maxAttempts: undefined }, seed: undefined, crash: undefined })).toMatchObject({ seed: 1 });
    expect(runScenario({ retry: { maxAttempts: undefined } }).outcome).toBe('completed');
  });
});
