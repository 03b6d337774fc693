import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { BUILT_IN_DEFINITIONS } from '../../src/core';
import { expectNoAxeViolations } from './axe';

// "Your own saga" in a real browser: build the trip, run it failing at car, export, re-import,
// share a link that reproduces the run in a fresh browser, and load a saga into an embedded frame.

const TRIP = BUILT_IN_DEFINITIONS.trip;
const step = (page: Page, n: number): Locator => page.locator('fieldset').filter({ has: page.locator('legend', { hasText: new RegExp(`^Step ${n} `) }) });
const narration = (page: Page) => page.getByRole('region', { name: 'What happened' });

async function buildTrip(page: Page): Promise<void> {
  await page.getByLabel('Start from').selectOption('empty');
  await page.getByRole('button', { name: 'Start over from an empty saga' }).click();
  for (const [i, s] of TRIP.steps.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add a step' }).click();
    const set = step(page, i + 1);
    await set.getByLabel('Id', { exact: true }).fill(s.id);
    await set.getByLabel('Service', { exact: true }).fill(s.service);
    await set.getByLabel('Action', { exact: true }).fill(s.action);
    if (s.compensation) await set.getByLabel('Compensation', { exact: true }).fill(s.compensation);
    await set.getByLabel('Kind', { exact: true }).selectOption(s.kind);
  }
  await page.getByLabel('Saga id').fill(TRIP.id);
  await page.getByLabel('Title').fill(TRIP.title);
}

async function expectCarFailureRun(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await expect(narration(page)).toContainText('Hotels did it: cancel the hotel');
  await expect(narration(page)).toContainText('Flights did it: cancel the flight');
  await expect(narration(page)).not.toContainText('charge the card');
}

