// The host bridge: 1,000 fuzzed postMessage payloads, and the bridge posting and listening (the messages themselves: hostMessages.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createHostBridge,
  type HostWindowLike,
  type IncomingCommand,
  type MessageEventLike,
  parseIncomingMessage,
  readyMessage,
} from '../../src/embed/hostMessages';
import { lessonCompletedMessage } from '../../src/embed/lessonMessages';
import { parseQuery } from '../../src/embed/urlSchema';

// Compile-time check: a real browser window satisfies the structural type the bridge asks for.
const windowFits: Window extends HostWindowLike ? true : false = true;

const HOST = 'https://school.example';

type Expect = 'null' | IncomingCommand['type'];
type Case = { data: unknown; expect: Expect; params?: string };

const paramsString = fc
  .array(fc.tuple(fc.constantFrom('seed', 'mode', 'failAt', 'lost', 'panels', 'nope', '__proto__'), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('3', 'payment', 'payment:1', '<b>'))), {
    maxLength: 6,
  })
  .map((pairs) => new URLSearchParams(pairs).toString());

const hostileFactories: (() => unknown)[] = [
  () => new Proxy({}, { get: () => { throw new Error('trap'); }, ownKeys: () => { throw new Error('trap'); } }),
  () => new Proxy({ source: 'saga-sim', type: 'reset' }, { getOwnPropertyDescriptor: () => { throw new Error('trap'); } }),
  () => Object.defineProperty({ source: 'saga-sim' }, 'type', { get: () => 'play', enumerable: true }),
  () => {
    const o: Record<string, unknown> = { source: 'saga-sim', type: 'load' };
    o.params = o;
    return o;
  },
  () => ({ source: 'saga-sim', type: 'load', params: 'x'.repeat(1_000_000) }),
  () => ({ source: 'saga-sim'.repeat(10_000), type: 'play' }),
];
// Hostile text in a well-formed load is still a load: the schema ignores it, with safe warnings.
const hostileParams = { seed: '<img src=x onerror=alert(1)>', '"><script>': '1', lesson: 'javascript:alert(1)' };

const caseArb: fc.Arbitrary<Case> = fc.oneof(
  // Arbitrary junk, nested and of every type fast-check knows.
  { weight: 4, arbitrary: fc.anything({ maxDepth: 4, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }).map((data) => ({ data, expect: 'null' as const })) },
  // Valid commands.
  { weight: 2, arbitrary: fc.constantFrom('play', 'pause', 'reset').map((type) => ({ data: { source: 'saga-sim', type }, expect: type as Expect })) },
  { weight: 2, arbitrary: paramsString.map((params) => ({ data: { source: 'saga-sim', type: 'load', params }, expect: 'load' as const, params })) },
  {
    weight: 2,
    arbitrary: paramsString.map((params) => ({
      data: { source: 'saga-sim', type: 'load', params: Object.fromEntries(new URLSearchParams(params)) },
      expect: 'load' as const,
      // An object holds each key once: the reference is the de-duplicated pairs.
      params: new URLSearchParams(Object.entries(Object.fromEntries(new URLSearchParams(params)))).toString(),
    })),
  },
  // Valid commands spoiled by one change.
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('play', 'load'), fc.constantFrom('extraKey', 'wrongSource', 'numberValue', 'arrayParams', 'hugeParams'), fc.anything({ maxDepth: 1 }))
      .map(([type, spoil, junk]) => {
        const base: Record<string, unknown> = type === 'load' ? { source: 'saga-sim', type, params: { seed: '2' } } : { source: 'saga-sim', type };
        if (spoil === 'extraKey') base.extra = junk;
        if (spoil === 'wrongSource') base.source = 'saga-sim ';
        if (spoil === 'numberValue') base.params = { seed: 2 };
        if (spoil === 'arrayParams') base.params = ['seed=2'];
        if (spoil === 'hugeParams') base.params = 'seed=2&'.repeat(5_000);
        return { data: base, expect: 'null' as const };
      }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...hostileFactories).map((make) => ({ data: make(), expect: 'null' as const })) },
  {
    weight: 1,
    arbitrary: fc.constant({
      data: { source: 'saga-sim', type: 'load', params: hostileParams },
      expect: 'load' as const,
      params: new URLSearchParams(hostileParams).toString(),
    }),
  },
);

