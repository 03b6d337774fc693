// Full-page screenshot of the app, for the README and for looking at the UI without a desktop.
//
//   npx tsx test/e2e/screenshot.ts [url] [out.png] [width] [height]
//
// Defaults: http://127.0.0.1:4173/ public/preview.png 1440 900. Start a server first, e.g.
// `npm run build && npm run preview` (port 4173) or `npm run dev` (then pass http://127.0.0.1:5173/).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const [url = 'http://127.0.0.1:4173/', out = 'public/preview.png', w, h] = process.argv.slice(2);
  const width = positiveInt(w, 1440, 'width');
  const height = positiveInt(h, 900, 'height');
  const outPath = resolve(out);
  mkdirSync(dirname(outPath), { recursive: true });

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    page.on('pageerror', (err) => console.error(`pageerror: ${err.message}`));
    await page.goto(url, { waitUntil: 'networkidle' });
    // Let web fonts and any entrance animations settle before capturing.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(500);
    await page.screenshot({ path: outPath, fullPage: true });
    console.log(`saved ${outPath} (${width}x${height} viewport, full page) from ${url}`);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
