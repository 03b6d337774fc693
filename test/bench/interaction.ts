import type { Browser, CDPSession } from '@playwright/test';
import { newPage, playOnce, startRecording, stopRecording } from './browser';
import { type Figure, guarded, quantile, round } from './figure';

/** Issue 18's budget for a throttled interaction: at most this many long tasks (> 50 ms)… */
export const MAX_LONG_TASKS = 5;
/** …and none longer than this (ms). */
export const MAX_TASK_MS = 100;
/** CPU slowdown for the phone figures (CDP `Emulation.setCPUThrottlingRate`), as Lighthouse's mobile preset uses. */
export const PHONE_THROTTLE = 4;
/** Every interaction figure is the median of this many fresh page loads. */
export const REPEATS = 3;

/** Long tasks of one recording, reduced to what the budget reads. */
interface TaskStats {
  over50: number;
  longestMs: number;
  /** Sum over long tasks of the part beyond 50 ms (Lighthouse's "blocking time"). */
  blockedMs: number;
}

const stats = (longTasks: number[]): TaskStats => {
  const over = longTasks.filter((d) => d > 50);
  return { over50: over.length, longestMs: over.length ? round(Math.max(...over)) : 0, blockedMs: round(over.reduce((s, d) => s + d - 50, 0)) };
};

/** "4 [3–6]": the median and the range of one statistic over the repeats. */
const spread = (values: number[], unit = ''): string => {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return `${round(quantile(values, 0.5))}${unit} [${lo === hi ? `${lo}${unit}` : `${lo}–${hi}${unit}`}]`;
};

/** One figure from `REPEATS` recordings: medians, ranges and the budget verdict (on the medians). */
function summarise(id: string, label: string, runs: TaskStats[], extra: string, errors: string[]): Figure {
  const over = runs.map((r) => r.over50);
  const longest = runs.map((r) => r.longestMs);
  const blocked = runs.map((r) => r.blockedMs);
  const medianOver = quantile(over, 0.5);
  const medianLongest = quantile(longest, 0.5);
  const met = medianOver <= MAX_LONG_TASKS && medianLongest <= MAX_TASK_MS;
  const errs = errors.length ? `; ${errors.length} page error(s): ${errors[0]}` : '';
  return {
    id,
    label,
    text: `${spread(over)} long tasks >50 ms, longest ${spread(longest, ' ms')}, blocked ${spread(blocked, ' ms')} (median [range] of ${runs.length} loads${extra})${errs}`,
    values: {
      longTasksOver50ms: medianOver,
      longTasksMin: Math.min(...over),
      longTasksMax: Math.max(...over),
      longestTaskMs: medianLongest,
      longestMin: Math.min(...longest),
      longestMax: Math.max(...longest),
      blockedMs: quantile(blocked, 0.5),
      repeats: runs.length,
      met,
      pageErrors: errors.length,
    },
  };
}

/** How a scrub sweeps: mouse moves per sweep, and sweeps (left→right, right→left, …). */
const SWEEPS = 4;
const MOVES_PER_SWEEP = 40;

/** Main-thread time (ms) a scrub cost, from CDP's `Performance.getMetrics`: far steadier than long-task counts on a busy machine. */
export interface BusyMs {
  task: number;
  script: number;
  style: number;
  layout: number;
}

type Metrics = Record<string, number>;
const readMetrics = async (cdp: CDPSession): Promise<Metrics> => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const busyBetween = (a: Metrics, b: Metrics): BusyMs => {
  const ms = (key: string) => round(((b[key] ?? 0) - (a[key] ?? 0)) * 1000, 0);
  return { task: ms('TaskDuration'), script: ms('ScriptDuration'), style: ms('RecalcStyleDuration'), layout: ms('LayoutDuration') };
};

/**
 * Drags the scrubber of a failing run (`?failAt=delivery`) end to end 4 times as fast as the browser
 * takes mouse events, with the CPU slowed 4×, and records long tasks from the press until the page
 * has settled (two frames after the release, then 500 ms).
 */
