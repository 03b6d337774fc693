import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario, type TraceEvent } from '../../src/core';
import { buyersAt } from '../../src/ui/race/raceModel';

const atEnd = (scenario: Partial<Scenario>, rewrite: (e: TraceEvent) => TraceEvent = (e) => e) => {
  const r = runScenario(scenario);
  const trace = r.trace.map(rewrite);
  return buyersAt({ scenario: r.scenario, trace, cursor: trace.length });
};
/** The same trace with every sentence replaced: a view that reads facts does not notice. */
const noProse = (e: TraceEvent) => ('reason' in e ? ({ ...e, reason: 'no words here' } as TraceEvent) : e);

describe('raceModel reads facts from events, not their prose', () => {
  for (const mode of ['orchestration', 'choreography'] as const) {
    it(`${mode}: the second buyer read PENDING for o-1 (step.failed's locked and heldBy)`, () => {
      const buyers = atEnd({ buyers: 2, mode }, noProse);
      expect(buyers[1].read).toBe('read PENDING for o-1');
      expect(buyers).toEqual(atEnd({ buyers: 2, mode }));
    });
  }

  it('a buyer that finds the seat gone read SOLD OUT (410) and gives up', () => {
    const buyers = atEnd({ buyers: 3, lockPolicy: 'wait' }, noProse);
    expect(buyers.slice(1).map((b) => [b.read, b.reaction])).toEqual([
      ['read SOLD OUT', 'gives up'],
      ['read SOLD OUT', 'gives up'],
    ]);
  });
});
