import { resolveDefinition, type SagaStep, type Scenario } from '../../core';

/** The steps of the scenario's saga definition, in forward order (the order cards and lanes are drawn in). */
export const stepsOf = (scenario: Scenario): readonly SagaStep[] => resolveDefinition(scenario.definition).steps;

/** "payment" → "Payment": how a step is named in "Current step: Payment". */
export const stepLabel = (id: string): string => id.charAt(0).toUpperCase() + id.slice(1);

/** The service name of a step ("Payments"), from the run's definition (default: the order saga). */
export const serviceOf = (id: string | undefined, steps: readonly SagaStep[] = resolveDefinition('order').steps): string =>
  steps.find((s) => s.id === id)?.service ?? (id ? stepLabel(id) : 'the service');

/** Buyer number of a saga id: `s-2` → 2. */
export const buyerOf = (saga: string): number => Number(saga.replace(/^s-/, '')) || 1;

// Built once: toLocaleString with options builds a formatter per call, a hot spot when the timeline redraws.
const TWO_DECIMALS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

const FIXED_TWO = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });

/**
 * "t = 3.95 s": virtual time, the only clock the learner sees. It rounds as `secs` does (Intl, half up
 * from the shortest decimal): `toFixed` rounds the binary value, so 3,945 ms read "3.94 s" in the
 * playback bar and "now 3.95 s" on the timeline beside it.
 */
export const formatVirtualTime = (ms: number): string => `t = ${FIXED_TWO.format(ms / 1000)} s`;

/** Virtual milliseconds in words: 360 → "0.36 s", 2000 → "2 s". */
export function secs(ms: number): string {
  const s = ms / 1000;
  return `${(s < 10 ? TWO_DECIMALS : ONE_DECIMAL).format(s)} s`;
}

/** Ordinal for small counts ("second charge"), falling back to "#n". */
export function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][n - 1] ?? `#${n}`;
}

/** Dollar amount; negative for money going back ("−$40", with a real minus sign). */
export const money = (amount: unknown, negative = false): string => `${negative ? '−' : ''}$${Number(amount)}`;
