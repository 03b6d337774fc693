import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/playwright.config';
import { REPO_ROOT } from './bundleSize';
import { type Figure, guarded, quantile, round } from './figure';

// --- the server -------------------------------------------------------------------------------------

export interface Preview {
  url: string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Starts `vite preview` of `outDir` (default dist/, which must be built) on `BENCH_PORT` if set, else on a free loopback port, never
 * the default 4173 that another checkout's tests may hold; `stop()` ends that one process.
 */
export async function startPreview(outDir = 'dist'): Promise<Preview> {
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort();
  if (!(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`BENCH_PORT must be a port number, got "${process.env.BENCH_PORT}"`);
  const vite = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const child: ChildProcess = spawn(process.execPath, [vite, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error('vite preview did not answer within 20 s');
}

// --- in-page instruments ----------------------------------------------------------------------------

interface Recording {
  longTasks: number[];
  frames: number[];
  /** Frames in which the story panel showed a different number of sentences than the frame before. */
  storyUpdates: number;
}

declare global {
  interface Window {
    __bench?: { recording: boolean; longTasks: number[]; frames: number[]; storyUpdates: number };
  }
}

/**
 * Installed before any page script: long tasks (PerformanceObserver) and rAF deltas, kept while `recording`.
 * A string, not a function: tsx's name-keeping helpers do not exist in the page.
 */
const INSTRUMENT = `(() => {
  const bench = { recording: false, longTasks: [], frames: [], storyUpdates: 0 };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      if (bench.recording) for (const e of list.getEntries()) bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  } catch {}
  let last;
  let sentences = -1;
  const tick = (t) => {
    if (bench.recording && last !== undefined) bench.frames.push(t - last);
    last = t;
    // Did the panels follow? A deferred render that never finishes would keep the story still.
    const shown = document.querySelectorAll('.sentence').length;
    if (bench.recording && shown !== sentences) bench.storyUpdates++;
    sentences = shown;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export const startRecording = (page: Page) =>
  page.evaluate(() => {
    const b = window.__bench;
    if (b) Object.assign(b, { recording: true, longTasks: [], frames: [], storyUpdates: 0 });
  });
export const stopRecording = (page: Page): Promise<Recording> =>
  page.evaluate(() => {
    const b = window.__bench;
    if (!b) return { longTasks: [], frames: [], storyUpdates: 0 };
    b.recording = false;
    return { longTasks: b.longTasks, frames: b.frames, storyUpdates: b.storyUpdates };
  });

// --- driving the app by what a user sees ----------------------------------------------------------

const playButton = (page: Page) => page.getByRole('button', { name: 'Play', exact: true });
const pauseButton = (page: Page) => page.getByRole('button', { name: 'Pause', exact: true });

/** Chooses the failing step in "Which step fails?" if the app has that picker and it is not already chosen. */
async function chooseFailure(page: Page, name: string): Promise<void> {
  const button = page.getByRole('group', { name: /which step fails/i }).getByRole('button', { name, exact: true });
  if ((await button.count()) !== 1) return;
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
}

async function chooseSpeed(page: Page, speed: number): Promise<void> {
  const select = page.getByRole('combobox', { name: /^speed/i });
  if ((await select.count()) !== 1) return;
  if ((await select.inputValue()) !== String(speed)) await select.selectOption(String(speed));
}

/** Waits until playback has started (Pause shows) and then stopped by itself (Play is back). */
async function waitForEnd(page: Page, timeout: number): Promise<void> {
  await pauseButton(page)
    .waitFor({ state: 'visible', timeout: 5000 })
    .catch(() => undefined);
  await playButton(page).waitFor({ state: 'visible', timeout });
}

export async function newPage(browser: Browser, throttle: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript({ content: INSTRUMENT });
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { context, page, errors };
}

/** Plays one full run (failAt delivery) at `speed`; the link asks for autoplay, else the Play button is pressed. */
export async function playOnce(browser: Browser, base: string, speed: number, throttle: number) {
  const { context, page, errors } = await newPage(browser, throttle);
  try {
    await page.goto(`${base}?failAt=delivery&autoplay=1&speed=${speed}`, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });
    const autoplayed = await pauseButton(page)
      .waitFor({ state: 'visible', timeout: 1500 })
      .then(() => true, () => false);
    let how = 'link autoplay';
    if (autoplayed) {
      await startRecording(page);
      await chooseSpeed(page, speed);
    } else {
      how = 'Play button';
      await chooseFailure(page, 'Delivery');
      await chooseSpeed(page, speed);
      await startRecording(page);
      await playButton(page).click();
    }
    const start = Date.now();
    await waitForEnd(page, 300_000);
    const wallMs = Date.now() - start;
    const rec = await stopRecording(page);
    const stops = Number((await page.getByText(/event \d+ of \d+/).first().textContent())?.match(/of (\d+)/)?.[1] ?? Number.NaN);
    return { ...rec, wallMs, how, errors, stops };
  } finally {
    await context.close();
  }
}

// --- figures ----------------------------------------------------------------------------------------

/**
 * Long tasks and frame intervals while a full scenario plays: 1× and 8× unthrottled, 1× at 4× CPU
 * (8× at 4× CPU is a budgeted figure, median of 3, in `interaction.ts`).
 */
export async function measurePlayback(browser: Browser, base: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const throttle of [1, 4]) {
    for (const speed of throttle === 1 ? [1, 8] : [1]) {
      const id = `playback.speed${speed}.cpu${throttle}x`;
      const label = `playback ${speed}×, ${throttle === 1 ? 'no CPU throttling' : `${throttle}× CPU throttling`}`;
      figures.push(
        ...(await guarded(id, label, async () => {
          const r = await playOnce(browser, base, speed, throttle);
          const over50 = r.longTasks.filter((d) => d > 50);
          const p50 = round(quantile(r.frames, 0.5));
          const p95 = round(quantile(r.frames, 0.95));
          const maxTask = over50.length ? round(Math.max(...over50)) : 0;
          const errs = r.errors.length ? `; ${r.errors.length} page error(s): ${r.errors[0]}` : '';
          return [
            {
              id,
              label,
              text: `${over50.length} long tasks >50 ms${over50.length ? ` (longest ${maxTask} ms)` : ''}, frame interval p50 ${p50} ms / p95 ${p95} ms over ${r.frames.length} frames, ${round(r.wallMs / 1000)} s (via ${r.how})${errs}`,
              values: { longTasksOver50ms: over50.length, longestTaskMs: maxTask, frameP50Ms: p50, frameP95Ms: p95, frames: r.frames.length, wallMs: r.wallMs, via: r.how, pageErrors: r.errors.length },
            },
          ];
        })),
      );
    }
  }
  return figures;
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

const FAILURES = ['No failure', 'Inventory', 'Order', 'Payment', 'Warehouse', 'Delivery'];

/**
 * Soak: plays run after run at 8× for `minutes`, cycling the failure point, and compares the JS heap
 * (after forced GC) at the end with its value after the first minute.
 */
export async function measureSoak(browser: Browser, base: string, minutes: number): Promise<Figure[]> {
  const id = 'soak.heap';
  const label = `heap growth over a ${minutes}-minute autoplay soak`;
  return guarded(id, label, async () => {
    const { context, page, errors } = await newPage(browser, 1);
    try {
      await page.goto(`${base}?speed=8`, { waitUntil: 'load' });
      await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 30_000 });
      const totalMs = minutes * 60_000;
      const baselineAt = Math.min(60_000, totalMs / 5);
      const start = Date.now();
      let baseline: number | undefined;
      let runs = 0;
      while (Date.now() - start < totalMs) {
        await chooseFailure(page, FAILURES[runs % FAILURES.length]);
        await chooseSpeed(page, 8);
        if (!(await pauseButton(page).isVisible())) await playButton(page).click();
        await waitForEnd(page, 120_000);
        runs++;
        if (baseline === undefined && Date.now() - start >= baselineAt) baseline = await heapAfterGc(page);
      }
      const end = await heapAfterGc(page);
      baseline ??= end;
      const growthMb = round((end - baseline) / 1e6, 2);
      const verdict = growthMb < 5 ? 'within' : `over by ${round(growthMb - 5, 2)} MB`;
      const errs = errors.length ? `; ${errors.length} page error(s): ${errors[0]}` : '';
      return [
        {
          id,
          label,
          text: `${growthMb >= 0 ? '+' : ''}${growthMb} MB (${round(baseline / 1e6, 2)} MB after ${round(baselineAt / 60_000, 2)} min → ${round(end / 1e6, 2)} MB after ${minutes} min, ${runs} runs at 8×); budget < 5 MB: ${verdict}${errs}`,
          values: { growthMb, baselineBytes: baseline, endBytes: end, runs, minutes, pageErrors: errors.length },
        },
      ];
    } finally {
      await context.close();
    }
  });
}

/** Launches Debian's Chromium the way the e2e tests do. */
export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
