import { narrate, type TraceEvent } from '../../core';

/** The two sides of the comparison, left to right. */
export type Side = 'choreography' | 'orchestration';
export const SIDES: readonly Side[] = ['choreography', 'orchestration'];

/** "Choreography" / "Orchestration": how a side is named in announcements. */
export const sideName = (side: Side): string => (side === 'choreography' ? 'Choreography' : 'Orchestration');

/** One side's trace and the cursor positions its own playback would stop at. */
export interface SideTrack {
  trace: readonly TraceEvent[];
  stops: readonly number[];
}

/** One shared playback position: how much of each trace is revealed, and the virtual time it stands for. */
export interface SharedStop {
  /** Cursor (number of trace events revealed) on each side. */
  cursors: Record<Side, number>;
  /** Shared virtual time in ms: neither side shows anything later than this. */
  at: number;
  /** The side whose story moved to reach this stop (none for the start). */
  moved?: Side;
}

/** Virtual time of the last event revealed at a cursor position. */
const timeOf = (trace: readonly TraceEvent[], cursor: number): number => (cursor > 0 ? trace[cursor - 1].at : 0);

/**
 * Lockstep: the two runs played against one clock. Both sides' story stops are merged in
 * virtual-time order (choreography first on a tie), and each shared stop moves exactly one
 * side by one of its own stops. So at every shared stop each side shows exactly its events
 * up to the shared virtual time, and a side that has gone quiet stays quiet while the other
 * one plays on.
 */
export function lockstepStops(tracks: Record<Side, SideTrack>): SharedStop[] {
  const next: Record<Side, number> = { choreography: 1, orchestration: 1 };
  const cursors: Record<Side, number> = { choreography: tracks.choreography.stops[0] ?? 0, orchestration: tracks.orchestration.stops[0] ?? 0 };
  const out: SharedStop[] = [{ cursors: { ...cursors }, at: 0 }];
  const pending = (side: Side) => next[side] < tracks[side].stops.length;
  const timeOfNext = (side: Side) => timeOf(tracks[side].trace, tracks[side].stops[next[side]]);
  while (pending('choreography') || pending('orchestration')) {
    const side: Side =
      !pending('orchestration') || (pending('choreography') && timeOfNext('choreography') <= timeOfNext('orchestration')) ? 'choreography' : 'orchestration';
    const at = Math.max(out[out.length - 1].at, timeOfNext(side));
    cursors[side] = tracks[side].stops[next[side]];
    next[side] += 1;
    out.push({ cursors: { ...cursors }, at, moved: side });
  }
  return out;
}

/**
 * What the one live region says at a shared stop: the newest sentence of the side that moved,
 * named ("Orchestration: The orchestrator asks Payments to charge the card.").
 */
export function announcement(stops: readonly SharedStop[], index: number, traces: Record<Side, readonly TraceEvent[]>): string {
  const stop = stops[index];
  const side = stop?.moved;
  if (!side || index === 0) return '';
  const from = stops[index - 1].cursors[side];
  const fresh = traces[side].slice(from, stop.cursors[side]);
  for (let i = fresh.length - 1; i >= 0; i--) {
    const text = narrate(fresh[i], { mode: side });
    if (text) return `${sideName(side)}: ${text}`;
  }
  return '';
}

/**
 * The shared stops as a trace-shaped timeline for the playback bar, which counts stops and
 * reads the virtual time of "the last revealed event": entry k-1 carries stop k's time.
 */
export function transportTrace(stops: readonly SharedStop[]): TraceEvent[] {
  // Not a simulation event: a stand-in the playback bar can count (only `at` is read).
  return stops.slice(1).map((s, i) => ({ seq: i, at: s.at, saga: 'system', type: 'compare.stop' }) as unknown as TraceEvent);
}
