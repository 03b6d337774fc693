import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../src/core';
import { type Scenario, STEP_IDS, type StepId } from '../../src/core/types';
import { MAX_QUERY_LENGTH, MAX_WARNINGS, parseQuery, QUERY_PARAMS, toQuery } from '../../src/embed/urlSchema';
import { ALL_PANELS, defaultView, SPEEDS, type ViewOptions } from '../../src/embed/viewOptions';

const step = fc.constantFrom(...STEP_IDS);
const stepMap = <V>(value: fc.Arbitrary<V>) => fc.dictionary(step, value, { maxKeys: 5 }) as fc.Arbitrary<Partial<Record<StepId, V>>>;

/** Scenarios a link can express, with any field possibly missing. */
const scenarioArb: fc.Arbitrary<Partial<Scenario>> = fc.record(
  {
    mode: fc.constantFrom('orchestration', 'choreography'),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    failAt: step,
    idempotencyKeys: fc.boolean(),
    lostResponses: stepMap(fc.integer({ min: 0, max: 5 })),
    compensationFailures: stepMap(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant('always' as const))),
    dropEvent: step,
    crash: fc.record(
      { step, when: fc.constantFrom('before-call', 'after-commit'), phase: fc.constantFrom('forward', 'compensation') },
      { requiredKeys: ['step', 'when'] },
    ),
    buyers: fc.integer({ min: 1, max: 4 }),
    stock: fc.integer({ min: 1, max: 3 }),
    semanticLock: fc.boolean(),
    lockPolicy: fc.constantFrom('fail', 'wait'),
    schedule: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 500 }),
    definition: fc.constantFrom('order', 'order-with-pivot'),
    serviceDelays: stepMap(fc.integer({ min: 0, max: 600_000 })),
  },
  { requiredKeys: [] },
);

const viewArb: fc.Arbitrary<Partial<ViewOptions>> = fc.record(
  {
    lesson: fc.stringMatching(/^[a-z0-9-]{1,40}$/),
    speed: fc.constantFrom(...SPEEDS),
    autoplay: fc.boolean(),
    panels: fc.subarray([...ALL_PANELS], { minLength: 1 }),
    embed: fc.boolean(),
    page: fc.constantFrom('single', 'compare', 'matrix'),
    parentOrigin: fc.oneof(
      fc.constantFrom('https://school.example', 'http://localhost:5173', 'https://courses.uni.example'),
      fc.integer({ min: 1024, max: 65535 }).map((port) => `http://127.0.0.1:${port}`),
    ),
  },
  { requiredKeys: [] },
);

/** What a scenario means once read back: defaults filled, "nothing" spelled as absence. */
function normalizeScenario(s: Partial<Scenario>): Scenario {
  const out: Scenario = { ...parseQuery('').scenario, ...s };
  const dropZeros = <V>(m: Partial<Record<StepId, V | 0>> | undefined) => {
    const kept = Object.entries(m ?? {}).filter(([, v]) => v !== 0);
    return kept.length ? Object.fromEntries(kept) : undefined;
  };
  out.lostResponses = dropZeros(out.lostResponses);
  out.compensationFailures = dropZeros(out.compensationFailures);
  out.serviceDelays = dropZeros(out.serviceDelays);
  if (out.crash?.phase === 'forward') out.crash = { step: out.crash.step, when: out.crash.when };
  if (!out.schedule?.length) out.schedule = undefined;
  return JSON.parse(JSON.stringify(out)); // drops the keys left undefined
}

const normalizeView = (v: Partial<ViewOptions>): ViewOptions => {
  const { page, ...rest } = v;
  // The single run is the page a link shows when it says nothing.
  return { ...defaultView, ...rest, ...(page && page !== 'single' ? { page } : {}), panels: ALL_PANELS.filter((p) => (v.panels ?? defaultView.panels).includes(p)) };
};

