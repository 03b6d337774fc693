import { BUILT_IN_DEFINITIONS } from './definitions/builtins';
import type { SagaDefinition } from './definitions/definition';
import { checkRetryPolicy } from './retryPolicy';
import { ScenarioError } from './scenarioError';
import type { Scenario } from './types';

/**
 * Every scenario field once: its type, range, default and meaning. Core validation
 * (`resolveScenario`), the CLI's flags and its replay line, and the URL parameters are all
 * derived from this table, so their ranges cannot disagree.
 */
export type FieldType =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'number' }
  | { kind: 'bool' }
  | { kind: 'step' }
  | { kind: 'stepMap'; min: number; max: number; always?: boolean }
  | { kind: 'retry' }
  | { kind: 'crash' }
  | { kind: 'schedule' }
  | { kind: 'definition' };

/** One scenario field. */
export interface ScenarioField {
  name: keyof Scenario;
  type: FieldType;
  /** The default (absent for optional fields that default to "none"). */
  default?: unknown;
  /** One line, shown in the CLI's help and the UI. */
  description: string;
  /** The CLI flag (booleans: `--no-x` turns a true default off, `--x` turns it on). */
  flag: string;
}

/** Highest saga index a schedule may name (four buyers at most). */
const MAX_SAGA_INDEX = 3;
/** Most lost replies or failing compensations a knob may inject. */
export const MAX_FAULT_COUNT = 20;
/** Longest extra processing time at a service, in virtual ms (ten minutes). */
export const MAX_SERVICE_DELAY_MS = 600_000;

/** The table. Order is the CLI's and the UI's order. */
export const SCENARIO_FIELDS: readonly ScenarioField[] = [
  { name: 'definition', type: { kind: 'definition' }, default: 'order', description: `which saga: ${Object.keys(BUILT_IN_DEFINITIONS).join(' | ')} (or a definition object)`, flag: '--definition' },
  { name: 'mode', type: { kind: 'enum', values: ['orchestration', 'choreography'] }, default: 'orchestration', description: 'who drives the saga', flag: '--mode' },
  { name: 'seed', type: { kind: 'int', min: 0, max: 2 ** 31 - 1 }, default: 1, description: 'seed for latencies, jitter and scheduling', flag: '--seed' },
  { name: 'failAt', type: { kind: 'step' }, description: "this step's forward action fails (business failure)", flag: '--fail-at' },
  { name: 'compensate', type: { kind: 'bool' }, default: true, description: 'compensate a failure (off: an order without a saga)', flag: '--compensation' },
  { name: 'idempotencyKeys', type: { kind: 'bool' }, default: true, description: 'calls carry idempotency keys', flag: '--keys' },
  { name: 'lostResponses', type: { kind: 'stepMap', min: 0, max: MAX_FAULT_COUNT }, description: "lose the first N replies of STEP's forward action (choreography: its acknowledgement)", flag: '--lost' },
  { name: 'compensationFailures', type: { kind: 'stepMap', min: 0, max: MAX_FAULT_COUNT, always: true }, description: "STEP's compensation answers 500 N times (or always)", flag: '--comp-fail' },
  { name: 'serviceDelays', type: { kind: 'stepMap', min: 0, max: MAX_SERVICE_DELAY_MS }, description: 'extra processing ms at STEP (a call can outlast its timeout)', flag: '--delay' },
  { name: 'retry', type: { kind: 'retry' }, description: 'retry policy for every step and compensation', flag: '--retry' },
  { name: 'dropEvent', type: { kind: 'step' }, description: 'the event (choreography) / reply (orchestration) STEP sends is dropped', flag: '--drop' },
  { name: 'crash', type: { kind: 'crash' }, description: 'the orchestrator crashes before-call | after-commit (STEP:WHEN[:compensation])', flag: '--crash' },
  { name: 'buyers', type: { kind: 'int', min: 1, max: 4 }, default: 1, description: 'concurrent buyers, each with its own saga', flag: '--buyers' },
  { name: 'stock', type: { kind: 'int', min: 1, max: 3 }, default: 1, description: 'units of the item in stock', flag: '--stock' },
  { name: 'semanticLock', type: { kind: 'bool' }, default: true, description: 'the inventory step writes a PENDING hold atomically', flag: '--lock' },
  { name: 'lockPolicy', type: { kind: 'enum', values: ['fail', 'wait'] }, default: 'fail', description: 'on reading PENDING: fail fast or wait and retry', flag: '--lock-policy' },
  { name: 'schedule', type: { kind: 'schedule' }, description: 'at each choice point, the index (0-based) of the saga that moves', flag: '--schedule' },
];

