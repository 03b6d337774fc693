import { describe, expect, it } from 'vitest';
import { lessonCompletedMessage } from '../../src/embed/lessonMessages';
import { isoDuration, xapiStatements } from '../../src/embed/xapi';
import { parseQuery } from '../../src/embed/urlSchema';

const result = (over: Partial<Parameters<typeof lessonCompletedMessage>[0]> = {}) =>
  lessonCompletedMessage({ lesson: 'assume-it-works', correct: true, answer: ['inventory', 'order'], expected: ['inventory', 'order'], attempt: 2, durationMs: 12_345, runId: 'abc-3', done: true, ...over });

describe('xAPI statements', () => {
  it('say "answered" with success, response and an ISO duration, and "completed" when the answer made the lesson done', () => {
    const [answered, completed, ...rest] = xapiStatements(result(), 'Assume it works', 'https://sim.example/saga/?failAt=payment#x', true);
    expect(rest).toEqual([]);
    expect(answered).toEqual({
      source: 'saga-sim',
      type: 'xapi',
      statement: {
        verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
        object: {
          objectType: 'Activity',
          id: 'https://sim.example/saga/?lesson=assume-it-works',
          definition: { name: { 'en-US': 'Assume it works' }, type: 'http://adlnet.gov/expapi/activities/lesson' },
        },
        result: { success: true, response: 'inventory[,]order', duration: 'PT12.35S' },
        context: { extensions: { 'https://saga-sim.dev/xapi/run-id': 'abc-3', 'https://saga-sim.dev/xapi/attempt': 2 } },
      },
    });
    expect(completed?.statement.verb.display['en-US']).toBe('completed');
    expect(completed?.statement.result).toEqual({ success: true, completion: true, duration: 'PT12.35S' });
    expect(structuredClone(answered)).toEqual(answered);
  });

  it('send only "answered" when the lesson was already done or is not done yet', () => {
    expect(xapiStatements(result({ correct: false, answer: 3, done: false }), 'T', 'https://sim.example/', false).map((m) => m.statement.verb.display['en-US'])).toEqual(['answered']);
  });

  it('format durations as xAPI asks', () => {
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(1500)).toBe('PT1.5S');
    expect(isoDuration(-5)).toBe('PT0S');
  });

  it('are switched on by xapi=1 in a link; xapi=0 reads as no parameter', () => {
    expect(parseQuery('xapi=1').view.xapi).toBe(true);
    expect(parseQuery('xapi=0').view).toEqual(parseQuery('').view);
  });
});