export async function scrubOnce(browser: Browser, base: string, query = '?failAt=delivery'): Promise<TaskStats & { errors: string[]; storyUpdates: number; busy: BusyMs }> {
  const { context, page, errors } = await newPage(browser, PHONE_THROTTLE);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${base}${query}`, { waitUntil: 'load' });
    const slider = page.getByRole('slider', { name: /scrub/i });
    await slider.waitFor({ timeout: 30_000 });
    // Let lazy chunks and the first renders finish: the figure is about scrubbing, not loading.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const box = await slider.boundingBox();
    if (!box) throw new Error('the scrubber has no box');
    const y = box.y + box.height / 2;
    const left = box.x + 2;
    const right = box.x + box.width - 2;
    const before = await readMetrics(cdp);
    await startRecording(page);
    await page.mouse.move(left, y);
    await page.mouse.down();
    for (let sweep = 0; sweep < SWEEPS; sweep++) await page.mouse.move(sweep % 2 === 0 ? right : left, y, { steps: MOVES_PER_SWEEP });
    await page.mouse.up();
    await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));
    await page.waitForTimeout(500);
    const rec = await stopRecording(page);
    const busy = busyBetween(before, await readMetrics(cdp));
    return { ...stats(rec.longTasks), errors, storyUpdates: rec.storyUpdates, busy };
  } finally {
    await context.close();
  }
}

/**
 * The phone figures of issue 18: scrubbing (4 fast sweeps) and playback at 8×, both under 4× CPU
 * throttling, each the median of `REPEATS` fresh loads, with the budget (≤ 5 long tasks, none > 100 ms).
 */
export async function measureThrottledInteraction(browser: Browser, base: string): Promise<Figure[]> {
  const scrubId = 'interaction.scrub.cpu4x';
  const scrubLabel = `scrubbing, ${SWEEPS} fast sweeps, ${PHONE_THROTTLE}× CPU throttling`;
  const playId = 'interaction.playback8x.cpu4x';
  const playLabel = `playback 8×, ${PHONE_THROTTLE}× CPU throttling`;
  return [
    ...(await guarded(scrubId, scrubLabel, async () => {
      const runs: Awaited<ReturnType<typeof scrubOnce>>[] = [];
      for (let i = 0; i < REPEATS; i++) runs.push(await scrubOnce(browser, base));
      const followed = runs.map((r) => r.storyUpdates);
      const busy = (key: keyof BusyMs) => runs.map((r) => r.busy[key]);
      const extra = `, ${MOVES_PER_SWEEP} mouse moves per sweep; the story panel changed in ${spread(followed)} frames; main thread busy ${spread(busy('task'), ' ms')}, of it script ${spread(busy('script'), ' ms')}, style ${spread(busy('style'), ' ms')}, layout ${spread(busy('layout'), ' ms')}`;
      const figure = summarise(scrubId, scrubLabel, runs, extra, runs.flatMap((r) => r.errors));
      return [{ ...figure, values: { ...figure.values, storyUpdates: quantile(followed, 0.5), busyMs: quantile(busy('task'), 0.5) } }];
    })),
    ...(await guarded(playId, playLabel, async () => {
      const runs: TaskStats[] = [];
      const errors: string[] = [];
      const walls: number[] = [];
      const followed: number[] = [];
      let stops = 0;
      for (let i = 0; i < REPEATS; i++) {
        const r = await playOnce(browser, base, 8, PHONE_THROTTLE);
        runs.push(stats(r.longTasks));
        errors.push(...r.errors);
        walls.push(round(r.wallMs / 1000));
        followed.push(r.storyUpdates);
        stops = r.stops;
      }
      // Honesty check: fewer long tasks must not mean the panels stopped following the run.
      const story = `; the story panel changed in ${spread(followed)} frames for ${stops} stops`;
      const figure = summarise(playId, playLabel, runs, `, a full failing run, ${spread(walls, ' s')} each${story}`, errors);
      return [{ ...figure, values: { ...figure.values, storyUpdates: quantile(followed, 0.5), stops } }];
    })),
  ];
}
