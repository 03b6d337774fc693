import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import { COURSE } from '../../src/lessons';
import { PROGRESS_KEY } from '../../src/store/progressStorage';
import { expectNoAxeViolations } from './axe';
import { predict } from './lessons';

// The course in a real browser: a lesson by keyboard alone, saved progress, links that carry a run,
// embedding in a page on another origin, and axe on every lesson.

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Answers the open lesson's question by mouse (first options), runs it to the end and checks it. */
async function completeLesson(page: Page): Promise<void> {
  await predict(page);
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await page.getByRole('button', { name: 'Check my prediction' }).click();
  await expect(page.getByRole('heading', { name: '4 · Try it yourself' })).toBeVisible();
}

test.describe('course', () => {
  test('a lesson can be completed by keyboard alone, and the progress survives a reload', async ({ page }) => {
    await page.goto('/?lesson=assume-it-works');
    await expect(page.getByRole('heading', { name: 'Assume it works' })).toBeVisible();
    // Choice question: Tab into the radio group, arrows pick (the fourth option is the run's answer).
    await tabTo(page, '.question-form input[type=radio]');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    // Focus moves to the run's step; End jumps playback to the end, Tab reaches the check.
    await expect(page.getByRole('heading', { name: '2 · Watch the run' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByText('The run has finished: check your prediction.')).toBeVisible();
    await tabTo(page, '.lesson-step button.primary');
    await expect(page.getByRole('button', { name: 'Check my prediction' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Your prediction was right.')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.reload();
    const nav = page.getByRole('navigation', { name: 'Course' });
    await expect(nav.getByRole('link', { name: /Assume it works \(completed\)/ })).toBeVisible();
    await expect(nav.getByText('1 of 7 lessons done')).toBeVisible();

    await nav.getByRole('button', { name: 'Reset progress' }).click();
    await expect(nav.getByText('0 of 7 lessons done')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Course' }).getByText('0 of 7 lessons done')).toBeVisible();
  });

  test('corrupt stored progress is ignored: the page still loads', async ({ page }) => {
    await page.goto('/');
    await page.evaluate((key) => localStorage.setItem(key, '{garbage'), PROGRESS_KEY);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText('0 of 7 lessons done')).toBeVisible();
    await page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: /Undo is a new action/ }).click();
    await expect(page.getByRole('heading', { name: 'Undo is a new action' })).toBeVisible();
  });

  test('a link reproduces its run, and the address bar follows the run', async ({ page }) => {
    await page.goto('/?failAt=warehouse&compFail=payment:always&speed=4');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByRole('alert')).toContainText('could not');
    await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('4');
    await page.getByRole('group', { name: 'Which step fails?' }).getByRole('button', { name: 'Payment' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?failAt=payment&compFail=payment:always&speed=4');
    await page.getByText('Share or embed this run').click();
    await expect(page.getByRole('textbox', { name: 'Link to this run' })).toHaveValue(/\?failAt=payment&compFail=payment:always&speed=4$/);
    await expect(page.getByRole('textbox', { name: 'Embed code for a course page' })).toHaveValue(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?failAt=payment.*embed=1"/);
  });

  test('a hostile link shows a warning as text and injects nothing', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto('/?failAt=<img src=x onerror=alert(1)>&seed=abc');
    const banner = page.getByRole('status').filter({ hasText: 'ignored' });
    await expect(banner).toContainText('The failAt parameter has the value');
    await expect(banner).toContainText('The seed parameter has the value "abc"');
    await expect(page.locator('img[src=x]')).toHaveCount(0);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText('The seed parameter has the value')).toHaveCount(0);
  });

  test('embedded in a page on another origin: ready, run-finished, and a load command changes the run', async ({ page, baseURL }) => {
    const app = new URL(baseURL ?? 'http://127.0.0.1:4173/');
    const host = (src: string) => `<!doctype html><html lang="en"><head><title>Host</title></head><body>
      <iframe id="sim" title="Saga Simulator" width="900" height="600" src="${src}"></iframe>
      <script>
        window.messages = [];
        addEventListener('message', (e) => { if (e.source === document.getElementById('sim').contentWindow && e.data.type !== 'resize') window.messages.push(e.data); });
      </script></body></html>`;
    let page1 = '';
    const server: Server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(req.url?.startsWith('/wrong-origin') ? host(`${app.origin}/?failAt=payment&autoplay=1&embed=1&speed=8&parentOrigin=https://school.example`) : page1);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    page1 = host(`${app.origin}/?failAt=payment&autoplay=1&embed=1&speed=8&parentOrigin=http://127.0.0.1:${port}`);
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      const messages = () => page.evaluate(() => (window as unknown as { messages: { type: string; outcome?: string }[] }).messages);
      await expect.poll(async () => (await messages()).map((m) => m.type), { timeout: 20_000 }).toEqual(['ready', 'run-finished']);
      expect((await messages())[1]).toMatchObject({ source: 'saga-sim', type: 'run-finished', outcome: 'compensated', violations: [], alerts: [] });

      // Embedded: no site chrome, a way out to the same run.
      const frame = page.frameLocator('#sim');
      await expect(frame.getByRole('navigation', { name: 'Course' })).toHaveCount(0);
      const out = frame.getByRole('link', { name: /Open full simulator/ });
      await expect(out).toHaveAttribute('target', '_blank');
      await expect(out).toHaveAttribute('rel', /noopener/);
      await expect(out).toHaveAttribute('href', /\?failAt=payment&speed=8$/);

      await page.evaluate((origin) => {
        const sim = document.getElementById('sim') as HTMLIFrameElement;
        sim.contentWindow?.postMessage({ source: 'saga-sim', type: 'load', params: 'failAt=warehouse&compFail=payment:always&autoplay=1&speed=8' }, origin);
      }, app.origin);
      await expect.poll(async () => (await messages()).at(-1)?.outcome, { timeout: 20_000 }).toBe('needs-attention');
      expect((await messages()).map((m) => m.type)).toEqual(['ready', 'run-finished', 'loaded', 'run-finished']);
      await expect(frame.getByRole('alert')).toContainText('could not');

      // A frame whose parentOrigin names another site says nothing to this page.
      await page.goto(`http://127.0.0.1:${port}/wrong-origin`);
      await page.waitForTimeout(2500);
      expect(await messages()).toEqual([]);
    } finally {
      server.close();
    }
  });

  test('an embedded lesson tells its host when it is completed', async ({ page, baseURL }) => {
    const app = new URL(baseURL ?? 'http://127.0.0.1:4173/');
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Host</title></head><body>
        <iframe id="sim" title="Saga Simulator lesson" width="1000" height="700" src="${app.origin}/?lesson=someone-has-to-drive&embed=1"></iframe>
        <script>window.messages = []; addEventListener('message', (e) => e.data.type !== 'resize' && window.messages.push(e.data));</script></body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const frame = page.frameLocator('#sim');
      await frame.getByRole('radio', { name: /^Stuck/ }).check();
      await frame.getByRole('button', { name: /Lock in my prediction/ }).click();
      await frame.getByRole('button', { name: 'Jump to end' }).click();
      await frame.getByRole('button', { name: 'Check my prediction' }).click();
      await expect(frame.getByText('Your prediction was right.')).toBeVisible();
      // Embedded: no lesson list and no "next lesson" link.
      await expect(frame.getByRole('link', { name: /Next lesson/ })).toHaveCount(0);
      const messages = () => page.evaluate(() => (window as unknown as { messages: { type: string }[] }).messages);
      await expect.poll(async () => (await messages()).map((m) => m.type)).toEqual(['ready', 'run-finished', 'lesson-completed']);
      expect((await messages())[2]).toMatchObject({ source: 'saga-sim', type: 'lesson-completed', lesson: 'someone-has-to-drive', correct: true, attempt: 1 });
      expect((await messages())[1]).toMatchObject({ type: 'run-finished', outcome: 'stuck', alerts: [] });
    } finally {
      server.close();
    }
  });

  test('embed mode passes axe and hides the chrome', async ({ page }) => {
    await page.goto('/?failAt=payment&embed=1&panels=services,narration,invariants');
    await expect(page.getByRole('link', { name: /Open full simulator/ })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Course' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Timeline' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expectNoAxeViolations(page);
  });

  for (const lesson of COURSE) {
    test(`axe: lesson "${lesson.title}" before and after the run`, async ({ page }) => {
      await page.goto(`/?lesson=${lesson.id}`);
      await expect(page.getByRole('heading', { name: '1 · Predict' })).toBeVisible();
      await expectNoAxeViolations(page);
      await completeLesson(page);
      await expectNoAxeViolations(page);
    });
  }

  test('a lesson fits a 375 px wide phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 700 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto('/?lesson=the-concepts-stay');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await completeLesson(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });

  test('axe: the sandbox, with every control open', async ({ page }) => {
    await page.goto('/?seed=1'); // any parameter: the sandbox
    await page.getByText('Mode, lost messages and crashes').click();
    await page.getByText('Share or embed this run').click();
    await expectNoAxeViolations(page);
  });
});