describe('fuzz: 1,000 postMessage payloads', () => {
  it('never throw, accept only exact shapes, and read load params like a link', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        let cmd: IncomingCommand | null = null;
        expect(() => {
          cmd = parseIncomingMessage(c.data, HOST);
        }).not.toThrow();
        const got = cmd as IncomingCommand | null;
        if (c.expect === 'null') {
          expect(got).toBeNull();
          return;
        }
        expect(got?.type).toBe(c.expect);
        if (got?.type === 'load') {
          const reference = parseQuery(c.params ?? '');
          expect(got.scenario).toEqual(reference.scenario);
          expect(got.view).toEqual(reference.view);
          expect(got.warnings).toEqual(reference.warnings);
          for (const w of got.warnings) expect(w.message).not.toContain('<');
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

// --- the bridge ----------------------------------------------------------------------------------

function fakeWindow({ embedded = true, postThrows = false } = {}) {
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const listeners = new Set<(event: MessageEventLike) => void>();
  const parent = {
    postMessage(message: unknown, targetOrigin: string) {
      if (postThrows) throw new Error('host gone');
      posted.push({ message, targetOrigin });
    },
  };
  const win: HostWindowLike = {
    parent,
    addEventListener: (_type, listener) => listeners.add(listener),
    removeEventListener: (_type, listener) => listeners.delete(listener),
  };
  if (!embedded) win.parent = win as unknown as HostWindowLike['parent'];
  const dispatch = (event: MessageEventLike) => {
    for (const l of listeners) l(event);
  };
  return { win, parent, posted, listeners, dispatch };
}

describe('createHostBridge', () => {
  it('posts to the parent with the configured origin, or * without one', () => {
    expect(windowFits).toBe(true);
    const a = fakeWindow();
    const bridge = createHostBridge({ win: a.win, parentOrigin: HOST, onCommand: () => {} });
    expect(bridge.embedded).toBe(true);
    expect(bridge.post(readyMessage())).toBe(true);
    expect(a.posted).toEqual([{ message: { source: 'saga-sim', type: 'ready' }, targetOrigin: HOST }]);

    const b = fakeWindow();
    const done = lessonCompletedMessage({ lesson: 'intro', correct: false, answer: 1, expected: 2, attempt: 1, durationMs: 5, runId: 'r', done: false });
    createHostBridge({ win: b.win, onCommand: () => {} }).post(done);
    expect(b.posted).toEqual([{ message: done, targetOrigin: '*' }]);
  });

  it('neither posts nor listens when the page is not embedded', () => {
    const w = fakeWindow({ embedded: false });
    const bridge = createHostBridge({ win: w.win, onCommand: () => {} });
    expect(bridge.embedded).toBe(false);
    expect(bridge.post(readyMessage())).toBe(false);
    expect(w.posted).toEqual([]);
    expect(w.listeners.size).toBe(0);
  });

  it('hands on valid commands from the parent and the configured origin only', () => {
    const w = fakeWindow();
    const got: IncomingCommand[] = [];
    createHostBridge({ win: w.win, parentOrigin: HOST, onCommand: (c) => got.push(c) });
    const play = { source: 'saga-sim', type: 'play' };
    w.dispatch({ data: play, origin: HOST, source: w.parent });
    w.dispatch({ data: play, origin: 'https://evil.example', source: w.parent }); // wrong origin
    w.dispatch({ data: play, origin: HOST, source: {} }); // another window of the same origin
    w.dispatch({ data: { source: 'saga-sim', type: 'fly' }, origin: HOST, source: w.parent }); // bad shape
    w.dispatch({ data: { source: 'saga-sim', type: 'load', params: 'seed=4' }, origin: HOST, source: w.parent });
    expect(got.map((c) => c.type)).toEqual(['play', 'load']);
    expect(got[1]?.type === 'load' && got[1].scenario.seed).toBe(4);
  });

  it('stops listening and posting after dispose', () => {
    const w = fakeWindow();
    const got: IncomingCommand[] = [];
    const bridge = createHostBridge({ win: w.win, onCommand: (c) => got.push(c) });
    expect(w.listeners.size).toBe(1);
    bridge.dispose();
    bridge.dispose();
    expect(w.listeners.size).toBe(0);
    w.dispatch({ data: { source: 'saga-sim', type: 'play' }, origin: HOST, source: w.parent });
    expect(got).toEqual([]);
    expect(bridge.post(readyMessage())).toBe(false);
    expect(w.posted).toEqual([]);
  });

  it('reports a failed post instead of throwing', () => {
    const w = fakeWindow({ postThrows: true });
    expect(createHostBridge({ win: w.win, onCommand: () => {} }).post(readyMessage())).toBe(false);
  });

  it('refuses a parentOrigin that is not an origin rather than falling back to *', () => {
    for (const bad of ['*', 'https://school.example/', 'school.example', 'javascript:alert(1)']) {
      expect(() => createHostBridge({ win: fakeWindow().win, parentOrigin: bad, onCommand: () => {} })).toThrow(RangeError);
    }
  });
});
