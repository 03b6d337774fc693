// Links: every bad value of every parameter, hostile and odd input, and writing a link back (toQuery).
import { describe, expect, it } from 'vitest';
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
