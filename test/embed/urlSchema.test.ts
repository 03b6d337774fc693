import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, MAX_FAULT_COUNT, MAX_SERVICE_DELAY_MS, resolveScenario, SCENARIO_FIELDS } from '../../src/core';
import {
  defaultScenario,
  defaultView,
  MAX_QUERY_LENGTH,
  MAX_WARNINGS,
  parseQuery,
  parseQueryEntries,
  QUERY_PARAMS,
  toQuery,
} from '../../src/embed/urlSchema';

const DEFAULTS = parseQuery('');
const query = (name: string, value: string) => new URLSearchParams([[name, value]]).toString();

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
const BAD_VALUES: Record<string, string[]> = {
  lesson: ['', 'Intro', 'a'.repeat(41), 'x y', 'lesson_1', '<img src=x onerror=alert(1)>'],
  mode: ['', 'orchestrate', 'ORCHESTRATION', '"><script>alert(1)</script>'],
  seed: ['', '-1', '2147483648', '1.5', '1e3', 'abc', ' 1', '0x10', '99999999999', 'Infinity', 'NaN'],
  failAt: ['', 'Payment', 'pay', 'javascript:alert(1)', 'payment,order'],
  keys: ['', 'true', '2', 'yes', '01'],
  lost: ['', 'payment', 'payment:0', 'payment:21', 'payment:1,payment:2', 'refund:1', 'payment:1,', 'payment:always', ':1'],
  compFail: ['', 'payment', 'payment:0', 'payment:never', 'payment:1,payment:always', 'payment:21'],
  compensate: ['', 'true', 'off'],
  lock: ['', 'on', 'false'],
  lockPolicy: ['', 'retry', 'Fail'],
  buyers: ['', '0', '5', 'two', '1.0'],
  stock: ['', '0', '4', '-1'],
  drop: ['', 'all', 'PAYMENT'],
  crash: ['', 'payment', 'payment:during', 'payment:after-commit:forward', 'x:before-call', 'payment:before-call:compensation:x', ':after-commit'],
  definition: ['', 'pivot', 'ORDER'],
  view: ['', 'Matrix', 'grid', 'single,matrix', 'waterfall', 'Trace', 'single,trace'],
  delay: ['', 'payment', 'payment:0', 'payment:600001', 'payment:always', 'payment:1.5', 'payment:1,payment:2', 'refund:100'],
  speed: ['', '3', '0', '.5', '1.0', '16', '-1'],
  autoplay: ['', 'true', 'on'],
  panels: ['', 'timeline,', 'timeline,timeline', 'charts', 'services,<b>', ','],
  embed: ['', 'yes', 'true'],
  step: ['', '-1', '1.5', '10000', 'end', '3,4'],
  xapi: ['', 'yes', 'true'],
  parentOrigin: [
    '',
    'https://school.example/',
    'https://school.example/course',
    'javascript:alert(1)',
    'ftp://school.example',
    'null',
    '*',
    'https://user@school.example',
    'HTTPS://school.example',
    'school.example',
    'http://localhost:80',
    `https://${'a'.repeat(3000)}.example`,
  ],
  schedule: ['', '4', '0,,1', '-1', Array(501).fill('0').join(','), '0,1,x', '0.5', '1,'],
  // A baseline carries a scenario only: no view settings, no baseline of its own, nothing invalid.
  baseline: ['', 'seed%3Dx', 'view%3Dtrace', 'baseline%3Dnone', 'speed%3D2', 'bogus%3D1', 'seed%3D1%26seed%3D2'],
};

describe('parseQuery: every bad value of every parameter', () => {
  it('has bad values listed for every parameter of the schema', () => {
    expect(Object.keys(BAD_VALUES).sort()).toEqual(QUERY_PARAMS.map((p) => p.name).sort());
  });

  const cases = QUERY_PARAMS.flatMap((p) => (BAD_VALUES[p.name] ?? []).map((bad) => [p.name, bad, p.defaultText] as const));
  it.each(cases)('%s=%j is ignored with a warning naming the parameter and its default', (name, bad, defaultText) => {
    const parsed = parseQuery(query(name, bad));
    expect(parsed.scenario).toEqual(DEFAULTS.scenario);
    expect(parsed.view).toEqual(DEFAULTS.view);
    expect(parsed.warnings).toHaveLength(1);
    const [warning] = parsed.warnings;
    expect(warning?.param).toBe(name);
    expect(warning?.message).toContain(` ${name} `);
    expect(warning?.message).toContain(`default: ${defaultText}`);
    expect(warning?.message).not.toMatch(/[<>]/);
  });

  it('keeps the valid parameters next to a bad one', () => {
    const parsed = parseQuery('seed=7&buyers=9&mode=choreography');
    expect(parsed.scenario).toMatchObject({ seed: 7, buyers: 1, mode: 'choreography' });
    expect(parsed.warnings.map((w) => w.param)).toEqual(['buyers']);
  });
});

