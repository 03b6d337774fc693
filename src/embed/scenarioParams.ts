/**
 * The scenario's query parameters, derived from the core's scenario field table
 * (`SCENARIO_FIELDS`): each field's type and range make its codec, its default the link's
 * default. A field added to the table becomes a link parameter with no change here; only
 * its link name (when shorter than the field's) and its documentation are written below.
 */

import { DEFINITION_NAMES } from '../core/definitions/builtins';
import { SCENARIO_FIELDS, type ScenarioField } from '../core/scenarioFields';
import type { Scenario } from '../core/types';
import { type Codec, enumCodec, flagCodec, intCodec, LINK_STEP_IDS, listCodec, stepMapCodec } from './codecs';
import { crashCodec, crashCodecFor, nonZero, stepOrNone, stepOrNoneFor } from './paramCodecs';
import { defineParam, type QueryParam } from './queryParam';

/** Most entries a `schedule` may have. */
export const MAX_SCHEDULE_LENGTH = 500;

/** Link names that differ from the field names (kept short and stable: links already in courses use them). */
const LINK_NAME: Partial<Record<keyof Scenario, string>> = {
  idempotencyKeys: 'keys',
  lostResponses: 'lost',
  compensationFailures: 'compFail',
  serviceDelays: 'delay',
  semanticLock: 'lock',
  dropEvent: 'drop',
};

/** The order links are written in; a field not listed here comes after these, in table order. */
const LINK_ORDER = ['mode', 'seed', 'failAt', 'keys', 'lost', 'compFail', 'lock', 'lockPolicy', 'buyers', 'stock', 'drop', 'crash', 'definition', 'compensate', 'delay', 'schedule'];

/** Documentation for instructors, by link name (a field without one shows the table's description). */
const DOCS: Record<string, { description: string; defaultText?: string; example?: string }> = {
  mode: { description: 'Who drives the saga: an orchestrator, or services reacting to each other’s events.' },
  seed: { description: 'Seeds every latency, jitter and scheduling decision: same seed, same run.' },
  failAt: { description: 'This step’s forward action fails with a business error (card declined, out of stock).', defaultText: 'none (no step fails)' },
  keys: { description: 'Whether calls carry idempotency keys.' },
  lost: { description: 'The first n replies of a step’s forward action are lost after the service committed, e.g. payment:1.', defaultText: 'no lost replies', example: 'payment:1' },
  compFail: { description: 'A step’s compensation answers 500 this many times, or always, e.g. payment:always.', defaultText: 'no failing compensations', example: 'payment:always' },
  delay: { description: 'Extra processing time at a step’s service, in virtual ms, e.g. payment:3000 (a call can outlast its timeout).', defaultText: 'no extra delays', example: 'payment:3000' },
  lock: { description: 'Whether the inventory step writes a PENDING hold atomically (the semantic lock).' },
  lockPolicy: { description: 'What a saga does when it reads PENDING: fail fast and compensate, or wait and retry.' },
  buyers: { description: 'Concurrent buyers, each running a saga for the same item.' },
  stock: { description: 'Units of the item in stock.' },
  drop: { description: 'The event (choreography) or reply (orchestration) this step sends is dropped.', defaultText: 'none (nothing is dropped)' },
  crash: { description: 'The orchestrator crashes there and recovers from its durable log, e.g. payment:after-commit.', defaultText: 'none (no crash)' },
  definition: { description: 'Which built-in saga runs: the order saga, the order with a pivot step, or the trip.' },
  compensate: { description: 'Whether a failure is compensated (0: the failure is left as it is, an order without a saga).' },
  schedule: { description: 'At each point where several sagas can move, the index of the saga that moves.', defaultText: 'none (the seeded scheduler decides)' },
};

const plainDefault = (f: ScenarioField): string => (typeof f.default === 'boolean' ? (f.default ? '1 (on)' : '0 (off)') : String(f.default));

/** A step map's value: a whole number from 1 (0 is written by leaving the step out), or `always` where the field allows it. */
function amountCodec(t: Extract<ScenarioField['type'], { kind: 'stepMap' }>): Codec<number | 'always'> {
  const n = intCodec(Math.max(1, t.min), t.max);
  if (!t.always) return n as Codec<number | 'always'>;
  return { type: 'count', expected: `${n.expected}, or always`, parse: (raw) => (raw === 'always' ? 'always' : n.parse(raw)), format: (v) => String(v) };
}

/** Saga indexes run from 0 to one less than the most buyers the table allows. */
function maxSagaIndex(): number {
  const buyers = SCENARIO_FIELDS.find((f) => f.name === 'buyers')?.type;
  return buyers?.kind === 'int' ? buyers.max - 1 : 3;
}

