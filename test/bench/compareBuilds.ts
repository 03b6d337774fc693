// npx tsx test/bench/compareBuilds.ts N LABEL=DIST_DIR LABEL=DIST_DIR…   (BENCH_PORT picks the preview port)
//
// Before/after on a shared, noisy machine: the phone figures of issue 18 (throttled scrub, 8× playback at 4× CPU)
// for several builds, interleaved run by run (A, B, A, B, …) so that each sees the same load. Build each variant
// with `npx vite build --outDir DIR`. Prints every run, then per build the median [range]. Not a test: exit 0.
import { loadavg } from 'node:os';
import { launchBrowser, playOnce, startPreview } from './browser';
import { quantile, round } from './figure';
import { PHONE_THROTTLE, scrubOnce } from './interaction';

interface Run {
  longTasks: number;
  longestMs: number;
  blockedMs: number;
  storyUpdates: number;
  busyMs?: number;
}

const long = (tasks: number[]) => {
  const over = tasks.filter((d) => d > 50);
  return { longTasks: over.length, longestMs: over.length ? round(Math.max(...over)) : 0, blockedMs: round(over.reduce((s, d) => s + d - 50, 0)) };
};
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const spread = (values: number[]) => `${quantile(values, 0.5)} [${Math.min(...values)}–${Math.max(...values)}]`;

async function main() {
  const [count, ...args] = process.argv.slice(2);
  const repeats = Number(count);
  const builds = args.map((a) => a.split('='));
  if (!(repeats > 0) || builds.length === 0 || builds.some((b) => b.length !== 2)) throw new Error('usage: compareBuilds.ts N LABEL=DIST_DIR [LABEL=DIST_DIR…]');
  const runs = new Map<string, { scrub: Run[]; play: Run[] }>(builds.map(([label]) => [label, { scrub: [], play: [] }]));
  console.log(`load average at start ${load()}`);
  const browser = await launchBrowser();
  try {
    for (let i = 0; i < repeats; i++) {
      for (const [label, dir] of builds) {
        const preview = await startPreview(dir);
        try {
          const s = await scrubOnce(browser, preview.url);
          runs.get(label)?.scrub.push({ longTasks: s.over50, longestMs: s.longestMs, blockedMs: s.blockedMs, storyUpdates: s.storyUpdates, busyMs: s.busy.task });
          console.log(`${label} scrub: ${s.over50} long tasks, longest ${s.longestMs} ms, blocked ${s.blockedMs} ms, story ${s.storyUpdates} frames, busy ${s.busy.task} ms (script ${s.busy.script}, style ${s.busy.style}, layout ${s.busy.layout}); load ${load()}`);
          const p = await playOnce(browser, preview.url, 8, PHONE_THROTTLE);
          const l = long(p.longTasks);
          runs.get(label)?.play.push({ ...l, storyUpdates: p.storyUpdates });
          console.log(`${label} playback 8×: ${l.longTasks} long tasks, longest ${l.longestMs} ms, blocked ${l.blockedMs} ms, story ${p.storyUpdates} frames of ${p.stops} stops; load ${load()}`);
        } finally {
          await preview.stop();
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`load average at end ${load()}`);
  for (const [label, r] of runs) {
    for (const [what, list] of Object.entries(r) as [string, Run[]][]) {
      const of = (key: keyof Run) => spread(list.map((x) => x[key] ?? 0));
      const busy = what === 'scrub' ? `, busy ${of('busyMs')} ms` : '';
      console.log(`${label} ${what}: long tasks ${of('longTasks')}, longest ${of('longestMs')} ms, blocked ${of('blockedMs')} ms, story ${of('storyUpdates')} frames${busy}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
