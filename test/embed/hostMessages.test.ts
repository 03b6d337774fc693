// The messages the embed exchanges with its host page: their shapes, and how incoming ones are read (the bridge and the fuzz: hostBridge.test.ts).
import { describe, expect, it } from 'vitest';
import {
  parseIncomingMessage,
  readyMessage,
  runFinishedMessage,
} from '../../src/embed/hostMessages';
import { lessonCompletedMessage } from '../../src/embed/lessonMessages';
import { resizeMessage } from '../../src/embed/outgoingMessages';
import { MAX_QUERY_LENGTH, parseQuery } from '../../src/embed/urlSchema';
import { runScenario } from '../../src/core';

const HOST = 'https://school.example';

describe('outgoing messages', () => {
  it('have the documented shapes', () => {
    expect(readyMessage()).toEqual({ source: 'saga-sim', type: 'ready' });
    const order = ['inventory', 'order'] as const;
    const msg = lessonCompletedMessage({ lesson: 'idempotency', correct: false, answer: order, expected: 2, attempt: 2, durationMs: 1234.4, runId: 'r-1', done: true });
    expect(msg).toEqual({
      source: 'saga-sim',
      type: 'lesson-completed',
      lesson: 'idempotency',
      correct: false,
      answer: ['inventory', 'order'],
      expected: 2,
      attempt: 2,
      durationMs: 1234,
      runId: 'r-1',
      done: true,
    });
    expect(msg.answer).not.toBe(order);
    expect(resizeMessage(640.2)).toEqual({ source: 'saga-sim', type: 'resize', height: 641 });
  });

  it('copy a run into plain data that postMessage can clone', () => {
    const run = {
      outcome: 'needs-attention' as const,
      violations: [{ invariant: 'no-double-charge', message: 'Order o-1 was charged $80 for a $40 order.', extra: () => 1 }],
      alerts: [
        { saga: 's-1', step: 'payment' as const, message: 'Refund failed.', resolve: () => undefined },
        { saga: 's-2', message: 'Stuck.' },
      ],
      trace: [{ seq: 0, at: 0, saga: 's-1', type: 'saga.started' }],
      scenario: runScenario({ failAt: 'payment' }).scenario,
    };
    const msg = runFinishedMessage(run, 'r-7');
    expect(msg).toEqual({
      source: 'saga-sim',
      type: 'run-finished',
      runId: 'r-7',
      scenario: run.scenario,
      outcome: 'needs-attention',
      violations: [{ invariant: 'no-double-charge', message: 'Order o-1 was charged $80 for a $40 order.' }],
      alerts: [
        { saga: 's-1', step: 'payment', message: 'Refund failed.' },
        { saga: 's-2', message: 'Stuck.' },
      ],
    });
    expect(() => structuredClone(run)).toThrow();
    expect(structuredClone(msg)).toEqual(msg);
  });
});

