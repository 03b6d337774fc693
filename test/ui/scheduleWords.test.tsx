import { describe, expect, it } from 'vitest';
import { exploreInterleavings } from '../../src/core';
import { scheduleWords } from '../../src/ui/race/scheduleWords';

describe('a schedule as who did what', () => {
  it('names the buyer and the move at each choice point, instead of "0,1"', () => {
    expect(scheduleWords({ buyers: 2, semanticLock: false }, [0, 1])).toEqual(['Buyer 1: Inventory — read availability', 'Buyer 2: Inventory — read availability']);
  });

  it('tells the shortest counterexample move by move, one line per entry', () => {
    const scenario = { buyers: 2, semanticLock: false };
    const { counterexample } = exploreInterleavings(scenario);
    const words = scheduleWords(scenario, counterexample?.schedule ?? []);
    expect(words).toHaveLength(counterexample?.schedule.length ?? -1);
    expect(words.every((w) => /^Buyer [12]: /.test(w))).toBe(true);
  });
});
