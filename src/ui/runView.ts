import { QUIET_EVENTS, type Scenario, type TraceEvent } from '../core';

/**
 * What every panel renders: the scenario, the whole trace computed so far, and how much
 * of it the learner has been shown. Panels derive everything else from these three
 * (one trace, many views); none of them keeps a copy of the simulation.
 */
export interface RunView {
  scenario: Scenario;
  trace: readonly TraceEvent[];
  /** Number of trace events revealed (0 … trace.length). */
  cursor: number;
}

/** The revealed part of the trace. */
export const revealed = (run: RunView): readonly TraceEvent[] => run.trace.slice(0, run.cursor);

/** Virtual time at the cursor (the time of the last revealed event). */
export const timeAt = (run: RunView): number => (run.cursor > 0 ? run.trace[run.cursor - 1].at : 0);

/**
 * Cursor positions that end on a story event (not bookkeeping such as db.changed): the
 * stops of step forward / step back / play. Position p means trace[0..p) is shown.
 */
export function storyStops(trace: readonly TraceEvent[]): number[] {
  const stops: number[] = [0];
  trace.forEach((e, i) => {
    if (!QUIET_EVENTS.has(e.type)) stops.push(i + 1);
  });
  // Let the bookkeeping right after a story event (its table writes) show with it.
  return stops.map((p) => {
    let q = p;
    while (q < trace.length && trace[q].type === 'db.changed' && trace[q].at === (trace[p - 1]?.at ?? 0)) q++;
    return p === 0 ? p : q;
  });
}