describe('state → URL → state', () => {
  it('round-trips every expressible state, with no warnings and no defaults in the URL', () => {
    fc.assert(
      fc.property(scenarioArb, viewArb, (scenario, view) => {
        const q = toQuery(scenario, view);
        const back = parseQuery(`?${q}`);
        expect(back.warnings).toEqual([]);
        expect(back.scenario).toEqual(normalizeScenario(scenario));
        expect(back.view).toEqual(normalizeView(view));
        // Canonical: writing what was read gives the same link.
        expect(toQuery(back.scenario, back.view)).toBe(q);
        // No parameter in the link merely repeats its default.
        for (const pair of q ? q.split('&') : []) {
          const alone = parseQuery(pair);
          expect(alone.warnings).toEqual([]);
          expect(toQuery(alone.scenario, alone.view)).toBe(pair);
        }
        expect(() => resolveScenario(back.scenario)).not.toThrow();
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

// --- fuzzing the reader ------------------------------------------------------------------------

const NAMES = QUERY_PARAMS.map((p) => p.name);
const SAMPLE_VALUES = [
  'payment',
  'none',
  '0',
  '1',
  '2',
  '4',
  '0.5',
  'choreography',
  'orchestration',
  'payment:1',
  'order:always',
  'payment:after-commit',
  'inventory:before-call:compensation',
  'wait',
  'fail',
  'order-with-pivot',
  'timeline,log',
  'https://school.example',
  '0,1,2,3',
  'intro-1',
];
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  'javascript:alert(1)',
  '\u202Egnp.exe',
  '%',
  '%zz',
  '%E0%A4%A',
  '+',
  '&',
  '=',
  '\u0000',
];

const nameArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'Seed', 'FAILAT', '') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const valueArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SAMPLE_VALUES) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.string({ minLength: 2100, maxLength: 2500 }) },
);
/** A pair, either percent-encoded or pasted raw (which can split into several pairs, as in real links). */
const pairArb = fc.tuple(nameArb, valueArb, fc.boolean()).map(([n, v, encode]) => (encode ? new URLSearchParams([[n, v]]).toString() : `${n}=${v}`));
const queryArb = fc.oneof(
  { weight: 20, arbitrary: fc.array(pairArb, { maxLength: 8 }).map((pairs) => `?${pairs.join('&')}`) },
  { weight: 1, arbitrary: fc.string({ minLength: MAX_QUERY_LENGTH + 1, maxLength: 3 * MAX_QUERY_LENGTH }) },
);

/** Names whose value differs from the default in a parsed state: exactly those toQuery writes. */
const changedNames = (parsed: ReturnType<typeof parseQuery>) =>
  new Set([...new URLSearchParams(toQuery(parsed.scenario, parsed.view)).keys()]);

describe('fuzz: 1,000 generated query strings', () => {
  it('never throw, keep defaults where a value was ignored, and warn about everything ignored', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const parsed = parseQuery(q);
        for (const w of parsed.warnings) {
          expect(w.message).not.toMatch(/[<>&\p{Cc}\p{Cf}]/u);
          expect(w.message.length).toBeLessThan(400);
        }
        expect(parsed.warnings.length).toBeLessThanOrEqual(MAX_WARNINGS + 1);
        expect(() => resolveScenario(parsed.scenario)).not.toThrow();
        // Reading what we understood gives it back, cleanly.
        const again = parseQuery(toQuery(parsed.scenario, parsed.view));
        expect(again.warnings).toEqual([]);
        expect(again.scenario).toEqual(parsed.scenario);
        expect(again.view).toEqual(parsed.view);

        if (q.length > MAX_QUERY_LENGTH) {
          expect(parsed.warnings[0]?.param).toBe('');
          return;
        }
        // The platform's own reading of the link is the reference for which pairs it holds.
        const pairs = [...new URLSearchParams(q)];
        // Each pair gives at most one warning, so below the cap every one of them is listed.
        if (pairs.length > MAX_WARNINGS) return;
        const first = new Map<string, string>();
        for (const [n, v] of pairs) if (!first.has(n)) first.set(n, v);
        const changed = changedNames(parsed);
        const warned = new Set(parsed.warnings.map((w) => w.param));
        for (const name of NAMES) {
          const value = first.get(name);
          if (value === undefined) {
            expect(changed.has(name)).toBe(false); // absent → default
            continue;
          }
          const alone = parseQuery(new URLSearchParams([[name, value]]).toString());
          if (alone.warnings.length > 0) {
            expect(changed.has(name)).toBe(false); // ignored → default
            expect(warned.has(name)).toBe(true); // ignored → warned
          } else {
            // Valid → read exactly as it reads alone, whatever else the link holds.
            expect(new URLSearchParams(toQuery(parsed.scenario, parsed.view)).get(name)).toBe(
              new URLSearchParams(toQuery(alone.scenario, alone.view)).get(name),
            );
          }
        }
        const unknown = [...first.keys()].filter((n) => !NAMES.includes(n));
        expect(parsed.warnings.filter((w) => w.message.startsWith('Unknown parameter'))).toHaveLength(unknown.length);
        const repeated = NAMES.filter((n) => pairs.filter(([k]) => k === n).length > 1);
        expect(parsed.warnings.filter((w) => w.message.includes('more than once')).map((w) => w.param).sort()).toEqual(repeated.sort());
        // No warnings means nothing was ignored.
        if (parsed.warnings.length === 0) {
          expect(unknown).toEqual([]);
          expect(repeated).toEqual([]);
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});
