import { describe, expect, it } from 'vitest';
import { narrate, runScenario } from '../../src/core';

describe('a redelivered event in a choreography', () => {
  it('counts a step once for the order of compensations, even when its event is delivered again after the undo', () => {
    const run = runScenario({ mode: 'choreography', failAt: 'payment', lostResponses: { inventory: 1 }, seed: 0 });
    expect(run.trace.filter((e) => e.type === 'step.deduplicated' && e.step === 'inventory')).toHaveLength(1);
    expect(run.violations).toEqual([]);
    const lost = run.trace.find((e) => e.type === 'response.lost');
    expect(narrate(lost as (typeof run.trace)[number], { mode: 'choreography' })).toBe('Inventory committed, but its acknowledgement to the bus is lost: the bus will deliver the event again.');
  });
});
