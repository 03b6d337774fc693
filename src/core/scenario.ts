import { STEP_IDS, type Scenario, type StepId } from './types';

/** The scenario every field of which a caller may omit. */
export const DEFAULT_SCENARIO: Scenario = {
  mode: 'orchestration',
  seed: 1,
  idempotencyKeys: true,
  buyers: 1,
  stock: 1,
  semanticLock: true,
  lockPolicy: 'fail',
  definition: 'order',
};

/** The price of one order, in dollars. */
export const PRICE = 40;

/** The one item every buyer wants. */
export const ITEM = { id: 'seat-1A', name: 'Seat 1A' } as const;

/** Thrown for a scenario that cannot be run; the message names the field and the valid values. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  /** The scenario field at fault (`failAt`, `retry.maxAttempts`, …), so a UI can fall back for that field alone. */
  readonly field: string;
  constructor(message: string) {
    super(message);
    this.field = message.split(/[ .]/)[0];
  }
}

const isStep = (v: unknown): v is StepId => typeof v === 'string' && (STEP_IDS as readonly string[]).includes(v);

function checkStep(field: string, v: unknown): void {
  if (v !== undefined && !isStep(v)) {
    throw new ScenarioError(`${field} must be one of ${STEP_IDS.join(', ')}; got ${JSON.stringify(v)}`);
  }
}

function checkIntIn(field: string, v: number, min: number, max: number): void {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new ScenarioError(`${field} must be a whole number from ${min} to ${max}; got ${JSON.stringify(v)}`);
  }
}

function checkStepMap(field: string, map: Record<string, unknown> | undefined, valid: (v: unknown) => boolean, what: string): void {
  for (const [k, v] of Object.entries(map ?? {})) {
    checkStep(`${field} key`, k);
    if (!valid(v)) throw new ScenarioError(`${field}.${k} must be ${what}; got ${JSON.stringify(v)}`);
  }
}

/** Applies defaults and rejects impossible values with a clear message. */
export function resolveScenario(partial: Partial<Scenario> = {}): Scenario {
  const s: Scenario = { ...DEFAULT_SCENARIO, ...stripUndefined(partial) };
  if (s.mode !== 'orchestration' && s.mode !== 'choreography') {
    throw new ScenarioError(`mode must be orchestration or choreography; got ${JSON.stringify(s.mode)}`);
  }
  if (!Number.isFinite(s.seed)) throw new ScenarioError(`seed must be a number; got ${JSON.stringify(s.seed)}`);
  checkStep('failAt', s.failAt);
  checkStep('dropEvent', s.dropEvent);
  if (s.crash) {
    checkStep('crash.step', s.crash.step);
    if (s.crash.when !== 'before-call' && s.crash.when !== 'after-commit') {
      throw new ScenarioError(`crash.when must be before-call or after-commit; got ${JSON.stringify(s.crash.when)}`);
    }
  }
  checkIntIn('buyers', s.buyers, 1, 4);
  checkIntIn('stock', s.stock, 1, 3);
  checkStepMap('lostResponses', s.lostResponses, (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 20, 'a whole number from 0 to 20');
  checkStepMap(
    'compensationFailures',
    s.compensationFailures,
    (v) => v === 'always' || (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 20),
    "a whole number from 0 to 20 or 'always'",
  );
  if (s.lockPolicy !== 'fail' && s.lockPolicy !== 'wait') {
    throw new ScenarioError(`lockPolicy must be fail or wait; got ${JSON.stringify(s.lockPolicy)}`);
  }
  if (s.definition !== 'order' && s.definition !== 'order-with-pivot') {
    throw new ScenarioError(`definition must be order or order-with-pivot; got ${JSON.stringify(s.definition)}`);
  }
  if (s.schedule && !s.schedule.every((i) => Number.isInteger(i) && i >= 0 && i < 4)) {
    throw new ScenarioError('schedule must be a list of saga indexes from 0 to 3');
  }
  const r = s.retry;
  if (r) {
    if (r.maxAttempts !== undefined && !(r.maxAttempts >= 1)) throw new ScenarioError('retry.maxAttempts must be at least 1');
    if (r.initialIntervalMs !== undefined && !(r.initialIntervalMs >= 0 && Number.isFinite(r.initialIntervalMs))) {
      throw new ScenarioError('retry.initialIntervalMs must be a non-negative number');
    }
    if (r.backoffCoefficient !== undefined && !(r.backoffCoefficient >= 1 && Number.isFinite(r.backoffCoefficient))) {
      throw new ScenarioError('retry.backoffCoefficient must be at least 1');
    }
    if (r.maxIntervalMs !== undefined && !(r.maxIntervalMs >= 0 && Number.isFinite(r.maxIntervalMs))) {
      throw new ScenarioError('retry.maxIntervalMs must be a non-negative number');
    }
    if (r.jitter !== undefined && r.jitter !== 'none' && r.jitter !== 'full') throw new ScenarioError("retry.jitter must be 'none' or 'full'");
  }
  return s;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
