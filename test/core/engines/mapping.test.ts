import { describe, expect, it } from 'vitest';
import { BUILT_IN_DEFINITIONS, DEFAULT_RETRY_POLICY, resolveRetryPolicy, runScenario } from '../../../src/core';
import {
  ASL_MAX_ATTEMPTS,
  DURABLE_MAX_ATTEMPTS,
  exportCode,
  ENGINES,
  stepPolicies,
  toAslRetry,
  toDurableRetry,
  toTemporalRetry,
} from '../../../src/core/engines';
import { builtIns, named, trip } from './fixtures';

const forever = resolveRetryPolicy({ maxAttempts: Number.POSITIVE_INFINITY });
const odd = resolveRetryPolicy({ maxAttempts: 4, initialIntervalMs: 1500, backoffCoefficient: 1.5, maxIntervalMs: 2500, jitter: 'full' });

describe('retry mapping, one function per engine', () => {
  it('ASL: MaxAttempts counts retries, seconds are whole and rounded up, jitter is FULL | NONE', () => {
    expect(toAslRetry(DEFAULT_RETRY_POLICY)).toEqual({ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2, MaxDelaySeconds: 100, JitterStrategy: 'NONE' });
    expect(toAslRetry(odd)).toMatchObject({ IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 1.5, MaxDelaySeconds: 3, JitterStrategy: 'FULL' });
    expect(toAslRetry(forever).MaxAttempts).toBe(ASL_MAX_ATTEMPTS);
    expect(toAslRetry(resolveRetryPolicy({ maxAttempts: 1 })).MaxAttempts).toBe(0);
    // Below the schema's minimums: 1 s and a rate of 1.
    expect(toAslRetry(resolveRetryPolicy({ initialIntervalMs: 0, maxIntervalMs: 0, backoffCoefficient: 0.5 }))).toMatchObject({ IntervalSeconds: 1, MaxDelaySeconds: 1, BackoffRate: 1 });
  });

  it('Temporal: maximumAttempts counts attempts, 0 is unlimited, business failures are non-retryable', () => {
    expect(toTemporalRetry(DEFAULT_RETRY_POLICY, ['BusinessFailure'])).toEqual({ maximumAttempts: 3, initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '100s', nonRetryableErrorTypes: ['BusinessFailure'] });
    expect(toTemporalRetry(odd)).toEqual({ maximumAttempts: 4, initialInterval: '1500ms', backoffCoefficient: 1.5, maximumInterval: '2500ms' });
    expect(toTemporalRetry(forever).maximumAttempts).toBe(0);
    // maximumInterval may not be below initialInterval.
    expect(toTemporalRetry(resolveRetryPolicy({ initialIntervalMs: 3000, maxIntervalMs: 1000 })).maximumInterval).toBe('3s');
  });

  it('Durable Functions: attempts incl. the first, backoffCoefficient always set, Infinity capped', () => {
    expect(toDurableRetry(DEFAULT_RETRY_POLICY)).toEqual({ firstRetryIntervalInMilliseconds: 1000, maxNumberOfAttempts: 3, backoffCoefficient: 2, maxRetryIntervalInMilliseconds: 100_000 });
    expect(toDurableRetry(resolveRetryPolicy({ backoffCoefficient: 1 })).backoffCoefficient).toBe(1);
    expect(toDurableRetry(forever).maxNumberOfAttempts).toBe(DURABLE_MAX_ATTEMPTS);
    expect(toDurableRetry(resolveRetryPolicy({ initialIntervalMs: 0 })).firstRetryIntervalInMilliseconds).toBe(1);
  });

  it('the policies exported are the ones the simulator applies (maxAttempts on its trace)', () => {
    for (const def of builtIns) {
      const run = runScenario({ definition: def.id as 'order', failAt: def.steps[def.steps.length - 1].id as 'delivery', retry: { initialIntervalMs: 10 } });
      for (const e of run.trace.filter((x) => x.type === 'step.started' || x.type === 'compensation.started')) {
        const step = def.steps.find((s) => s.id === e.step);
        if (!step) throw new Error(`no step ${e.step}`);
        const p = stepPolicies(step, { retry: { initialIntervalMs: 10 } });
        expect(e.maxAttempts).toBe(e.type === 'step.started' ? p.forward.maxAttempts : p.compensation.maxAttempts);
      }
    }
  });
});

describe('code anchors', () => {
  it.each(ENGINES.flatMap((engine) => named.map((def) => [engine, def.id, def] as const)))('%s / %s: each call is anchored on the lines that name it', (engine, _id, def) => {
    const files = exportCode(engine, def);
    const main = files[0];
    const lines = main.text.split('\n');
    for (const s of def.steps) {
      const call = main.anchors[`${s.id}/forward/call`];
      expect(call, `${s.id} forward`).toBeDefined();
      const text = lines.slice(call.from - 1, call.to).join('\n');
      // ASL names the state after the action; code names the activity after it in camelCase.
      expect(text.toLowerCase().replace(/[^a-z]/g, '')).toContain(s.action.toLowerCase().replace(/[^a-z]/g, ''));
      expect(main.anchors[`${s.id}/forward/retry`], `${s.id} retry`).toBeDefined();
      expect(Boolean(main.anchors[`${s.id}/compensation/call`])).toBe(Boolean(s.compensation));
    }
  });

  it('the trip fixture is the built-in trip, exactly as the definition JSON', () => {
    expect(BUILT_IN_DEFINITIONS.trip).toEqual(trip);
  });

  it('idempotency keys reach every call; trip has no confirmations and a pivot that is never undone', () => {
    const [asl] = exportCode('asl', trip);
    expect(asl.text.match(/idempotencyKey\.\$/g)).toHaveLength(4 + 3);
    expect(asl.anchors['payment/compensation/call']).toBeUndefined();
    const [workflow] = exportCode('temporal', trip);
    expect(workflow.text).toContain("await paymentForward.chargeTheCard(input, key('payment', 'forward'));");
    expect(workflow.text).not.toContain('Confirm.');
  });
});
