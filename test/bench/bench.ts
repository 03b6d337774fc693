// npm run bench [-- --quick] [--soak-minutes N] [--only GROUP]   (machines: npm run -s bench -- --json)
//
// Prints one labelled line per figure: bundle sizes against the libraries' floor, runScenario throughput,
// the interleaving explorer, the failure matrix of each built-in saga, playback smoothness in headless Chromium (1× and 8×, with and without 4× CPU
// throttling), scrubbing and 8× playback under 4× CPU throttling (median of 3 loads), Lighthouse scores
// (median of 3), and heap growth over an autoplay soak; then each budget of issues 7 and 18, met or missed
// by how much. --only GROUP[,GROUP] runs some groups (throughput, explorer, matrix, bundle, playback, interaction,
// lighthouse, soak). BENCH_PORT picks the preview server's port (default: a free one). A figure that
// cannot be measured prints "n/a (reason)". --quick skips the soak and Lighthouse; --json prints one JSON
// object instead. Benchmarks are not tests: the exit code is 0.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { CHROMIUM_PATH } from '../e2e/playwright.config';
import { launchBrowser, measurePlayback, measureSoak, startPreview } from './browser';
import { FIRST_LOAD_BUDGET, measureBundle, measureFetchedOnLoad } from './bundleSize';
import { measureExplorer, measureExplorerGrid } from './explorer';
import { type Figure, kB, notAvailable, round } from './figure';
import { MAX_LONG_TASKS, MAX_TASK_MS, measureThrottledInteraction } from './interaction';
import { LIGHTHOUSE_BUDGET, measureLighthouse } from './lighthouse';
import { measureMatrix } from './matrix';
import { measureThroughput } from './throughput';

/** Groups of figures `--only` can pick. */
const GROUPS = ['throughput', 'explorer', 'matrix', 'bundle', 'playback', 'interaction', 'lighthouse', 'soak'] as const;
type Group = (typeof GROUPS)[number];

interface Options {
  json: boolean;
  quick: boolean;
  soakMinutes: number;
  /** Only these groups (all when empty). */
  only: Group[];
}

function parseArgs(argv: string[]): Options {
  const options: Options = { json: false, quick: false, soakMinutes: 5, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--quick') options.quick = true;
    else if (arg === '--soak-minutes' || arg.startsWith('--soak-minutes=')) {
      const raw = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      const n = Number(raw);
      if (!(n > 0 && n <= 120)) throw new Error(`--soak-minutes wants a number of minutes from 0 to 120, got "${raw}"`);
      options.soakMinutes = n;
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      const raw = arg.includes('=') ? arg.split('=')[1] : argv[++i];
      const groups = (raw ?? '').split(',');
      const bad = groups.find((g) => !(GROUPS as readonly string[]).includes(g));
      if (bad !== undefined) throw new Error(`--only takes a comma-separated list of ${GROUPS.join(', ')}; got "${bad}"`);
      options.only = groups as Group[];
    } else throw new Error(`unknown option "${arg}"; use --json, --quick, --soak-minutes N, --only GROUP[,GROUP]`);
  }
  return options;
}

function machine() {
  const version = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'unknown';
  return { cores: cpus().length, cpu: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, chromium: version, loadAverage: loadavg().map((l) => round(l, 2)) };
}