/** The scenario every field of which a caller may omit. */
export const DEFAULT_SCENARIO: Scenario = Object.fromEntries(SCENARIO_FIELDS.filter((f) => f.default !== undefined).map((f) => [f.name, f.default])) as unknown as Scenario;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = (field: string, message: string): never => {
  throw new ScenarioError(field, message);
};
const got = (v: unknown) => `got ${typeof v === 'string' ? JSON.stringify(v) : typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v}`;

/** Own, defined entries only: inherited keys never count. */
const ownEntries = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined).map((k) => [k, o[k]] as const);

function checkStepId(field: string, v: unknown, steps: readonly string[]): string {
  if (typeof v !== 'string' || !steps.includes(v)) fail(field, `must be one of ${steps.join(', ')}; ${got(v)}`);
  return v as string;
}

/** Validates one field's value (already known not to be undefined) and returns it normalised. */
export function checkField(f: ScenarioField, v: unknown, def: SagaDefinition): unknown {
  const name = f.name;
  const steps = def.steps.map((s) => s.id);
  const t = f.type;
  switch (t.kind) {
    case 'enum':
      if (!t.values.includes(v as string)) fail(name, `must be one of ${t.values.join(', ')}; ${got(v)}`);
      return v;
    case 'int':
      if (!Number.isInteger(v) || (v as number) < t.min || (v as number) > t.max) fail(name, `must be a whole number from ${t.min} to ${t.max.toLocaleString('en-US')}; ${got(v)}`);
      return v;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(name, `must be a number; ${got(v)}`);
      return v;
    case 'bool':
      if (typeof v !== 'boolean') fail(name, `must be true or false; ${got(v)}`);
      return v;
    case 'step':
      return checkStepId(name, v, steps);
    case 'stepMap': {
      if (!isRecord(v)) return fail(name, `must be an object from step to number; ${got(v)}`);
      const out: Record<string, unknown> = {};
      for (const [k, n] of ownEntries(v)) {
        if (!steps.includes(k)) fail(name, `has an unknown step "${k}"; valid steps: ${steps.join(', ')}`);
        const ok = (t.always && n === 'always') || (Number.isInteger(n) && (n as number) >= t.min && (n as number) <= t.max);
        if (!ok) fail(`${name}.${k}`, `must be a whole number from ${t.min} to ${t.max.toLocaleString('en-US')}${t.always ? " or 'always'" : ''}; ${got(n)}`);
        out[k] = n;
      }
      return out;
    }
    case 'retry': {
      if (!isRecord(v)) return fail(name, `must be an object of retry policy fields; ${got(v)}`);
      const problems = checkRetryPolicy(v);
      if (problems.length) fail(problems[0].path ? `${name}.${problems[0].path}` : name, problems[0].message);
      return Object.fromEntries(ownEntries(v).map(([k, x]) => [k, k === 'maxAttempts' && x === 'Infinity' ? Number.POSITIVE_INFINITY : x]));
    }
    case 'crash': {
      if (!isRecord(v)) return fail(name, `must be { step, when, phase? }; ${got(v)}`);
      const step = checkStepId(`${name}.step`, v.step, steps);
      if (v.when !== 'before-call' && v.when !== 'after-commit') fail(`${name}.when`, `must be before-call or after-commit; ${got(v.when)}`);
      if (v.phase !== undefined && v.phase !== 'forward' && v.phase !== 'compensation') fail(`${name}.phase`, `must be forward or compensation; ${got(v.phase)}`);
      return { step, when: v.when, ...(v.phase !== undefined ? { phase: v.phase } : {}) };
    }
    case 'schedule':
      // An entry naming a saga that cannot move at that point is skipped (time order decides), as is any index past the buyers.
      if (!Array.isArray(v) || v.length > 10_000 || !v.every((i) => Number.isInteger(i) && i >= 0 && i <= MAX_SAGA_INDEX)) {
        fail(name, `must be a list of saga indexes from 0 to ${MAX_SAGA_INDEX}; ${Array.isArray(v) ? 'got a list with other values' : got(v)}`);
      }
      return [...(v as number[])];
    case 'definition':
      return v;
  }
}
