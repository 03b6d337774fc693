import type { RetryPolicy } from './types';

/** Defaults from DESIGN.md: 3 attempts, 1 s, ×2, capped at 100× the initial interval, no jitter. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  initialIntervalMs: 1000,
  backoffCoefficient: 2,
  maxIntervalMs: 100_000,
  jitter: 'none',
};

/** Longest delay a policy may ask for, in virtual ms (one day): every virtual time stays a finite number. */
export const MAX_INTERVAL_MS = 86_400_000;
/** Largest backoff coefficient. */
export const MAX_BACKOFF_COEFFICIENT = 100;

/** `maxAttempts` as runs are serialised: JSON has no Infinity, so it travels as the string "Infinity". */
const attemptsOf = (v: unknown): number | undefined => (v === 'Infinity' ? Number.POSITIVE_INFINITY : (v as number | undefined));

/** One problem with a retry policy, at its field (`maxAttempts`), or '' for the policy itself. */
export interface PolicyProblem {
  path: string;
  message: string;
}

/** The numeric policy fields' ranges (inclusive); the definition JSON Schema reads them too. */
export const RETRY_RANGES = {
  initialIntervalMs: [0, MAX_INTERVAL_MS],
  maxIntervalMs: [0, MAX_INTERVAL_MS],
  backoffCoefficient: [1, MAX_BACKOFF_COEFFICIENT],
} as const;

/** Checks a partial retry policy (any value); an `undefined` field counts as absent. */
export function checkRetryPolicy(value: unknown): PolicyProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ path: '', message: 'must be an object of retry policy fields' }];
  const out: PolicyProblem[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (k === 'maxAttempts') {
      const n = attemptsOf(v);
      if (!(typeof n === 'number' && n >= 1 && (Number.isInteger(n) || n === Number.POSITIVE_INFINITY))) {
        out.push({ path: k, message: `must be a whole number of at least 1, or Infinity; got ${JSON.stringify(v)}` });
      }
    } else if (k === 'jitter') {
      if (v !== 'none' && v !== 'full') out.push({ path: k, message: `must be 'none' or 'full'; got ${JSON.stringify(v)}` });
    } else if (k in RETRY_RANGES) {
      const [min, max] = RETRY_RANGES[k as keyof typeof RETRY_RANGES];
      if (typeof v !== 'number' || !(v >= min && v <= max)) out.push({ path: k, message: `must be a number from ${min} to ${max.toLocaleString('en-US')}; got ${JSON.stringify(v)}` });
    } else {
      out.push({ path: k, message: 'is not a retry policy field (maxAttempts, initialIntervalMs, backoffCoefficient, maxIntervalMs, jitter)' });
    }
  }
  return out;
}

/** Fills a partial policy; `maxIntervalMs` defaults to 100× the (possibly overridden) initial interval, capped at a day. */
export function resolveRetryPolicy(...layers: (Partial<RetryPolicy> | undefined)[]): RetryPolicy {
  const merged: Partial<RetryPolicy> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer)) if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
  }
  const initialIntervalMs = merged.initialIntervalMs ?? DEFAULT_RETRY_POLICY.initialIntervalMs;
  return {
    maxAttempts: attemptsOf(merged.maxAttempts) ?? DEFAULT_RETRY_POLICY.maxAttempts,
    initialIntervalMs,
    backoffCoefficient: merged.backoffCoefficient ?? DEFAULT_RETRY_POLICY.backoffCoefficient,
    maxIntervalMs: merged.maxIntervalMs ?? Math.min(MAX_INTERVAL_MS, initialIntervalMs * 100),
    jitter: merged.jitter ?? DEFAULT_RETRY_POLICY.jitter,
  };
}

/** The three retry policies of a step: its forward call, its compensation, its confirmation. */
export interface StepPolicies {
  forward: RetryPolicy;
  compensation: RetryPolicy;
  confirm: RetryPolicy;
}

const FOREVER: Partial<RetryPolicy> = { maxAttempts: Number.POSITIVE_INFINITY };

/**
 * The one rule for a step's policies, used by the orchestrator, the choreography and the code
 * exporters: the step's own policy under the scenario's override; a retriable step (after the
 * pivot) and every confirmation retry until they land, since the saga can only go forward there.
 */
export function stepPolicies(step: { kind: string; retry?: Partial<RetryPolicy>; compensationRetry?: Partial<RetryPolicy> }, override?: Partial<RetryPolicy>): StepPolicies {
  return {
    forward: resolveRetryPolicy(step.retry, override, step.kind === 'retriable' ? FOREVER : undefined),
    compensation: resolveRetryPolicy(step.compensationRetry, override),
    confirm: resolveRetryPolicy(override, FOREVER),
  };
}

/**
 * The delay before attempt `nextAttempt` (2, 3, …) without jitter:
 * initial × coefficient^(nextAttempt − 2), capped at maxIntervalMs.
 */
export function backoffDelay(policy: RetryPolicy, nextAttempt: number): number {
  const raw = policy.initialIntervalMs * policy.backoffCoefficient ** Math.max(0, nextAttempt - 2);
  return Math.min(policy.maxIntervalMs, raw);
}

/** The delay before attempt `nextAttempt`, with full jitter drawn from `random` in [0, 1). */
export function jitteredDelay(policy: RetryPolicy, nextAttempt: number, random: number): number {
  const base = backoffDelay(policy, nextAttempt);
  return policy.jitter === 'full' ? Math.floor(base * random) : base;
}

/** The delays a policy produces for its retries (for previews); at most `limit` entries. */
export function previewDelays(policy: RetryPolicy, limit = 8): number[] {
  const count = Math.min(limit, Math.max(0, policy.maxAttempts - 1));
  return Array.from({ length: count }, (_, i) => backoffDelay(policy, i + 2));
}
