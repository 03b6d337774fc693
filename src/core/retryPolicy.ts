import type { RetryPolicy } from './types';

/** Defaults from DESIGN.md: 3 attempts, 1 s, ×2, capped at 100× the initial interval, no jitter. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  initialIntervalMs: 1000,
  backoffCoefficient: 2,
  maxIntervalMs: 100_000,
  jitter: 'none',
};

/** Fills a partial policy; `maxIntervalMs` defaults to 100× the (possibly overridden) initial interval. */
export function resolveRetryPolicy(...layers: (Partial<RetryPolicy> | undefined)[]): RetryPolicy {
  const merged: Partial<RetryPolicy> = {};
  for (const layer of layers) Object.assign(merged, layer);
  const initialIntervalMs = merged.initialIntervalMs ?? DEFAULT_RETRY_POLICY.initialIntervalMs;
  return {
    maxAttempts: merged.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
    initialIntervalMs,
    backoffCoefficient: merged.backoffCoefficient ?? DEFAULT_RETRY_POLICY.backoffCoefficient,
    maxIntervalMs: merged.maxIntervalMs ?? initialIntervalMs * 100,
    jitter: merged.jitter ?? DEFAULT_RETRY_POLICY.jitter,
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

/** The delays a policy produces for its retries (for previews); at most `limit` entries. */
export function previewDelays(policy: RetryPolicy, limit = 8): number[] {
  const count = Math.min(limit, Math.max(0, policy.maxAttempts - 1));
  return Array.from({ length: count }, (_, i) => backoffDelay(policy, i + 2));
}
