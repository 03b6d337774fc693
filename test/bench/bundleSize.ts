import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
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
 * The libraries alone: a tiny entry that imports and uses each, built with the app's plugins and base.
 * `motion` is framer-motion's full component; `lazy` uses `LazyMotion` + `m` with `domAnimation` instead,
 * the lighter way issue 7 suggests, to show what that switch could save.
 */
const floorEntry = (style: 'motion' | 'lazy') => `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMachine } from 'xstate';
import { useMachine } from '@xstate/react';
${style === 'lazy' ? "import { AnimatePresence, LazyMotion, MotionConfig, domAnimation, m as motion } from 'framer-motion';" : "import { AnimatePresence, MotionConfig, motion } from 'framer-motion';"}
import { create } from 'zustand';

const useCount = create((set) => ({ n: 0, inc: () => set((s) => ({ n: s.n + 1 })) }));
const toggle = createMachine({ id: 'toggle', initial: 'off', states: { off: { on: { TOGGLE: 'on' } }, on: { on: { TOGGLE: 'off' } } } });

function App() {
  const [state, send] = useMachine(toggle);
  const { n, inc } = useCount();
  return (
    ${style === 'lazy' ? '<LazyMotion features={domAnimation} strict>' : '<>'}
    <MotionConfig reducedMotion="user">
      <button type="button" onClick={() => { send({ type: 'TOGGLE' }); inc(); }}>toggle {n}</button>
      <AnimatePresence>
        {state.matches('on') && <motion.div key="on" initial={{ opacity: 0 }} animate={{ opacity: 1 }} exit={{ opacity: 0 }}>on</motion.div>}
      </AnimatePresence>
    </MotionConfig>
    ${style === 'lazy' ? '</LazyMotion>' : '</>'}
  );
}

createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
`;

/** Builds the floor with vite's JS API under node_modules/.cache (so the libraries resolve) and returns its gzip JS size. */
export async function buildFloor(style: 'motion' | 'lazy' = 'motion'): Promise<{ bytes: number; files: number }> {
  const root = join(REPO_ROOT, `node_modules/.cache/saga-bench/floor-${style}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>\n');
  writeFileSync(join(root, 'main.jsx'), floorEntry(style));
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const outDir = join(root, 'dist');
  await build({ root, base: './', configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true } });
  const first = firstLoadScripts(outDir);
  if (first.length === 0) throw new Error('floor build produced no entry script');
  return { bytes: sum(first), files: first.length };
}

/** gzip size of the first-load JS and all JS in dist/, and the floor and ratio beside them. */
export async function measureBundle(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const built = await guarded('bundle.build', 'build', () => {
    const state = ensureBuilt();
    return [{ id: 'bundle.build', label: 'build', text: state === 'fresh' ? 'dist/ up to date' : 'dist/ rebuilt with npx vite build' }];
  });
  figures.push(...built);
  if (built[0].na) return figures;

  const floor = await guarded('bundle.floor', 'floor (react, react-dom, xstate, @xstate/react, framer-motion, zustand alone)', async () => {
    const { bytes, files } = await buildFloor();
    return [{ id: 'bundle.floor', label: 'floor (react, react-dom, xstate, @xstate/react, framer-motion, zustand alone)', text: `${kB(bytes)} gzip (${files} file${files === 1 ? '' : 's'})`, values: { gzipBytes: bytes } }];
  });
  const lazyLabel = 'floor with LazyMotion + m (domAnimation) instead of motion';
  const lazyFloor = await guarded('bundle.floorLazyMotion', lazyLabel, async () => {
    const { bytes } = await buildFloor('lazy');
    return [{ id: 'bundle.floorLazyMotion', label: lazyLabel, text: `${kB(bytes)} gzip`, values: { gzipBytes: bytes } }];
  });
  const floorBytes = floor[0].values?.gzipBytes as number | undefined;
  const ratio = (bytes: number) => (floorBytes ? `, ${round(bytes / floorBytes, 2)}× the floor` : '');

  figures.push(
    ...(await guarded('bundle.firstLoad', 'first-load JS (gzip)', () => {
      const files = firstLoadScripts();
      if (files.length === 0) throw new Error('no <script src> or modulepreload JS found in dist/index.html');
      const bytes = sum(files);
      const verdict = bytes <= FIRST_LOAD_BUDGET ? 'within' : `over by ${kB(bytes - FIRST_LOAD_BUDGET)}`;
      const names = files.map((f) => relative(DIST, f)).join(', ');
      return [
        {
          id: 'bundle.firstLoad',
          label: 'first-load JS (gzip)',
          text: `${kB(bytes)} in ${files.length} file${files.length === 1 ? '' : 's'}${ratio(bytes)}; budget ${kB(FIRST_LOAD_BUDGET)}: ${verdict} [${names}]`,
          values: { gzipBytes: bytes, files: files.length, ratioToFloor: floorBytes ? round(bytes / floorBytes, 3) : null, budgetBytes: FIRST_LOAD_BUDGET },
        },
      ];
    })),
    ...(await guarded('bundle.allJs', 'all JS in dist (gzip)', () => {
      const files = allJs(DIST);
      const bytes = sum(files);
      return [{ id: 'bundle.allJs', label: 'all JS in dist (gzip)', text: `${kB(bytes)} in ${files.length} file${files.length === 1 ? '' : 's'}${ratio(bytes)}`, values: { gzipBytes: bytes, files: files.length } }];
    })),
    ...floor,
    ...lazyFloor,
  );
  return figures;
}
