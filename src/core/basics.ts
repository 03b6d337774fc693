/** The smallest words of the vocabulary, shared by definitions, the trace and scenarios. */

/** A step of a saga definition, by its id (`payment`, `flight`, …). */
export type StepId = string;

/** Temporal-style retry policy, plus Step Functions' jitter. */
export interface RetryPolicy {
  /** Total attempts, the first included. `Infinity` retries forever (only sensible after the pivot). */
  maxAttempts: number;
  /** Delay before the second attempt, in virtual ms. */
  initialIntervalMs: number;
  /** Each further delay is the previous one times this. */
  backoffCoefficient: number;
  /** No delay exceeds this. */
  maxIntervalMs: number;
  /** `'full'` draws each delay uniformly from [0, computed delay] with the seeded RNG. */
  jitter: 'none' | 'full';
}

/** A row of a service's table. Every row has an `id`; nothing is ever deleted. */
export type Row = { id: string } & Record<string, unknown>;
