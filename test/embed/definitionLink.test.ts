import { describe, expect, it } from 'vitest';
import { BUILT_IN_DEFINITIONS, runScenario, type SagaDefinitionJson } from '../../src/core';
import { decodeDefinition, encodeDefinition, MAX_DEF_JSON_BYTES, parseLink } from '../../src/embed/definitionLink';
import { parseIncomingMessage } from '../../src/embed/hostMessages';
import { plainData } from '../../src/embed/plainData';

const HOST = 'https://school.example';
const trip = (): SagaDefinitionJson => JSON.parse(JSON.stringify({ ...BUILT_IN_DEFINITIONS.trip, id: 'my-trip' }));

/** deflate-raw + base64url of any text, as a hostile link would carry it. */
async function pack(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('a custom saga in a link (def=)', () => {
  it('round-trips through deflate-raw and base64url, in a short URL-safe value', async () => {
    const text = await encodeDefinition(trip());
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(text.length).toBeLessThan(JSON.stringify(trip()).length);
    expect(await decodeDefinition(text)).toEqual({ ok: true, definition: trip() });
  });

  it('reads the other parameters against the saga’s own steps, so the run reproduces', async () => {
    const parsed = await parseLink(`failAt=car&seed=4&def=${await encodeDefinition(trip())}`);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.scenario.failAt).toBe('car');
    const run = runScenario(parsed.scenario);
    expect(run.outcome).toBe('compensated');
    expect(run.trace.filter((e) => e.type === 'compensation.succeeded').map((e) => e.step)).toEqual(['hotel', 'flight']);
  });

  it('falls back to the order saga with the problems as text when the saga breaks a rule', async () => {
    const bad = { ...trip(), steps: [...trip().steps, { id: 'flight', service: '<img src=x onerror=alert(1)>', action: 'x', kind: 'retriable' }] };
    const parsed = await parseLink(`failAt=car&def=${await pack(JSON.stringify(bad))}`);
    expect(parsed.scenario.definition).toBe('order');
    expect(parsed.warnings[0].message).toMatch(/cannot run, so the order saga runs instead/);
    expect(parsed.warnings.map((w) => w.message)).toContain('steps[4].id: "flight" is already the id of an earlier step');
    // failAt=car names no step of the order saga: ignored, with its own warning.
    expect(parsed.scenario.failAt).toBeUndefined();
    expect(parsed.warnings.some((w) => w.param === 'failAt')).toBe(true);
  });

  it('explains, and never throws on, values that are not a packed saga', async () => {
    for (const text of ['', '%%%', 'AAAA', 'not-base64-deflate', await pack('{"id": 1'), await pack('[]')]) {
      const r = await decodeDefinition(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.length).toBeGreaterThan(0);
    }
  });

  it('stops unpacking a value that inflates beyond the cap (a zip bomb)', async () => {
    const bomb = await pack(' '.repeat(MAX_DEF_JSON_BYTES * 20));
    expect(bomb.length).toBeLessThan(4000);
    const r = await decodeDefinition(bomb);
    expect(r).toEqual({ ok: false, problems: [{ path: '', message: expect.stringMatching(/unpacks to more than/) }] });
  });
});

describe('a custom saga in the host page’s load command', () => {
  it('loads a definition and reads params against its steps', () => {
    const cmd = parseIncomingMessage({ source: 'saga-sim', type: 'load', params: 'failAt=car', definition: trip() }, HOST);
    expect(cmd?.type).toBe('load');
    if (cmd?.type !== 'load') return;
    expect(cmd.warnings).toEqual([]);
    expect(cmd.scenario.definition).toEqual(trip());
    expect(runScenario(cmd.scenario).outcome).toBe('compensated');
  });

  it('shows a bad definition’s problems as warnings and runs the order saga', () => {
    const cmd = parseIncomingMessage({ source: 'saga-sim', type: 'load', params: { seed: '2' }, definition: { id: 'x', title: 'T', steps: [] } }, HOST);
    if (cmd?.type !== 'load') throw new Error('expected a load command');
    expect(cmd.scenario.definition).toBe('order');
    expect(cmd.scenario.seed).toBe(2);
    expect(cmd.warnings.map((w) => w.message)).toContain('steps: must be a list of 1 to 8 steps');
  });

  it('never runs a sender’s getter, and refuses what is not plain data', () => {
    let reads = 0;
    const sneaky = trip() as unknown as Record<string, unknown>;
    Object.defineProperty(sneaky, 'title', {
      enumerable: true,
      get: () => {
        reads++;
        return 'Book a trip';
      },
    });
    const cmd = parseIncomingMessage({ source: 'saga-sim', type: 'load', params: '', definition: sneaky }, HOST);
    expect(reads).toBe(0);
    if (cmd?.type !== 'load') throw new Error('expected a load command');
    expect(cmd.scenario.definition).toBe('order');
    expect(cmd.warnings[1].message).toMatch(/not plain JSON data/);
    const proxy = new Proxy(trip(), {
      ownKeys: () => {
        throw new Error('trap');
      },
    });
    expect(parseIncomingMessage({ source: 'saga-sim', type: 'load', params: '', definition: proxy }, HOST)?.type).toBe('load');
  });

  it('copies plain data only, keeping "__proto__" a plain key', () => {
    const copy = plainData(JSON.parse('{"__proto__": {"polluted": 1}, "a": [1, "x", null]}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(plainData(new Date())).toBeUndefined();
    expect(plainData({ a: () => 1 })).toBeUndefined();
    expect(plainData(Number.NaN)).toBeUndefined();
  });
});
