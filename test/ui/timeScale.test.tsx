import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/core';
import { timeScale } from '../../src/ui/panels/timeScale';

describe('timeScale: the timeline x axis', () => {
  const { trace } = runScenario({ failAt: 'delivery', compensationFailures: { payment: 2 }, lostResponses: { order: 1 } });
  const scale = timeScale(trace.map((e) => e.at), 640);

  it('never goes backwards', () => {
    const xs = trace.map((e) => scale.x(e.at));
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThanOrEqual(xs[i - 1]);
  });

  it('draws waits shorter than busy time, but a 2 s backoff still longer than a 1 s one', () => {
    const backoffs = trace.filter((e) => e.type.endsWith('.retrying'));
    const widths = backoffs.map((e) => scale.x(e.at + Number(e.delayMs)) - scale.x(e.at));
    const oneSecond = widths[backoffs.findIndex((e) => e.delayMs === 1000)];
    const twoSeconds = widths[backoffs.findIndex((e) => e.delayMs === 2000)];
    expect(twoSeconds).toBeGreaterThan(oneSecond);
    expect(scale.compressed.length).toBeGreaterThan(0);
  });

  it('fills at least the minimum width and spaces its ticks', () => {
    expect(timeScale([0, 100, 200], 640).width).toBeGreaterThanOrEqual(640);
    for (let i = 1; i < scale.ticks.length; i++) expect(scale.x(scale.ticks[i]) - scale.x(scale.ticks[i - 1])).toBeGreaterThanOrEqual(56);
    expect(scale.ticks[0]).toBe(0);
  });
});