type Holder = Record<string, unknown>;

/** The link parameter for one field, or undefined when a link cannot express it (the retry policy). */
function paramFor(f: ScenarioField): QueryParam | undefined {
  const name = LINK_NAME[f.name] ?? f.name;
  const docs = DOCS[name] ?? { description: f.description.charAt(0).toUpperCase() + f.description.slice(1) };
  const field = f.name;
  const get = (s: { scenario: Partial<Scenario> }) => (s.scenario as Holder)[field];
  const put = (s: { scenario: Scenario }, v: unknown) => {
    if (v === undefined) delete (s.scenario as unknown as Holder)[field];
    else (s.scenario as unknown as Holder)[field] = v;
  };
  const t = f.type;
  const base = { name, target: 'scenario' as const, description: docs.description };
  switch (t.kind) {
    case 'enum':
    case 'int':
    case 'bool':
    case 'definition': {
      const codec = (t.kind === 'enum' ? enumCodec(t.values) : t.kind === 'int' ? intCodec(t.min, t.max) : t.kind === 'bool' ? flagCodec : enumCodec(DEFINITION_NAMES)) as Codec<unknown>;
      const read = t.kind === 'definition' ? (s: { scenario: Partial<Scenario> }) => (typeof get(s) === 'string' ? get(s) : undefined) : get;
      return defineParam<unknown>({ ...base, codec, defaultValue: f.default, defaultText: docs.defaultText ?? plainDefault(f), read, write: put });
    }
    case 'step':
      return defineParam<string>({
        ...base,
        // The link's own saga's steps when known (a custom definition in the link), else any built-in saga's.
        codec: (o) => (o.steps ? stepOrNoneFor(o.steps) : stepOrNone),
        defaultValue: 'none',
        defaultText: docs.defaultText ?? 'none',
        read: (s) => (get(s) as string | undefined) ?? 'none',
        write: (s, v) => put(s, v === 'none' ? undefined : v),
        stepsOf: (v) => (v === 'none' ? [] : [v]),
      });
    case 'stepMap': {
      const amount = amountCodec(t);
      return defineParam<Partial<Record<string, number | 'always'>>>({
        ...base,
        codec: (o) => stepMapCodec(amount, o.steps ?? LINK_STEP_IDS),
        expected: `a comma-separated list of step:n${t.always ? ' or step:always' : ''}, such as ${docs.example ?? 'payment:1'}, with n ${amount.expected.replace(/^a whole number /, '').replace(/, or always$/, '')} and each step once`,
        defaultValue: {},
        defaultText: docs.defaultText ?? 'none',
        read: (s) => nonZero(get(s) as Record<string, number | 'always'> | undefined),
        write: put,
        stepsOf: Object.keys,
      });
    }
    case 'crash':
      return defineParam<Scenario['crash'] | 'none'>({
        ...base,
        codec: (o) => (o.steps ? crashCodecFor(o.steps) : crashCodec),
        expected: 'step:before-call or step:after-commit, such as payment:after-commit (or none)',
        defaultValue: 'none',
        defaultText: docs.defaultText ?? 'none',
        read: (s) => (get(s) as Scenario['crash']) ?? 'none',
        write: (s, v) => put(s, v === 'none' ? undefined : v),
        stepsOf: (v) => (v === 'none' || v === undefined ? [] : [v.step]),
      });
    case 'schedule': {
      const max = maxSagaIndex();
      return defineParam<number[]>({
        ...base,
        description: `${docs.description.replace(/\.$/, '')} (0–${max}).`,
        codec: listCodec(intCodec(0, max), MAX_SCHEDULE_LENGTH),
        expected: `a comma-separated list of at most ${MAX_SCHEDULE_LENGTH} saga indexes from 0 to ${max}`,
        defaultText: docs.defaultText ?? 'none',
        read: (s) => ((get(s) as number[] | undefined)?.length ? (get(s) as number[]) : undefined),
        write: put,
      });
    }
    default:
      return undefined;
  }
}

const rank = (name: string) => {
  const i = LINK_ORDER.indexOf(name);
  return i < 0 ? LINK_ORDER.length : i;
};

/** Every scenario parameter a link may carry, in the order links are written. */
export const SCENARIO_PARAMS: readonly QueryParam[] = SCENARIO_FIELDS.map(paramFor)
  .filter((p): p is QueryParam => p !== undefined)
  .map((p, i) => ({ p, i }))
  .sort((a, b) => rank(a.p.name) - rank(b.p.name) || a.i - b.i)
  .map(({ p }) => p);