describe('parseIncomingMessage', () => {
  it('accepts the four bare commands', () => {
    for (const type of ['play', 'pause', 'reset', 'ping'] as const) {
      expect(parseIncomingMessage({ source: 'saga-sim', type }, HOST)).toEqual({ type });
    }
  });


  it('reads load params given as a query string through the URL schema', () => {
    const cmd = parseIncomingMessage({ source: 'saga-sim', type: 'load', params: '?failAt=payment&seed=9&panels=timeline&bogus=1' }, HOST);
    expect(cmd).toEqual({ type: 'load', ...parseQuery('failAt=payment&seed=9&panels=timeline&bogus=1') });
    expect(cmd?.type === 'load' && cmd.scenario.failAt).toBe('payment');
    expect(cmd?.type === 'load' && cmd.warnings.map((w) => w.param)).toEqual(['bogus']);
  });

  it('reads load params given as a flat object of strings the same way', () => {
    const cmd = parseIncomingMessage({ source: 'saga-sim', type: 'load', params: { mode: 'choreography', drop: 'order', seed: 'x' } }, HOST);
    expect(cmd).toEqual({ type: 'load', ...parseQuery('mode=choreography&drop=order&seed=x') });
    expect(cmd?.type === 'load' && cmd.scenario.seed).toBe(1);
  });

  it('checks the origin only when one is configured', () => {
    const play = { source: 'saga-sim', type: 'play' };
    expect(parseIncomingMessage(play, 'https://evil.example', HOST)).toBeNull();
    expect(parseIncomingMessage(play, HOST, HOST)).toEqual({ type: 'play' });
    expect(parseIncomingMessage(play, 'https://anyone.example')).toEqual({ type: 'play' });
  });

  it('checks the lesson against the known ids when given', () => {
    const cmd = parseIncomingMessage({ source: 'saga-sim', type: 'load', params: 'lesson=nope' }, HOST, undefined, { lessonIds: ['intro'] });
    expect(cmd?.type === 'load' && cmd.view.lesson).toBeUndefined();
    expect(cmd?.type === 'load' && cmd.warnings[0]?.param).toBe('lesson');
  });

  const rejected: [string, unknown][] = [
    ['null', null],
    ['a string', 'play'],
    ['an array', ['saga-sim', 'play']],
    ['no source', { type: 'play' }],
    ['another source', { source: 'other-widget', type: 'play' }],
    ['an unknown type', { source: 'saga-sim', type: 'explode' }],
    ['an outgoing type', readyMessage()],
    ['an extra key', { source: 'saga-sim', type: 'play', speed: 2 }],
    ['params on play', { source: 'saga-sim', type: 'play', params: '' }],
    ['load without params', { source: 'saga-sim', type: 'load' }],
    ['params of a wrong type', { source: 'saga-sim', type: 'load', params: 42 }],
    ['params as an array', { source: 'saga-sim', type: 'load', params: [['seed', '1']] }],
    ['a number param value', { source: 'saga-sim', type: 'load', params: { seed: 7 } }],
    ['a nested param value', { source: 'saga-sim', type: 'load', params: { seed: { value: '7' } } }],
    ['a huge params string', { source: 'saga-sim', type: 'load', params: `seed=1&${'x'.repeat(MAX_QUERY_LENGTH)}` }],
    ['a huge param value', { source: 'saga-sim', type: 'load', params: { lesson: 'a'.repeat(100_000) } }],
    ['too many param keys', { source: 'saga-sim', type: 'load', params: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, '1'])) }],
    ['a class instance', new (class Msg {
      source = 'saga-sim';
      type = 'play';
    })()],
    ['a Map', new Map([['source', 'saga-sim'], ['type', 'play']])],
    ['a symbol key', { source: 'saga-sim', type: 'play', [Symbol('x')]: 1 }],
  ];
  it.each(rejected)('rejects %s', (_label, data) => {
    expect(parseIncomingMessage(data, HOST)).toBeNull();
  });

  it('never runs a getter and never throws on hostile objects', () => {
    let getterRan = false;
    const withGetter = {
      source: 'saga-sim',
      get type() {
        getterRan = true;
        throw new Error('boom');
      },
    };
    const throwingProxy = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error('trap');
        },
      },
    );
    const sneakyProxy = new Proxy({ source: 'saga-sim', type: 'play' }, {
      ownKeys() {
        throw new Error('trap');
      },
    });
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    const cyclic: Record<string, unknown> = { source: 'saga-sim', type: 'load' };
    cyclic.params = cyclic;
    const cyclicParams: Record<string, unknown> = {};
    cyclicParams.self = cyclicParams;
    const paramsGetter = { source: 'saga-sim', type: 'load', params: Object.defineProperty({}, 'seed', { get: () => '3', enumerable: true }) };

    for (const data of [withGetter, throwingProxy, sneakyProxy, revoked, cyclic, paramsGetter, { source: 'saga-sim', type: 'load', params: cyclicParams }]) {
      expect(() => parseIncomingMessage(data, HOST)).not.toThrow();
      expect(parseIncomingMessage(data, HOST)).toBeNull();
    }
    expect(getterRan).toBe(false);
  });

  it('accepts an object without prototype (as some hosts build them)', () => {
    const data = Object.assign(Object.create(null), { source: 'saga-sim', type: 'pause' });
    expect(parseIncomingMessage(data, HOST)).toEqual({ type: 'pause' });
  });
});
