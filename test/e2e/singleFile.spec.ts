import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';

// Offline: `npm run build:single` makes one HTML file that runs from disk, explorer worker included;
// the ordinary build opened from disk says what to do instead of showing a blank page.

const root = fileURLToPath(new URL('../..', import.meta.url));
const single = `${root}dist-single/saga-sim.html`;

test.describe('from a file on disk', () => {
  test.beforeAll(() => {
    // Always rebuilt: a stale file from an older checkout would prove nothing.
    execFileSync('npm', ['run', 'build:single'], { cwd: root, stdio: 'pipe', timeout: 180_000 });
  });

  test('the single-file build runs a lesson and explores every interleaving in its inlined worker, with no network', async ({ page }) => {
    test.setTimeout(120_000);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url());
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${pathToFileURL(single).href}?lesson=assume-it-works`);
    await expect(page.getByRole('heading', { name: 'Assume it works' })).toBeVisible();
    // The lesson's panel and the side-by-side view were lazy chunks; here they are in the one file.
    await page.goto(`${pathToFileURL(single).href}?lesson=someone-has-to-drive`);
    await page.getByRole('radio', { name: /^Stuck/ }).check();
    await page.getByRole('button', { name: 'Lock in my prediction and run it' }).click();
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByText('The run has finished: check your prediction.')).toBeVisible();
    await page.getByRole('button', { name: 'Check my prediction' }).click();
    await expect(page.getByText('Your prediction was right.')).toBeVisible();

    // The explorer runs in a Web Worker, inlined as a data: URL.
    await page.goto(`${pathToFileURL(single).href}?buyers=2&lock=0`);
    await page.getByRole('radio', { name: /Explore all/ }).check();
    await expect(page.getByText(/Explored [\d,]+ states · [\d,]+ interleavings · [1-9][\d,]* violating/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Replay the shortest counterexample' })).toBeVisible();
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  test('the ordinary build opened from disk explains itself instead of a blank page', async ({ page }) => {
    // dist/ is what the e2e web server built and serves.
    const index = `${root}dist/index.html`;
    expect(existsSync(index)).toBe(true);
    await page.goto(pathToFileURL(index).href);
    await expect(page.getByText(/cannot start from a file opened on disk/)).toBeVisible();
    await expect(page.getByText(/npm run build:single/)).toBeVisible();
  });
});
