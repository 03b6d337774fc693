import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

// The trace view in a real browser: the waterfall follows playback, the diff against a baseline,
// both runs in one link, the three downloads, and lesson 7 answered from the waterfall.

const spanList = (page: Page) => page.getByRole('list', { name: 'Spans in tree order' });

test.describe('trace waterfall', () => {
  test('shows the failed run against the run without faults, by keyboard, with no axe violations', async ({ page }) => {
    await page.goto('/');
    // A first visit opens lesson 1; the views are switched from the sandbox.
    await page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: 'Sandbox' }).click();
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Trace' }).click();
    await page.getByRole('group', { name: 'Which step fails?' }).getByRole('button', { name: 'Payment' }).click();
    const waterfall = page.getByRole('region', { name: 'Trace waterfall' });
    await expect(waterfall.getByText('No spans yet: play the run.')).toBeVisible();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(spanList(page).getByRole('button', { name: /^inventory: call from the orchestrator; attempt 1; still in flight/ })).toBeVisible();

    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(
      spanList(page).getByRole('button', { name: /^payment: call from the orchestrator; attempt 1; error: card declined for order o-1/ }),
    ).toBeVisible();
    await expect(
      spanList(page).getByRole('button', { name: /^compensate order: call from the orchestrator; .*compensation; ok; .*extra: not in the baseline/ }),
    ).toBeVisible();
    await expect(spanList(page).getByRole('button', { name: /^warehouse: call from the orchestrator; .*missing: only in the baseline/ })).toBeVisible();
    await expect(waterfall.getByText(/^Against the same scenario without faults: the saga took [+−][\d.]+ s — 4 extra spans, 8 missing/)).toBeVisible();

    // One tab stop for the list; arrows walk it; the details follow.
    const first = spanList(page).getByRole('button').first();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(spanList(page).getByRole('button').nth(2)).toBeFocused();
    await expect(waterfall.getByText('s-1:inventory:forward')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('shares both runs in one link: the pinned baseline survives opening the link', async ({ page, browser }) => {
    await page.goto('/?view=trace&failAt=warehouse');
    await page.getByRole('button', { name: 'Pin this run as the baseline' }).click();
    await page.getByRole('group', { name: 'Which step fails?' }).getByRole('button', { name: 'Order' }).click();
    await expect(page).toHaveURL(/view=trace&failAt=order&baseline=failAt%3Dwarehouse/);
    const other = await browser.newPage();
    await other.goto(page.url());
    await other.getByRole('button', { name: 'Jump to end' }).click();
    await expect(other.getByText(/^Against the pinned run \(failAt=warehouse\): the saga took −[\d.]+ s — 0 extra spans, 8 missing/)).toBeVisible();
    await other.close();
  });

  test('downloads the trace as OTLP/JSON, Jaeger JSON and a Chrome trace', async ({ page }) => {
    await page.goto('/?view=trace&mode=choreography&drop=payment&seed=9');
    const group = page.getByRole('group', { name: 'Download trace' });
    const files: Record<string, unknown> = {};
    for (const name of ['OTLP/JSON', 'Jaeger JSON', 'Chrome trace (Perfetto)']) {
      const [download] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name }).click()]);
      files[download.suggestedFilename()] = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
    }
    expect(Object.keys(files)).toEqual(['saga-trace-seed9.otlp.json', 'saga-trace-seed9.jaeger.json', 'saga-trace-seed9.chrome-trace.json']);
    const otlp = files['saga-trace-seed9.otlp.json'] as { resourceSpans: { resource: { attributes: { value: { stringValue: string } }[] } }[] };
    expect(otlp.resourceSpans.map((r) => r.resource.attributes[0].value.stringValue)).toEqual(['shop', 'Inventory', 'Orders', 'Payments']);
    expect((files['saga-trace-seed9.jaeger.json'] as { data: unknown[] }).data).toHaveLength(1);
    expect((files['saga-trace-seed9.chrome-trace.json'] as { traceEvents: { ph: string }[] }).traceEvents.some((e) => e.ph === 'X')).toBe(true);
    await expect(group.getByRole('status')).toHaveText('Saved saga-trace-seed9.chrome-trace.json.');
  });

  test('lesson 7 is answered from the waterfall', async ({ page }) => {
    await page.goto('/?lesson=watching-sagas-in-production');
    await expect(page.getByRole('heading', { name: 'Watching sagas in production' })).toBeVisible();
    await page.getByRole('radio', { name: 'Payment' }).check();
    await page.getByRole('button', { name: /Lock in my prediction/ }).click();
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByRole('region', { name: 'Trace waterfall' }).getByText(/longest call: payment \(2 s\)/)).toBeVisible();
    await page.getByRole('button', { name: 'Check my prediction' }).click();
    await expect(page.getByText('Your prediction was right.')).toBeVisible();
    await expect(page.getByText(/Payment: 3\.\d s from its first call to its last reply/)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('fits a 375 px wide phone without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/?view=trace&crash=payment:after-commit&failAt=delivery&compFail=inventory:always');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(spanList(page).getByRole('button', { name: /^compensate inventory: call from the orchestrator; attempt 3/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
