import { describe, expect, it } from 'vitest';
import { parseQuery, toQuery } from '../../src/embed';

describe('a trace-view link carries both runs', () => {
  it('round-trips the run and its baseline, the baseline as one encoded value', () => {
    const baseline = parseQuery('seed=2&lost=order:1').scenario;
    const q = toQuery({ failAt: 'payment' }, { page: 'trace', baseline });
    expect(q).toBe('view=trace&failAt=payment&baseline=seed%3D2%26lost%3Dorder:1');
    const back = parseQuery(q);
    expect(back.warnings).toEqual([]);
    expect(back.scenario.failAt).toBe('payment');
    expect(back.view).toMatchObject({ page: 'trace', baseline: { seed: 2, lostResponses: { order: 1 } } });
    expect(toQuery(back.scenario, back.view)).toBe(q);
  });

  it('writes the default scenario as "defaults" and no baseline as "none"', () => {
    expect(toQuery({}, { baseline: parseQuery('').scenario })).toBe('baseline=defaults');
    expect(toQuery({}, { page: 'trace', baseline: 'none' })).toBe('view=trace&baseline=none');
  });
});
