/**
 * `npm run build:single`: the whole simulator as one self-contained HTML file,
 * `dist-single/saga-sim.html`, that opens from disk (`file://`) with no server and no network —
 * for classrooms without a reliable connection, as PhET ships its sims.
 *
 * Browsers do not load module scripts, stylesheets or workers from `file://` URLs, so everything
 * is put inside the page: the app's one script (dynamic imports folded in) and its styles inline,
 * the explorer's worker as a `data:` URL, the icon as a data URI. The app's own build config is
 * used unchanged apart from that.
 */

import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'dist-single');
export const SINGLE_FILE = join(outDir, 'saga-sim.html');

/** Text that is safe inside an inline `<script>` or `<style>`: no early closing tag. */
const inlineSafe = (code: string, tag: 'script' | 'style'): string => code.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);

/** The explorer's worker, referenced by file name from the app's script, becomes a `data:` URL. */
function inlineWorkers(code: string, assets: string): string {
  return code.replace(/new URL\(`((?:[\w-]+\/)*explore\.worker-[\w-]+\.js)`,import\.meta\.url\)/g, (_, file: string) => {
    const worker = readFileSync(join(assets, file.split('/').at(-1) ?? file));
    return `new URL(\`data:text/javascript;base64,${worker.toString('base64')}\`)`;
  });
}

/** Replaces each tag matched by `pattern` (its first group: a `./assets/…` path) with what `inline` makes of the file. */
function inlineTags(html: string, pattern: RegExp, inline: (text: string) => string): string {
  return html.replace(pattern, (_, path: string) => inline(readFileSync(join(outDir, path), 'utf8')));
}

async function main(): Promise<void> {
  await build({
    root,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      cssCodeSplit: false,
      modulePreload: false,
      // Images and fonts become data URIs, whatever their size.
      assetsInlineLimit: Number.MAX_SAFE_INTEGER,
      // One file is the point: its size is reported below instead.
      chunkSizeWarningLimit: 100_000,
      rolldownOptions: { output: { inlineDynamicImports: true } },
    },
  });
  const assets = join(outDir, 'assets');
  let html = readFileSync(join(outDir, 'index.html'), 'utf8');
  html = inlineTags(html, /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"><\/script>/g, (code) => {
    const inlined = inlineWorkers(code, assets);
    if (/\.\/assets\/|`assets\//.test(inlined)) throw new Error('the app script still refers to a file in assets/: it would not load from disk');
    return `<script type="module">${inlineSafe(inlined, 'script')}</script>`;
  });
  html = inlineTags(html, /<link rel="stylesheet" crossorigin href="\.\/(assets\/[^"]+\.css)">/g, (css) => `<style>${inlineSafe(css, 'style')}</style>`);
  const icon = readFileSync(join(outDir, 'favicon.svg')).toString('base64');
  html = html.replace('href="./favicon.svg"', `href="data:image/svg+xml;base64,${icon}"`);
  if (/(src|href)="\.\/assets\//.test(html)) throw new Error('index.html still loads a file from assets/');

  // One file is the product: everything else in the folder goes.
  for (const entry of readdirSync(outDir)) rmSync(join(outDir, entry), { recursive: true });
  writeFileSync(SINGLE_FILE, html);
  console.log(`${SINGLE_FILE}: ${(Buffer.byteLength(html) / 1024).toFixed(0)} kB, open it from disk.`);
}

await main();
