import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DEFINITIONS, definitionJsonSchema, definitionProblems } from '../../src/core';
import { SCHEMA_STEP_FIELDS } from '../../src/core/definitions/jsonSchema';
import { STEP_FIELDS } from '../../src/core/definitions/validate';

// ajv runs here only (a dev dependency): it compiles with `new Function`, so it never ships in the app.
const published = JSON.parse(readFileSync(resolve(__dirname, '../../public/saga-definition.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
const schemaAccepts = ajv.compile(published);

/** The rules a JSON Schema cannot express: they relate several steps to each other. */
const CROSS_STEP = /already the id of an earlier step|already an earlier step's table|must come before the pivot|must come after a pivot/;

const trip = () => JSON.parse(JSON.stringify(BUILT_IN_DEFINITIONS.trip));
const withStep = (i: number, patch: Record<string, unknown>) => {
  const d = trip();
  d.steps[i] = { ...d.steps[i], ...patch };
  return d;
};

const GOOD: [string, unknown][] = [
  ...Object.entries(BUILT_IN_DEFINITIONS),
  ['trip with a $schema key', { $schema: 'saga-definition.schema.json', ...trip() }],
  ['every optional field', withStep(0, { table: 'flights', timeoutMs: 5000, confirm: true, retry: { maxAttempts: 'Infinity', initialIntervalMs: 0, backoffCoefficient: 1.5, maxIntervalMs: 86_400_000, jitter: 'full' }, compensationRetry: { maxAttempts: 10 }, events: { succeeded: 'A', failed: 'B', compensated: 'C' } })],
  ['one step', { id: 'x', title: 'One', steps: [{ id: 'a', service: 'S', action: 'do it', kind: 'pivot' }] }],
];

const BAD: [string, unknown][] = [
  ['not an object', []],
  ['no steps', { id: 'x', title: 'T', steps: [] }],
  ['nine steps', { id: 'x', title: 'T', steps: Array.from({ length: 9 }, (_, i) => ({ id: `s${i}`, service: 'S', action: 'a', compensation: 'c', kind: 'compensatable' })) }],
  ['upper-case saga id', { ...trip(), id: 'Trip' }],
  ['blank title', { ...trip(), title: '   ' }],
  ['a missing compensation', withStep(0, { compensation: undefined })],
  ['an unknown kind', withStep(1, { kind: 'undoable' })],
  ['two pivots', withStep(2, { kind: 'pivot', compensation: undefined })],
  ['an unknown step field', withStep(0, { colour: 'red' })],
  ['a step id too long', withStep(0, { id: 'a'.repeat(33) })],
  ['an action too long', withStep(0, { action: 'x'.repeat(81) })],
  ['a timeout of 0', withStep(0, { timeoutMs: 0 })],
  ['a fractional timeout', withStep(0, { timeoutMs: 1.5 })],
  ['maxAttempts 0', withStep(0, { retry: { maxAttempts: 0 } })],
  ['maxAttempts "infinity"', withStep(0, { retry: { maxAttempts: 'infinity' } })],
  ['a backoff below 1', withStep(0, { retry: { backoffCoefficient: 0.5 } })],
  ['an interval over a day', withStep(0, { compensationRetry: { maxIntervalMs: 86_400_001 } })],
  ['an unknown policy field', withStep(0, { retry: { attempts: 3 } })],
  ['jitter "some"', withStep(0, { retry: { jitter: 'some' } })],
  ['events missing a topic', withStep(0, { events: { succeeded: 'A', failed: 'B' } })],
  ['confirm as text', withStep(0, { confirm: 'yes' })],
  ['a table with a capital', withStep(0, { table: 'Flights' })],
];

/** Only the validator can reject these: the schema accepts them, and the test says so. */
const CROSS: [string, unknown][] = [
  ['a duplicate id', withStep(1, { id: 'flight' })],
  ['a duplicate table', withStep(1, { table: 'flight' })],
  ['a compensatable step after the pivot', { ...trip(), steps: [...trip().steps.slice(3), ...trip().steps.slice(0, 3)] }],
  ['a retriable step before the pivot', withStep(0, { kind: 'retriable' })],
];

const clean = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('public/saga-definition.schema.json', () => {
  it('is the schema the core generates from its rules (run `npm run schema` after changing them)', () => {
    expect(published).toEqual(definitionJsonSchema());
  });

  it('describes exactly the step fields the validator knows', () => {
    expect([...SCHEMA_STEP_FIELDS].sort()).toEqual([...STEP_FIELDS].sort());
  });

  it.each(GOOD)('accepts %s, as the validator does', (_, d) => {
    expect(definitionProblems(clean(d))).toEqual([]);
    expect(schemaAccepts(clean(d))).toBe(true);
  });

  it.each(BAD)('rejects %s, as the validator does', (_, d) => {
    expect(definitionProblems(clean(d)).length).toBeGreaterThan(0);
    expect(schemaAccepts(clean(d))).toBe(false);
  });

  it.each(CROSS)('leaves %s to the validator (a rule across steps)', (_, d) => {
    const problems = definitionProblems(clean(d));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => CROSS_STEP.test(p.message))).toBe(true);
    expect(schemaAccepts(clean(d))).toBe(true);
  });

  it('agrees with the validator on random definitions, except for the rules across steps', () => {
    const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
    const policy = fc.record(
      { maxAttempts: pick<unknown>(1, 3, 0, 'Infinity', 2.5, '3'), initialIntervalMs: pick<unknown>(0, 500, -1, 86_400_001), jitter: pick<unknown>('none', 'full', 'x') },
      { requiredKeys: [] },
    );
    const step = fc.record(
      {
        id: pick<unknown>('a', 'b', 'c', 'A', '', 'a-b', 'x'.repeat(33)),
        service: pick<unknown>('S', '', ' ', 5),
        action: pick<unknown>('do', 'x'.repeat(81)),
        compensation: pick<unknown>('undo', ''),
        kind: pick<unknown>('compensatable', 'pivot', 'retriable', 'other'),
        table: pick<unknown>('t', 'u', 'T'),
        timeoutMs: pick<unknown>(1, 0, 3_600_001, 2.5),
        retry: policy,
        confirm: pick<unknown>(true, 'yes'),
      },
      { requiredKeys: ['service', 'action'] },
    );
    const definition = fc.record({ id: pick<unknown>('s', 'S'), title: pick<unknown>('T', ''), steps: fc.array(step, { minLength: 0, maxLength: 9 }) }, { requiredKeys: ['steps'] });
    fc.assert(
      fc.property(definition, (d) => {
        const problems = definitionProblems(d);
        const schema = schemaAccepts(d);
        if (problems.length === 0) return schema;
        // The validator rejects: so does the schema, unless every reason is a rule across steps.
        return !schema || problems.every((p) => CROSS_STEP.test(p.message));
      }),
      { numRuns: 2000 },
    );
  });
});