test.describe('Your own saga', () => {
  test('build the trip, fail at car, export, re-import, and share a link that reproduces the run', async ({ page, browser }) => {
    await page.goto('./');
    await page.getByRole('link', { name: 'Your own saga' }).click();
    await expect(page.getByRole('heading', { name: 'Your own saga' })).toBeVisible();
    await buildTrip(page);
    await expect(page.getByText('No problems: the run below shows this saga.')).toBeVisible();

    // A rule broken while typing shows next to its field, and goes when fixed.
    const id2 = step(page, 2).getByLabel('Id', { exact: true });
    await id2.fill('flight');
    await expect(id2).toHaveAttribute('aria-invalid', 'true');
    await expect(step(page, 2)).toContainText('"flight" is already the id of an earlier step');
    await id2.fill('hotel');
    await expect(id2).not.toHaveAttribute('aria-invalid');

    await page.getByLabel(/Try a failure/).selectOption('car');
    await expectCarFailureRun(page);
    await expectNoAxeViolations(page);

    // Export as a file: exactly the trip.
    await page.getByText('JSON: export and import').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download trip.json' }).click()]);
    expect(download.suggestedFilename()).toBe('trip.json');
    const file = await download.path();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(TRIP);

    // Re-import it over another saga.
    await page.getByLabel('Start from').selectOption('order');
    await page.getByRole('button', { name: 'Start over from the order saga' }).click();
    await expect(step(page, 5)).toHaveCount(1);
    // The download's path has a random name; the file is given back under its own.
    await page.getByLabel('Import a .json file').setInputFiles({ name: 'trip.json', mimeType: 'application/json', buffer: readFileSync(file) });
    await expect(page.getByText('trip.json loaded: 4 steps, ready to run.')).toBeVisible();
    await expect(step(page, 5)).toHaveCount(0);

    // Make it our own (so the link carries it), fail at car, and share.
    await step(page, 3).getByLabel('Service', { exact: true }).fill('Cars Inc');
    await page.getByLabel(/Try a failure/).selectOption('car');
    await page.getByText('Share or embed this run').click();
    const link = page.getByRole('textbox', { name: 'Link to this run' });
    await expect(link).toHaveValue(/failAt=car.*&def=[A-Za-z0-9_-]+$/);
    const shared = await link.inputValue();
    await expect(page.getByRole('textbox', { name: 'Embed code for a course page' })).toHaveValue(/def=[A-Za-z0-9_-]+/);

    // A fresh browser (no storage, no state) opens the link and plays the same run.
    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      await other.goto(shared);
      await expect(other.getByRole('region', { name: 'Services and their databases' })).toContainText('Cars Inc');
      await expectCarFailureRun(other);
      await expect(other.getByRole('heading', { name: 'Your own saga' })).toHaveCount(0);
    } finally {
      await fresh.close();
    }
  });

  test('works at 375 px: no sideways scroll, every field reachable', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('./?edit=1');
    await expect(page.getByRole('heading', { name: 'Your own saga' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const box = await step(page, 1).getByLabel('Compensation', { exact: true }).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
  });

  test('a bad saga in a link shows its problems as text and runs the order saga', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await page.goto('./');
    // A packed saga whose step kind is markup: the problem quotes it, as text.
    const bad = { ...TRIP, steps: [{ ...TRIP.steps[0], kind: '<img src=x onerror=alert(1)>' }] };
    const def = await page.evaluate(async (json) => {
      const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }, JSON.stringify(bad));
    await page.goto(`./?failAt=car&def=${def}`);
    await expect(page.getByText(/The saga in this link cannot run, so the order saga runs instead/)).toBeVisible();
    await expect(page.getByText('steps[0].kind: must be one of compensatable, pivot, retriable; got "<img src=x onerror=alert(1)>"')).toBeVisible();
    await expect(page.locator('img[src=x]')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Services and their databases' })).toContainText('Inventory');
    expect(dialogs).toEqual([]);
  });

  test('an embedded frame loads a custom saga by message and posts run-finished: compensated', async ({ page, baseURL }) => {
    const app = new URL(baseURL ?? 'http://127.0.0.1:4173/');
    const html = `<!doctype html><html lang="en"><head><title>Host</title></head><body>
      <iframe id="sim" title="Saga Simulator" width="900" height="600" src="${app.origin}/?embed=1"></iframe>
      <script>
        window.messages = [];
        addEventListener('message', (e) => { if (e.source === document.getElementById('sim').contentWindow) window.messages.push(e.data); });
      </script></body></html>`;
    const server: Server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const messages = () => page.evaluate(() => (window as unknown as { messages: { type: string; outcome?: string }[] }).messages);
      await expect.poll(async () => (await messages()).map((m) => m.type), { timeout: 20_000 }).toContain('ready');
      const definition = { ...TRIP, id: 'school-trip', steps: TRIP.steps.map((s) => (s.id === 'car' ? { ...s, service: 'Coaches' } : s)) };
      await page.evaluate(
        ([origin, def]) => {
          const sim = document.getElementById('sim') as HTMLIFrameElement;
          sim.contentWindow?.postMessage({ source: 'saga-sim', type: 'load', params: 'failAt=car&autoplay=1&speed=8', definition: def }, origin);
        },
        [app.origin, definition] as const,
      );
      await expect.poll(async () => (await messages()).filter((m) => m.type === 'run-finished').at(-1)?.outcome, { timeout: 30_000 }).toBe('compensated');
      await expect(page.frameLocator('#sim').getByRole('region', { name: 'Services and their databases' })).toContainText('Coaches');
    } finally {
      server.close();
    }
  });

  test('a lesson written as JSON loads by message into a frame, and reports lesson-completed; its link opens it again', async ({ page, baseURL, browser }) => {
    const app = new URL(baseURL ?? 'http://127.0.0.1:4173/');
    const lesson = JSON.parse(readFileSync('public/examples/trip-lesson.json', 'utf8'));
    const server: Server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Host</title></head><body>
        <iframe id="sim" title="Saga Simulator lesson" width="1000" height="700" src="${app.origin}/?embed=1"></iframe>
        <script>window.messages = []; addEventListener('message', (e) => window.messages.push(e.data));</script></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const messages = () => page.evaluate(() => (window as unknown as { messages: { type: string }[] }).messages);
      await expect.poll(async () => (await messages()).map((m) => m.type), { timeout: 20_000 }).toContain('ready');
      await page.evaluate(
        ([origin, json]) => {
          const sim = document.getElementById('sim') as HTMLIFrameElement;
          sim.contentWindow?.postMessage({ source: 'saga-sim', type: 'load', params: '', lesson: json }, origin);
        },
        [app.origin, lesson] as const,
      );
      const frame = page.frameLocator('#sim');
      await expect(frame.getByRole('heading', { name: 'Undoing a trip' })).toBeVisible();
      await frame.getByLabel('1st:').selectOption('hotel');
      await frame.getByLabel('2nd:').selectOption('flight');
      await frame.getByRole('button', { name: /Lock in my prediction/ }).click();
      await frame.getByRole('button', { name: 'Jump to end' }).click();
      await frame.getByRole('button', { name: 'Check my prediction' }).click();
      await expect(frame.getByText('Your prediction was right.')).toBeVisible();
      await expect(frame.getByText(/They ran Hotels cancels the hotel → Flights cancels the flight/)).toBeVisible();
      await expect.poll(async () => (await messages()).filter((m) => m.type === 'lesson-completed')).toEqual([expect.objectContaining({ source: 'saga-sim', type: 'lesson-completed', lesson: 'trip-undo-order', correct: true, answer: ['hotel', 'flight'] })]);

      // The frame's way out carries the lesson file, and a fresh browser opens the same lesson from it.
      const out = await frame.getByRole('link', { name: /Open full simulator/ }).getAttribute('href');
      expect(out).toMatch(/lesson=trip-undo-order.*lessonDef=/);
      const fresh = await browser.newContext();
      try {
        const other = await fresh.newPage();
        await other.goto(out ?? '');
        await expect(other.getByRole('heading', { name: 'Undoing a trip' })).toBeVisible();
      } finally {
        await fresh.close();
      }
    } finally {
      server.close();
    }
  });
});
