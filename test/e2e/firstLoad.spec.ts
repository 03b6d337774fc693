import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { FIRST_LOAD_BUDGET } from '../bench/bundleSize';

// Issue 18: the page every first visit opens (`/`, lesson 1) fetches at most 150 kB of gzipped JS, counting
// every file it fetches (not only those index.html names). The panels the lesson's run will show come
// later, on demand: from the learner's first touch or key press, before "Lock in".
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

function watchScripts(page: Page): string[] {
  const fetched: string[] = [];
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) fetched.push(path.replace(/^\//, ''));
  });
  return fetched;
}

test('a first visit to / fetches at most 150 kB of gzipped JS, and the run summary only once the learner acts', async ({ page }) => {
  const fetched = watchScripts(page);
  await page.goto('/', { waitUntil: 'networkidle' });
  await expect(page.getByRole('heading', { level: 2, name: 'Assume it works' })).toBeVisible();
  await page.waitForTimeout(1000);
  const bytes = [...new Set(fetched)].reduce((n, f) => n + gzipSync(readFileSync(DIST + f), { level: 9 }).length, 0);
  expect(bytes, `first load: ${fetched.join(', ')}`).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
  expect(fetched.filter((f) => /RunSummaryStrip|RacePanel|OrchestratorPanel|0[2-7]-/.test(f))).toEqual([]);

  await page.keyboard.press('Tab');
  await expect.poll(() => fetched.some((f) => f.includes('RunSummaryStrip'))).toBe(true);
});
