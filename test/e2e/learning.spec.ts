import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { predict } from './lessons';

// The learning pass (issue 16) in a real browser: a first visit opens lesson 1, and a lesson's run
// fits the first screen at 1440×900.

test.describe('one idea at a time', () => {
  test('a first visit opens lesson 1; the sandbox is one click away', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 2, name: 'Assume it works' })).toBeVisible();
    await expect(page).toHaveURL(/\?lesson=assume-it-works(&|$)/);
    await page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: 'Sandbox' }).click();
    await expect(page.getByRole('group', { name: 'Which step fails?' })).toBeVisible();
  });

  test('lesson 1 at 1440×900: the tables and the whole timeline are on the first screen, with the lesson beside them', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/?lesson=assume-it-works');
    await predict(page);
    await page.getByRole('button', { name: 'Jump to end' }).click();
    for (const table of await page.locator('.sp-table').all()) expect((await table.boundingBox())?.y ?? 1e9).toBeLessThan(900);
    const tables = await page.locator('.sp-table').evaluateAll((ts) => Math.max(...ts.map((t) => t.getBoundingClientRect().bottom)));
    expect(tables).toBeLessThanOrEqual(900);
    // Every lane of the timeline, down to Delivery's, is on screen.
    const lanes = await page.locator('.tl-lane-name').evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect()).map((r) => r.top + r.height / 2));
    expect(lanes.length).toBe(6);
    expect(Math.max(...lanes)).toBeLessThanOrEqual(900);
    await expect(page.getByRole('button', { name: 'Check my prediction' })).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expectNoAxeViolations(page);
  });
});

test.describe('the timeline shows the cause', () => {
  /** Where the chart stands: its visible window and the whole plot's width, in px. */
  const chart = (page: Page) =>
    page.locator('.slot-timeline .tl-scroll').evaluate((el) => ({
      left: el.scrollLeft,
      view: el.clientWidth,
      plot: (el.querySelector('svg') as SVGSVGElement).width.baseVal.value,
      now: Number((el.querySelector('.tl-now line') as SVGLineElement).getAttribute('x1')),
    }));

  test('lesson 4: at the end the whole run fits, first charge and lost reply included; "Fit" toggles; playing keeps "now" in view', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/?lesson=retries-need-keys');
    await predict(page);
    await page.getByRole('button', { name: 'Jump to end' }).click();
    const fit = page.getByRole('button', { name: 'Fit the whole run' });
    await expect(fit).toHaveAttribute('aria-pressed', 'true');
    const end = await chart(page);
    expect(end.left).toBe(0);
    expect(end.plot).toBeLessThanOrEqual(end.view);
    // The first charge's lost reply is drawn, and on screen.
    const lost = page.locator('.slot-timeline .tl-scroll').getByText('lost').first();
    await expect(lost).toBeInViewport();

    await fit.click();
    await expect(fit).toHaveAttribute('aria-pressed', 'false');
    expect((await chart(page)).plot).toBeGreaterThan(end.view);

    // Playing from the start: the chart follows, "now" always inside the visible window.
    await page.getByRole('button', { name: 'Restart' }).click();
    await expect(fit).toHaveAttribute('aria-pressed', 'false');
    for (let i = 0; i < 14; i++) {
      await page.getByRole('button', { name: 'Step forward' }).click();
      const c = await chart(page);
      expect(c.now).toBeGreaterThanOrEqual(c.left);
      expect(c.now).toBeLessThanOrEqual(c.left + c.view);
    }
  });
});

test.describe('phone (375 px)', () => {
  test('the lesson chips wrap inside the page, and the run starts right under the lesson', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/?lesson=assume-it-works');
    const nav = page.getByRole('navigation', { name: 'Course' });
    const overflow = await nav.locator('ol').evaluate((ol) => ol.scrollWidth - ol.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const link of await nav.getByRole('link').all()) {
      const box = await link.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
    }
    await predict(page);
    // The playback bar sits right under the header, above the folded lesson and the tables.
    const playback = await page.getByRole('region', { name: 'Playback' }).boundingBox();
    expect(playback?.y ?? 1e9).toBeLessThan(300);
    await expectNoAxeViolations(page);
  });
});

test('a skip link takes keyboard users to the run: Play is three Tabs away, not two dozen', async ({ page }) => {
  await page.goto('/?seed=1');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the run' })).toBeFocused();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(page.getByRole('region', { name: 'Playback' }).getByRole('button', { name: 'Play' })).toBeFocused();
});