describe('parseQuery: hostile and odd input', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    '"><script>alert(document.cookie)</script>',
    "'><svg onload=alert(1)>",
    'javascript:alert(1)',
    '&lt;b&gt;',
    '\u202Eevil\u202C',
    'a\u0000b\nc',
    '%3Cscript%3E',
  ];

  it.each(hostile)('never puts markup, quotes or control characters of %j into a warning', (bad) => {
    for (const text of [query('seed', bad), query(bad, '1'), `${bad}=${bad}`]) {
      const { warnings } = parseQuery(text);
      expect(warnings.length).toBeGreaterThan(0);
      for (const w of warnings) {
        expect(w.message).not.toMatch(/[<>&\p{Cc}\p{Cf}]/u);
        expect(w.param).not.toMatch(/[<>&"'\p{Cc}\p{Cf}]/u);
        // The excerpt sits between the message's own quotes and cannot contain another one.
        expect(w.message.split('"').length).toBeLessThanOrEqual(5);
      }
    }
  });

  it('quotes at most 40 characters of a long value', () => {
    const long = `${'b'.repeat(100)}`;
    const [warning] = parseQuery(query('mode', long)).warnings;
    expect(warning?.message).toContain(`"${'b'.repeat(40)}…"`);
    expect(warning?.message).not.toContain('b'.repeat(41));
  });

  it('warns about unknown parameters once each, and suggests the right spelling', () => {
    const { warnings } = parseQuery('foo=1&Seed=3&foo=2&failat=payment');
    expect(warnings.map((w) => w.param)).toEqual(['foo', 'Seed', 'failat']);
    expect(warnings[0]?.message).toBe('Unknown parameter "foo", ignored.');
    expect(warnings[1]?.message).toContain('Did you mean "seed"?');
    expect(warnings[2]?.message).toContain('Did you mean "failAt"?');
  });

  it('treats object-prototype names as unknown parameters', () => {
    const parsed = parseQuery('__proto__=x&constructor=1&toString=2&hasOwnProperty=3');
    expect(parsed.warnings.map((w) => w.param)).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(parsed.scenario).toEqual(defaultScenario);
    expect(Object.getPrototypeOf(parsed.scenario)).toBe(Object.prototype);
  });

  it('reads the first of repeated parameters and warns once', () => {
    const parsed = parseQuery('seed=5&seed=6&seed=7');
    expect(parsed.scenario.seed).toBe(5);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatchObject({ param: 'seed' });
    expect(parsed.warnings[0]?.message).toContain('more than once');
  });

  it('does not let a later repeat rescue an invalid first value', () => {
    const parsed = parseQuery('seed=x&seed=6');
    expect(parsed.scenario.seed).toBe(1);
    expect(parsed.warnings.map((w) => w.param)).toEqual(['seed', 'seed']);
  });

  it('survives broken percent-encoding', () => {
    const parsed = parseQuery('seed=%&mode=%zz&lesson=%E0%A4%A&%=1');
    expect(parsed.scenario).toEqual(defaultScenario);
    expect(parsed.warnings.map((w) => w.param)).toEqual(['seed', 'mode', 'lesson', '%']);
  });

  it('reads only the start of a 100 kB query and says so', () => {
    const huge = `seed=5&${'junk=1&'.repeat(15_000)}mode=choreography`;
    expect(huge.length).toBeGreaterThan(100_000);
    const parsed = parseQuery(huge);
    expect(parsed.scenario.seed).toBe(5);
    expect(parsed.scenario.mode).toBe('orchestration');
    expect(parsed.warnings[0]).toEqual({
      param: '',
      message: `The link's settings are longer than ${MAX_QUERY_LENGTH} characters; everything after that was ignored.`,
    });
  });

  it('ignores a 100 kB value without quoting it', () => {
    const parsed = parseQuery(`lesson=${'a'.repeat(100_000)}`);
    expect(parsed.view.lesson).toBeUndefined();
    for (const w of parsed.warnings) expect(w.message.length).toBeLessThan(300);
  });

  it('caps the number of warnings and counts the rest', () => {
    const names = Array.from({ length: 50 }, (_, i) => `x${i}=1`).join('&');
    const { warnings } = parseQuery(names);
    expect(warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(warnings.at(-1)).toEqual({ param: '', message: '30 more problems with the link were ignored as well.' });
  });

  it('reads decoded pairs exactly like a query string', () => {
    const pairs: [string, string][] = [
      ['seed', '9'],
      ['lost', 'payment:2'],
      ['bogus', '<b>'],
      ['seed', '3'],
    ];
    expect(parseQueryEntries(pairs)).toEqual(parseQuery(new URLSearchParams(pairs).toString()));
  });
});

describe('toQuery', () => {
  it('writes nothing for the defaults', () => {
    expect(toQuery({}, {})).toBe('');
    expect(toQuery(defaultScenario, defaultView)).toBe('');
    expect(toQuery({ failAt: undefined, lostResponses: {}, compensationFailures: { payment: 0 }, schedule: [] }, {})).toBe('');
  });

  it('writes readable, canonical links', () => {
    expect(
      toQuery(
        { mode: 'choreography', lostResponses: { order: 2, payment: 1 }, crash: { step: 'payment', when: 'after-commit' } },
        { panels: ['log', 'timeline'], parentOrigin: 'https://school.example', speed: 2 },
      ),
    ).toBe('mode=choreography&lost=order:2,payment:1&crash=payment:after-commit&speed=2&panels=timeline,log&parentOrigin=https://school.example');
  });

  it('leaves out what a link cannot express instead of writing a value the reader would reject', () => {
    const q = toQuery(
      { retry: { maxAttempts: 9 }, lostResponses: { payment: 21 }, seed: -3, buyers: 2.5 },
      { panels: [], speed: 3 as 1, parentOrigin: 'https://school.example/' },
    );
    expect(q).toBe('');
  });

  it('never throws on values of the wrong shape from JavaScript callers', () => {
    const junk = { lostResponses: null, crash: 'payment', schedule: 'abc', mode: 42 } as never;
    expect(() => toQuery(junk, { panels: null } as never)).not.toThrow();
    expect(parseQuery(toQuery(junk, {})).warnings).toEqual([]);
  });
});