const value = (figures: Figure[], id: string, key: string): number | undefined => {
  const v = figures.find((f) => f.id === id)?.values?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** The budgets of issues 7 and 18 against the figures: met, missed by how much, or n/a. */
function budgets(figures: Figure[]): Figure[] {
  const check = (id: string, label: string, measured: number | undefined, ok: (v: number) => boolean, shown: (v: number) => string, miss: (v: number) => string): Figure =>
    measured === undefined
      ? notAvailable(`budget.${id}`, label, 'not measured')
      : { id: `budget.${id}`, label, text: `${ok(measured) ? 'met' : `MISSED by ${miss(measured)}`} (${shown(measured)})`, values: { measured, met: ok(measured) } };
  const unthrottled = ['playback.speed1.cpu1x', 'playback.speed8.cpu1x'].map((id) => value(figures, id, 'longTasksOver50ms'));
  // Per CPU-second: one core's throughput, whatever else the machine is doing (the wall-clock rate is printed above).
  const failing = ['throughput.failDelivery', 'throughput.failingCompensation'].map((id) => value(figures, id, 'runsPerCpuSecond'));
  const mobile = (k: string) => value(figures, 'lighthouse.mobile', k);
  const phone = (id: string, label: string): Figure[] => [
    check(`${id}.count`, `budget: ${label}, ≤ ${MAX_LONG_TASKS} long tasks (median)`, value(figures, `interaction.${id}`, 'longTasksOver50ms'), (v) => v <= MAX_LONG_TASKS, (v) => `${v} long tasks`, (v) => `${v - MAX_LONG_TASKS} long task(s)`),
    check(`${id}.longest`, `budget: ${label}, none > ${MAX_TASK_MS} ms (median of the longest)`, value(figures, `interaction.${id}`, 'longestTaskMs'), (v) => v <= MAX_TASK_MS, (v) => `longest ${v} ms`, (v) => `${round(v - MAX_TASK_MS)} ms`),
  ];
  return [
    check('firstLoad', 'budget: first-load JS ≤ 150 kB gzip', value(figures, 'bundle.firstLoadFetched', 'gzipBytes') ?? value(figures, 'bundle.firstLoad', 'gzipBytes'), (v) => v <= FIRST_LOAD_BUDGET, kB, (v) => kB(v - FIRST_LOAD_BUDGET)),
    check('lighthousePerf', `budget: Lighthouse mobile performance ≥ ${LIGHTHOUSE_BUDGET.performance} (median of 3)`, mobile('performance'), (v) => v >= LIGHTHOUSE_BUDGET.performance, String, (v) => `${LIGHTHOUSE_BUDGET.performance - v} points`),
    check('lighthousePerfLesson1', `budget: Lighthouse mobile performance ≥ ${LIGHTHOUSE_BUDGET.performance} on lesson 1's link (what / opens on a first visit once the course starts there)`, value(figures, 'lighthouse.mobileLesson1', 'performance'), (v) => v >= LIGHTHOUSE_BUDGET.performance, String, (v) => `${LIGHTHOUSE_BUDGET.performance - v} points`),
    check('lighthouseA11y', 'budget: Lighthouse mobile accessibility 100', mobile('accessibility'), (v) => v >= 100, String, (v) => `${100 - v} points`),
    check('lighthouseBestPractices', 'budget: Lighthouse mobile best practices 100', mobile('best-practices'), (v) => v >= LIGHTHOUSE_BUDGET['best-practices'], String, (v) => `${LIGHTHOUSE_BUDGET['best-practices'] - v} points`),
    check('longTasks', 'budget: 0 long tasks > 50 ms during unthrottled playback', unthrottled.includes(undefined) ? undefined : (unthrottled as number[]).reduce((a, b) => a + b, 0), (v) => v === 0, (v) => `${v} at 1× and 8×`, (v) => `${v} long task(s)`),
    ...phone('scrub.cpu4x', 'scrubbing at 4× CPU'),
    ...phone('playback8x.cpu4x', 'playback 8× at 4× CPU'),
    check('throughput', 'budget: runScenario ≥ 2,500 runs per CPU-second with a failure', failing.includes(undefined) ? undefined : Math.min(...(failing as number[])), (v) => v >= 2500, (v) => `slowest failing case ${v.toLocaleString('en-US')} runs per CPU-second`, (v) => `${2500 - v} runs/s`),
    check('explorerGrid', 'budget: every 4-buyer explorer configuration < 5 CPU-seconds', gridWorst(figures), (v) => v < 5000, (v) => `slowest ${v.toLocaleString('en-US')} CPU-ms`, (v) => `${(v - 5000).toLocaleString('en-US')} ms`),
    check('heap', 'budget: heap growth < 5 MB over the soak', value(figures, 'soak.heap', 'growthMb'), (v) => v < 5, (v) => `${v} MB`, (v) => `${round(v - 5, 2)} MB`),
  ];
}

/** The slowest configuration of the 4-buyer explorer grid, in CPU-ms (undefined when not measured). */
function gridWorst(figures: Figure[]): number | undefined {
  const all = figures.filter((f) => f.id.startsWith('explorer.grid.')).map((f) => f.values?.cpuMs as number | undefined);
  return all.length === 0 || all.includes(undefined) ? undefined : Math.max(...(all as number[]));
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const figures: Figure[] = [];
  const print = (list: Figure[]) => {
    figures.push(...list);
    if (!options.json) for (const f of list) console.log(`${f.label}: ${f.text}`);
  };
  const wanted = (group: Group) => options.only.length === 0 || options.only.includes(group);
  const about = { date: new Date().toISOString(), machine: machine(), options };
  if (!options.json) {
    const m = about.machine;
    console.log(`date: ${about.date}`);
    console.log(`machine: ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.chromium}; load average at start ${m.loadAverage.join(' ')}`);
  }

  if (wanted('throughput')) print(await measureThroughput());
  if (wanted('explorer')) print([...(await measureExplorer()), ...(await measureExplorerGrid())]);
  if (wanted('matrix')) print(await measureMatrix());
  const bundle = await measureBundle({ floors: wanted('bundle') });
  if (wanted('bundle')) print(bundle);

  const built = !bundle.find((f) => f.id === 'bundle.build')?.na;
  const skipped = (id: string, label: string, reason: string) => print([notAvailable(id, label, reason)]);
  const browserGroups = (['bundle', 'playback', 'interaction', 'lighthouse', 'soak'] as const).filter(wanted);
  if (!built) {
    skipped('browser', 'browser figures', 'the app did not build');
  } else if (browserGroups.length > 0) {
    let preview: Awaited<ReturnType<typeof startPreview>> | undefined;
    let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
    try {
      preview = await startPreview();
      browser = await launchBrowser().catch((error) => {
        print([notAvailable('playback', 'playback in Chromium', error)]);
        return undefined;
      });
      if (browser && wanted('bundle')) print(await measureFetchedOnLoad(browser, preview.url));
      if (browser && wanted('playback')) print(await measurePlayback(browser, preview.url));
      if (browser && wanted('interaction')) print(await measureThrottledInteraction(browser, preview.url));
      if (wanted('lighthouse')) {
        if (options.quick) skipped('lighthouse', 'Lighthouse', '--quick');
        else print(await measureLighthouse(preview.url));
      }
      if (wanted('soak')) {
        if (options.quick) skipped('soak.heap', 'heap growth over the soak', '--quick');
        else if (browser) print(await measureSoak(browser, preview.url, options.soakMinutes));
        else skipped('soak.heap', 'heap growth over the soak', 'Chromium did not launch');
      }
    } catch (error) {
      print([notAvailable('browser', 'browser figures', error)]);
    } finally {
      await browser?.close().catch(() => undefined);
      await preview?.stop();
    }
  }

  const load = loadavg().map((l) => round(l, 2));
  print([{ id: 'machine.loadAtEnd', label: 'load average at end', text: `${load.join(' ')} (on ${about.machine.cores} cores; above ~1 other work was competing)`, values: { load1: load[0], load5: load[1], load15: load[2] } }]);
  const checks = budgets(figures).filter((c) => !c.na || options.only.length === 0);
  if (options.json) console.log(JSON.stringify({ ...about, figures: [...figures, ...checks] }, null, 2));
  else print(checks);
}

await main();
