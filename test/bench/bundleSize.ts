import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { type Figure, guarded, kB, round } from './figure';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(REPO_ROOT, 'dist');
/** First-load JS budget from issue 7, in gzip bytes. */
export const FIRST_LOAD_BUDGET = 150_000;

/** Every file under `dir`, recursively (absolute paths). */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** gzip -9 size of a file, as a static host or CDN would send it. */
export const gzipSize = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

/** Whether dist/ is missing or older than any input of the build. */
export function distIsStale(): boolean {
  const html = join(DIST, 'index.html');
  if (!existsSync(html)) return true;
  const built = statSync(html).mtimeMs;
  const inputs = [...walk(join(REPO_ROOT, 'src')), ...walk(join(REPO_ROOT, 'public'))];
  inputs.push(...['index.html', 'vite.config.ts', 'package-lock.json'].map((f) => join(REPO_ROOT, f)).filter(existsSync));
  return inputs.some((f) => statSync(f).mtimeMs > built);
}

/** Builds dist/ with `npx vite build` when it is missing or stale; throws with vite's last lines on failure. */
export function ensureBuilt(force = false): 'fresh' | 'rebuilt' {
  if (!force && !distIsStale()) return 'fresh';
  const run = spawnSync('npx', ['vite', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 300_000 });
  if (run.status !== 0) {
    const tail = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim().split('\n').slice(-3).join(' / ');
    throw new Error(`vite build failed: ${tail || run.error?.message || `exit ${run.status}`}`);
  }
  return 'rebuilt';
}

