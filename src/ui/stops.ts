import type { TraceEvent } from '../core';
import { storyStops } from './runView';

/**
 * The cursor positions playback stops at: the story stops, except that the start already
 * shows the initial rows (the stock exists before anyone orders) and the end reveals the
 * whole trace, so "the end" is exactly the settled run.
 */
export function playbackStops(trace: readonly TraceEvent[]): number[] {
  const stops = storyStops(trace);
  let first = 0;
  while (first < trace.length && trace[first].type === 'db.changed' && trace[first].saga === 'system' && trace[first].at === 0) first++;
  const inner = stops.slice(1).filter((p) => p > first);
  const out = [first, ...inner];
  if (out[out.length - 1] < trace.length) {
    if (out.length > 1) out[out.length - 1] = trace.length;
    else out.push(trace.length);
  }
  return out;
}

/** Index of the last stop at or before the cursor. */
export function stopIndexAt(stops: readonly number[], cursor: number): number {
  let i = 0;
  while (i + 1 < stops.length && stops[i + 1] <= cursor) i++;
  return i;
}
