import { createSimulation, type Scenario } from '../../core';

/**
 * A schedule as who did what: replays it with the learner scheduler and, at each choice point,
 * names the move the schedule picked (its label: "Buyer 2: Inventory — read availability"). A schedule is a
 * list of saga indexes into each choice point's list; read raw, "0,1,0,1" says nothing.
 */
export function scheduleWords(scenario: Partial<Scenario>, schedule: readonly number[]): string[] {
  const sim = createSimulation({ ...scenario, schedule: undefined }, { scheduler: 'learner' });
  const words: string[] = [];
  for (const pick of schedule) {
    if (sim.runUntilBlocked() !== 'choice') break;
    const choice = sim.nextChoices().find((c) => c.saga === pick);
    if (!choice) break;
    words.push(choice.label);
    sim.choose(pick);
  }
  return words;
}