/** The JS a first page load fetches: `<script src>` and `<link rel=modulepreload href>` in the built index.html. */
export function firstLoadScripts(distDir = DIST): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const found = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag);
    if (!isScript && !/\brel\s*=\s*["']?modulepreload/i.test(tag)) continue;
    const url = tag.match(isScript ? /\bsrc\s*=\s*["']([^"']+)["']/i : /\bhref\s*=\s*["']([^"']+)["']/i)?.[1];
    if (!url || /^(https?:)?\/\//i.test(url)) continue;
    found.add(join(distDir, url.replace(/^\.?\//, '').split(/[?#]/)[0]));
  }
  return [...found].filter((f) => f.endsWith('.js') && existsSync(f));
}

const sum = (files: string[]): number => files.reduce((n, f) => n + gzipSize(f), 0);
const allJs = (dir: string): string[] => walk(dir).filter((f) => /\.m?js$/.test(f));

/**
 * The libraries a first load needs, used the way the app uses them: react and react-dom's client,
 * xstate's pure `setup` / `transition` (the app has no `@xstate/react`) and zustand. framer-motion is
 * not in it: the app fetches it only with the side-by-side view. What any build of this app must ship
 * at least on a first load; the ratio to it is the app's own weight.
 */
const FLOOR_ENTRY = `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { assign, initialTransition, setup, transition } from 'xstate';
import { create } from 'zustand';

const useCount = create((set) => ({ n: 0, inc: () => set((s) => ({ n: s.n + 1 })) }));
const toggle = setup({}).createMachine({ id: 'toggle', initial: 'off', context: { flips: 0 }, states: { off: { on: { TOGGLE: { target: 'on', actions: assign({ flips: ({ context }) => context.flips + 1 }) } } }, on: { on: { TOGGLE: 'off' } } } });

function App() {
  const [state, setState] = useState(() => initialTransition(toggle)[0]);
  const n = useCount((s) => s.n);
  const inc = useCount((s) => s.inc);
  return <button type="button" onClick={() => { setState(transition(toggle, state, { type: 'TOGGLE' })[0]); inc(); }}>{String(state.value)} {n}</button>;
}

createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
`;

/** Builds the floor with vite's JS API under node_modules/.cache (so the libraries resolve) and returns its gzip JS size. */
export async function buildFloor(): Promise<{ bytes: number; files: number }> {
  const root = join(REPO_ROOT, 'node_modules/.cache/saga-bench/floor');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>\n');
  writeFileSync(join(root, 'main.jsx'), FLOOR_ENTRY);
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const outDir = join(root, 'dist');
  await build({ root, base: './', configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true } });
  const first = firstLoadScripts(outDir);
  if (first.length === 0) throw new Error('floor build produced no entry script');
  return { bytes: sum(first), files: first.length };
}

const FLOOR_LABEL = 'floor (react, react-dom, xstate, zustand: the libraries a first load needs, as the app uses them)';

/**
 * gzip size of the JS the built index.html names and of all JS in dist/; with `floors`, the libraries'
 * floor and the ratios to it (the first-load JS a browser really fetches is `measureFetchedOnLoad`).
 */
export async function measureBundle(options: { floors?: boolean } = {}): Promise<Figure[]> {
  const figures: Figure[] = [];
  const built = await guarded('bundle.build', 'build', () => {
    const state = ensureBuilt();
    return [{ id: 'bundle.build', label: 'build', text: state === 'fresh' ? 'dist/ up to date' : 'dist/ rebuilt with npx vite build' }];
  });
  figures.push(...built);
  if (built[0].na || options.floors === false) return figures;

  const floor = await guarded('bundle.floor', FLOOR_LABEL, async () => {
    const { bytes, files } = await buildFloor();
    floorBytes = bytes;
    return [{ id: 'bundle.floor', label: FLOOR_LABEL, text: `${kB(bytes)} gzip (${files} file${files === 1 ? '' : 's'})`, values: { gzipBytes: bytes } }];
  });
  const ratio = (bytes: number) => (floorBytes ? `, ${round(bytes / floorBytes, 2)}× the floor` : '');

  figures.push(
    ...(await guarded('bundle.firstLoad', 'JS named by index.html (gzip)', () => {
      const files = firstLoadScripts();
      if (files.length === 0) throw new Error('no <script src> or modulepreload JS found in dist/index.html');
      const bytes = sum(files);
      const names = files.map((f) => relative(DIST, f)).join(', ');
      return [
        {
          id: 'bundle.firstLoad',
          label: 'JS named by index.html (gzip)',
          text: `${kB(bytes)} in ${files.length} file${files.length === 1 ? '' : 's'}${ratio(bytes)} [${names}]`,
          values: { gzipBytes: bytes, files: files.length, ratioToFloor: floorBytes ? round(bytes / floorBytes, 3) : null },
        },
      ];
    })),
    ...(await guarded('bundle.allJs', 'all JS in dist (gzip)', () => {
      const files = allJs(DIST);
      const bytes = sum(files);
      return [{ id: 'bundle.allJs', label: 'all JS in dist (gzip)', text: `${kB(bytes)} in ${files.length} file${files.length === 1 ? '' : 's'}${ratio(bytes)}`, values: { gzipBytes: bytes, files: files.length } }];
    })),
    ...floor,
  );
  return figures;
}

/** The floor measured by the last `measureBundle`, for the ratios of `measureFetchedOnLoad`. */
let floorBytes: number | undefined;

/** Pages whose first load is counted: a first visit, and a sandbox link. */
const FIRST_LOAD_PAGES = [
  { id: 'bundle.firstLoadFetched', path: '', label: 'first-load JS (gzip), every JS file a first visit to / fetches' },
  { id: 'bundle.sandboxFetched', path: '?failAt=delivery', label: 'first-load JS (gzip), every JS file ?failAt=delivery fetches' },
];

/**
 * The JS a browser really fetches on a first load (lazy chunks requested right after the first render
 * included): every same-origin `.js` response until the network has been idle, sized as gzip -9 of its
 * file in dist/. The first visit is the budgeted figure.
 */
export async function measureFetchedOnLoad(browser: Browser, base: string): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const page of FIRST_LOAD_PAGES) {
    figures.push(
      ...(await guarded(page.id, page.label, async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        try {
          const tab = await context.newPage();
          const fetched = new Set<string>();
          tab.on('response', (r) => {
            const url = new URL(r.url());
            if (url.origin === new URL(base).origin && url.pathname.endsWith('.js')) fetched.add(url.pathname);
          });
          await tab.goto(`${base}${page.path}`, { waitUntil: 'networkidle' });
          await tab.waitForTimeout(1500);
          const files = [...fetched].map((p) => join(DIST, p.replace(/^\//, ''))).filter(existsSync);
          if (files.length === 0) throw new Error('no JS fetched');
          const bytes = sum(files);
          const verdict = bytes <= FIRST_LOAD_BUDGET ? 'within' : `over by ${kB(bytes - FIRST_LOAD_BUDGET)}`;
          const names = files.map((f) => relative(DIST, f)).join(', ');
          const ratio = floorBytes ? `, ${round(bytes / floorBytes, 2)}× the floor` : '';
          return [
            {
              id: page.id,
              label: page.label,
              text: `${kB(bytes)} in ${files.length} files${ratio}; budget ${kB(FIRST_LOAD_BUDGET)}: ${verdict} [${names}]`,
              values: { gzipBytes: bytes, files: files.length, ratioToFloor: floorBytes ? round(bytes / floorBytes, 3) : null, budgetBytes: FIRST_LOAD_BUDGET },
            },
          ];
        } finally {
          await context.close();
        }
      })),
    );
  }
  return figures;
}
