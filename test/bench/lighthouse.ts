import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/playwright.config';
import { LESSON_IDS } from '../../src/lessons';
import { REPO_ROOT } from './bundleSize';
import { type Figure, guarded, quantile } from './figure';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
type Scores = Record<(typeof CATEGORIES)[number], number>;

interface LighthouseReport {
  lighthouseVersion?: string;
  runtimeError?: { code: string; message: string };
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; details?: { items?: { items?: { node?: { snippet?: string } }[] }[] } }>;
}

/** One Lighthouse CLI run (mobile is Lighthouse's default; desktop is its `--preset=desktop`). */
async function runLighthouse(url: string, formFactor: 'mobile' | 'desktop'): Promise<LighthouseReport> {
  const dir = mkdtempSync(join(tmpdir(), 'saga-lighthouse-'));
  const out = join(dir, 'report.json');
  const cli = join(REPO_ROOT, 'node_modules/lighthouse/cli/index.js');
  const flags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');
  const args = [cli, url, '--quiet', '--output=json', `--output-path=${out}`, `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${flags}`];
  if (formFactor === 'desktop') args.push('--preset=desktop');
  try {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr = (stderr + d).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    const code = await new Promise<number | null>((ok) => child.once('exit', ok));
    clearTimeout(timer);
    if (code !== 0) throw new Error(`lighthouse exited ${code}: ${stderr.trim().split('\n').pop() ?? ''}`);
    const report = JSON.parse(readFileSync(out, 'utf8')) as LighthouseReport;
    if (report.runtimeError) throw new Error(`${report.runtimeError.code}: ${report.runtimeError.message}`);
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Issue 18's mobile budget, on the median of the runs. */
export const LIGHTHOUSE_BUDGET: Scores = { performance: 97, accessibility: 100, 'best-practices': 100 };
const BUDGET = LIGHTHOUSE_BUDGET;

/**
 * Lighthouse performance, accessibility and best-practices scores (0–100), mobile for `/` and for
 * lesson 1's link, desktop for `/`: the median of `runs` runs each, with the ranges and the metrics behind it.
 */
export async function measureLighthouse(base: string, runs = 3): Promise<Figure[]> {
  const figures: Figure[] = [];
  // `/` is the budgeted page; lesson 1's own link is what a first visit opens once `/` starts the course.
  const pages = [
    { id: 'lighthouse.mobile', label: 'Lighthouse mobile, /', formFactor: 'mobile' as const, url: base },
    { id: 'lighthouse.mobileLesson1', label: `Lighthouse mobile, ?lesson=${LESSON_IDS[0]}`, formFactor: 'mobile' as const, url: `${base}?lesson=${LESSON_IDS[0]}` },
    { id: 'lighthouse.desktop', label: 'Lighthouse desktop, /', formFactor: 'desktop' as const, url: base },
  ];
  for (const { id, label, formFactor, url } of pages) {
    figures.push(
      ...(await guarded(id, label, async () => {
        const reports: LighthouseReport[] = [];
        for (let i = 0; i < runs; i++) reports.push(await runLighthouse(url, formFactor));
        const median = (pick: (r: LighthouseReport) => number) => quantile(reports.map(pick), 0.5);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median((r) => Math.round((r.categories[c]?.score ?? Number.NaN) * 100))])) as Scores;
        const perf = reports.map((r) => Math.round((r.categories.performance?.score ?? Number.NaN) * 100));
        const metric = (a: string) => Math.round(median((r) => r.audits[a]?.numericValue ?? Number.NaN));
        const misses = CATEGORIES.filter((c) => formFactor === 'mobile' && scores[c] < BUDGET[c]).map((c) => `${c} ${scores[c]} < ${BUDGET[c]}`);
        const verdict = formFactor === 'mobile' ? `; budget perf ≥ ${BUDGET.performance}, a11y ${BUDGET.accessibility}, best practices ${BUDGET['best-practices']}: ${misses.length ? `missed (${misses.join(', ')})` : 'met'}` : '';
        const lcpElement = reports[0].audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? 'unknown';
        const lcps = reports.map((r) => Math.round(r.audits['largest-contentful-paint']?.numericValue ?? Number.NaN));
        const values = { ...scores, performanceMin: Math.min(...perf), performanceMax: Math.max(...perf), runs, fcpMs: metric('first-contentful-paint'), lcpMs: metric('largest-contentful-paint'), tbtMs: metric('total-blocking-time'), cls: median((r) => r.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN), lighthouseVersion: reports[0].lighthouseVersion ?? null };
        return [
          {
            id,
            label,
            text: `performance ${scores.performance} (range ${values.performanceMin}–${values.performanceMax} over ${runs} runs; FCP ${values.fcpMs} ms, LCP ${values.lcpMs} ms [${Math.min(...lcps)}–${Math.max(...lcps)}], TBT ${values.tbtMs} ms, CLS ${values.cls.toFixed(3)}), accessibility ${scores.accessibility}, best practices ${scores['best-practices']}${verdict}; LCP element ${lcpElement.slice(0, 90)}`,
            values,
          },
        ];
      })),
    );
  }
  return figures;
}
