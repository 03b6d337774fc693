import { createSimulation, type Scenario, type Simulation, settle } from '../../core';

/**
 * A live learner simulation that has replayed `picks` from the start and stopped at the next
 * choice point (or the end). Replaying is cheap (a run is about a millisecond) and, the run
 * being deterministic, the trace after n picks always extends the trace after n − 1: one
 * trace keeps feeding every view while the learner schedules.
 *
 * A pick the run cannot take (the scenario changed under it) ends the replay there; the
 * picks actually taken are `sim.decisions`.
 */
export function replayPicks(scenario: Partial<Scenario>, picks: readonly number[]): Simulation {
  const sim = createSimulation({ ...scenario, schedule: undefined }, { scheduler: 'learner' });
  for (const pick of picks) {
    if (sim.runUntilBlocked() !== 'choice') break;
    if (!sim.nextChoices().some((c) => c.saga === pick)) break;
    sim.choose(pick);
  }
  sim.runUntilBlocked();
  settle(sim);
  return sim;
}

/** The picks a learner simulation has taken so far. */
export const takenPicks = (sim: Simulation): number[] => [...sim.decisions];
