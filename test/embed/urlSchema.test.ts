// Links: what an empty link and every valid value of every parameter read as (bad and hostile input: urlSchemaBadInput.test.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, MAX_FAULT_COUNT, MAX_SERVICE_DELAY_MS, resolveScenario, SCENARIO_FIELDS } from '../../src/core';
import {
  defaultScenario,
  defaultView,
  parseQuery,
  QUERY_PARAMS,
  toQuery,
} from '../../src/embed/urlSchema';

const DEFAULTS = parseQuery('');

describe('parseQuery: an empty link', () => {
  it('gives the default scenario and view, with no warnings', () => {
    expect(DEFAULTS.warnings).toEqual([]);
    expect(DEFAULTS.scenario).toEqual(defaultScenario);
    expect(DEFAULTS.view).toEqual(defaultView);
    expect(parseQuery('?')).toEqual(DEFAULTS);
  });

  it('uses the same scenario defaults as the core', () => {
    expect(defaultScenario).toEqual(DEFAULT_SCENARIO);
  });
});

describe('parseQuery: valid values', () => {
  const cases: [string, object][] = [
    ['lesson=intro-1', { view: { lesson: 'intro-1' } }],
    ['mode=choreography', { scenario: { mode: 'choreography' } }],
    ['seed=0', { scenario: { seed: 0 } }],
    ['seed=2147483647', { scenario: { seed: 2147483647 } }],
    ['failAt=payment', { scenario: { failAt: 'payment' } }],
    ['keys=0', { scenario: { idempotencyKeys: false } }],
    ['lost=payment:1,order:5', { scenario: { lostResponses: { payment: 1, order: 5 } } }],
    ['compFail=payment:always,delivery:2', { scenario: { compensationFailures: { payment: 'always', delivery: 2 } } }],
    ['lock=0', { scenario: { semanticLock: false } }],
    ['lockPolicy=wait', { scenario: { lockPolicy: 'wait' } }],
    ['buyers=4', { scenario: { buyers: 4 } }],
    ['stock=3', { scenario: { stock: 3 } }],
    ['drop=warehouse', { scenario: { dropEvent: 'warehouse' } }],
    ['crash=payment:after-commit', { scenario: { crash: { step: 'payment', when: 'after-commit' } } }],
    ['crash=order:before-call:compensation', { scenario: { crash: { step: 'order', when: 'before-call', phase: 'compensation' } } }],
    ['definition=order-with-pivot', { scenario: { definition: 'order-with-pivot' } }],
    ['speed=0.5', { view: { speed: 0.5 } }],
    ['autoplay=1', { view: { autoplay: true } }],
    ['panels=log,timeline', { view: { panels: ['timeline', 'log'] } }],
    ['embed=1', { view: { embed: true } }],
    ['parentOrigin=https://school.example', { view: { parentOrigin: 'https://school.example' } }],
    ['parentOrigin=http://localhost:8080', { view: { parentOrigin: 'http://localhost:8080' } }],
    ['schedule=0,1,3,2', { scenario: { schedule: [0, 1, 3, 2] } }],
    [`schedule=${Array(500).fill('1').join(',')}`, { scenario: { schedule: Array(500).fill(1) } }],
    ['view=trace', { view: { page: 'trace' } }],
    ['baseline=none', { view: { baseline: 'none' } }],
    ['baseline=defaults', { view: { baseline: { seed: 1, mode: 'orchestration' } } }],
    ['baseline=seed%3D2%26failAt%3Dpayment', { view: { baseline: { seed: 2, failAt: 'payment' } } }],
  ];
  it.each(cases)('%s', (q, expected) => {
    const parsed = parseQuery(`?${q}`);
    expect(parsed.warnings).toEqual([]);
    expect(parsed).toMatchObject(expected);
  });

  it('reads the percent-encoded form a browser may produce', () => {
    expect(parseQuery('lost=payment%3A1&parentOrigin=https%3A%2F%2Fschool.example').warnings).toEqual([]);
    expect(parseQuery('lost=payment%3A1').scenario.lostResponses).toEqual({ payment: 1 });
  });

  it("reads a trip link's steps in either parameter order, and checks them against the chosen saga", () => {
    for (const q of ['definition=trip&failAt=car&lost=payment:2&crash=hotel:before-call', 'failAt=car&crash=hotel:before-call&lost=payment:2&definition=trip']) {
      const parsed = parseQuery(q);
      expect(parsed.warnings).toEqual([]);
      expect(parsed.scenario).toMatchObject({ definition: 'trip', failAt: 'car', lostResponses: { payment: 2 }, crash: { step: 'hotel', when: 'before-call' } });
      expect(() => resolveScenario(parsed.scenario)).not.toThrow();
    }
    expect(toQuery({ definition: 'trip', failAt: 'car' })).toBe('failAt=car&definition=trip');
    // The order saga has no car: the value is set aside, the warning names the parameter and the saga's steps.
    const wrong = parseQuery('failAt=car&compFail=flight:1');
    expect(wrong.scenario.failAt).toBeUndefined();
    expect(wrong.scenario.compensationFailures).toEqual({});
    expect(wrong.warnings.map((w) => w.param)).toEqual(['failAt', 'compFail']);
    expect(wrong.warnings[0]?.message).toBe(
      'The failAt parameter names the step "car", but the order saga\'s steps are inventory, order, payment, warehouse, delivery. Using the default: none (no step fails).',
    );
  });

  it('has a parameter for every scenario field a link can express, with the table’s ranges', () => {
    const names = QUERY_PARAMS.filter((p) => p.target === 'scenario').map((p) => p.name);
    expect(names).toHaveLength(SCENARIO_FIELDS.length - 1); // all but the retry policy
    const parsed = parseQuery(`lost=payment:${MAX_FAULT_COUNT}&compFail=order:${MAX_FAULT_COUNT}&delay=payment:${MAX_SERVICE_DELAY_MS}&compensate=0`);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.scenario).toMatchObject({ lostResponses: { payment: MAX_FAULT_COUNT }, compensationFailures: { order: MAX_FAULT_COUNT }, serviceDelays: { payment: MAX_SERVICE_DELAY_MS }, compensate: false });
    expect(() => resolveScenario(parsed.scenario)).not.toThrow();
    expect(parseQuery(`lost=payment:${MAX_FAULT_COUNT + 1}`).warnings[0]?.message).toContain(`from 1 to ${MAX_FAULT_COUNT}`);
    expect(toQuery({ compensate: false, serviceDelays: { payment: 3000 } })).toBe('compensate=0&delay=payment:3000');
  });

  it('treats none as the absence of a failure, drop or crash', () => {
    const parsed = parseQuery('failAt=none&drop=none&crash=none');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.scenario).toEqual(defaultScenario);
  });

  it('accepts only the given lesson ids when a list is passed', () => {
    const known = { lessonIds: ['happy-path', 'idempotency'] };
    expect(parseQuery('lesson=idempotency', known).view.lesson).toBe('idempotency');
    const unknown = parseQuery('lesson=intro', known);
    expect(unknown.view.lesson).toBeUndefined();
    expect(unknown.warnings).toHaveLength(1);
    expect(unknown.warnings[0]?.message).toContain('happy-path, idempotency');
    expect(unknown.warnings[0]?.message).toContain('no lesson');
  });

  it('gives every parsed scenario to the core without complaint', () => {
    const parsed = parseQuery(
      'mode=choreography&failAt=delivery&lost=payment:5&compFail=order:always&buyers=4&stock=3&drop=order&crash=inventory:before-call:compensation&schedule=3,2,1,0&definition=order-with-pivot&lockPolicy=wait',
    );
    expect(parsed.warnings).toEqual([]);
    expect(() => resolveScenario(parsed.scenario)).not.toThrow();
  });
});

/** Bad values for every parameter; the test below fails when a parameter is added without any. */
