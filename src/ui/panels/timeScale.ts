/**
 * The timeline's x axis. Busy moments (calls ~50–150 ms apart) need room; waits (backoffs,
 * timeouts, a crashed orchestrator's downtime) need much less. So time between two events is
 * drawn at BUSY px/ms for its first BUSY_SPAN ms and at IDLE px/ms beyond: monotonic, continuous,
 * and a 2 s backoff is still drawn longer than a 1 s one. Ticks carry the real seconds.
 */
const BUSY = 0.55;
const IDLE = 0.09;
const BUSY_SPAN = 300;
const TICK_STEPS = [100, 500, 1000, 2000, 5000, 10_000];
const MIN_TICK_GAP_PX = 56;

export interface TimeScale {
  /** Pixels from the start of the plot for a virtual time in ms. */
  x: (ms: number) => number;
  /** Plot width for the whole run. */
  width: number;
  /** Tick times (ms), round ones first, at least MIN_TICK_GAP_PX apart. */
  ticks: number[];
  /** Stretches where waiting is drawn compressed: [from, to] in ms. */
  compressed: [number, number][];
}

/**
 * A scale for event times `times` (any order), stretched to at least `minWidth` px and, when
 * `maxWidth` is given ("fit the whole run"), squeezed to at most `maxWidth` px.
 */
export function timeScale(times: readonly number[], minWidth: number, maxWidth?: number): TimeScale {
  const stops = [...new Set([0, ...times])].sort((a, b) => a - b);
  const px = [0];
  const compressed: [number, number][] = [];
  for (let i = 1; i < stops.length; i++) {
    const gap = stops[i] - stops[i - 1];
    px.push(px[i - 1] + Math.min(gap, BUSY_SPAN) * BUSY + Math.max(0, gap - BUSY_SPAN) * IDLE);
    if (gap > BUSY_SPAN) compressed.push([stops[i - 1] + BUSY_SPAN, stops[i]]);
  }
  const natural = px[px.length - 1];
  const stretch = natural > 0 && natural < minWidth ? minWidth / natural : maxWidth !== undefined && natural > maxWidth ? maxWidth / natural : 1;
  const end = stops[stops.length - 1];
  const x = (ms: number): number => {
    if (ms <= 0) return 0;
    if (ms >= end) return (natural + (ms - end) * BUSY) * stretch;
    let lo = 0;
    let hi = stops.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (stops[mid] <= ms) lo = mid;
      else hi = mid;
    }
    const into = ms - stops[lo];
    return (px[lo] + Math.min(into, BUSY_SPAN) * BUSY + Math.max(0, into - BUSY_SPAN) * IDLE) * stretch;
  };
  const width = maxWidth !== undefined && natural > 0 ? natural * stretch : Math.max(minWidth, natural * stretch);
  // Round times first (whole seconds, then halves, …), each kept only if it has room.
  const finest = TICK_STEPS.find((t) => t * BUSY * stretch >= MIN_TICK_GAP_PX) ?? 20_000;
  const ticks: number[] = [];
  for (const step of [...TICK_STEPS].reverse().filter((t) => t >= finest)) {
    for (let t = 0; t <= end; t += step) {
      if (ticks.every((k) => Math.abs(x(t) - x(k)) >= MIN_TICK_GAP_PX)) ticks.push(t);
    }
  }
  ticks.sort((a, b) => a - b);
  return { x, width, ticks, compressed };
}
