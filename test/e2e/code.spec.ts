import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { stepForward } from './playback';

const where = (page: Page) => page.getByTestId('code-where');
/** The first highlighted line of the code box, without its line number. */
const firstActive = async (page: Page) => ((await page.locator('.code-line[data-active]').first().textContent()) ?? '').replace(/^\s*\d+/, '').trim();

/** Steps forward, one drawn position at a time, until the Code panel says `text`. */
async function stepUntil(page: Page, text: RegExp): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (text.test((await where(page).textContent()) ?? '')) return;
    await stepForward(page);
  }
  throw new Error(`never reached ${text}`);
}

/** True when the highlighted line is inside the visible part of the scrolling code box. */
const activeLineVisibleInBox = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('.code-view')?.getBoundingClientRect();
    const line = document.querySelector('.code-line[data-active]')?.getBoundingClientRect();
    return Boolean(box && line && line.top >= box.top && line.bottom <= box.bottom);
  });

test.describe('the Code panel follows the run', () => {
  test('the highlighted ASL state follows the compensation, its retry and the next undo', async ({ page }) => {
    await page.goto('/?failAt=warehouse&compFail=payment:1');
    await page.getByText('The same saga as code').click();
    await expect(where(page)).toHaveText(/Nothing is executing yet/);

    await stepUntil(page, /^Now: the warehouse step/);
    expect(await firstActive(page)).toBe('"Request pick and pack": {');

    await stepUntil(page, /^Now: payment's compensation —/);
    expect(await firstActive(page)).toBe('"Refund the card": {');
    expect(await activeLineVisibleInBox(page)).toBe(true);

    // The refund fails once: while the orchestrator backs off, the state's Retry block is lit.
    await stepUntil(page, /^Now: payment's compensation, backing off/);
    expect(await firstActive(page)).toBe('"Retry": [');

    await stepUntil(page, /^Now: order's compensation/);
    expect(await firstActive(page)).toBe('"Cancel the order": {');
    expect(await activeLineVisibleInBox(page)).toBe(true);

    // The same moment in Temporal: the undo closure of the order step.
    await page.getByRole('tab', { name: 'Temporal' }).click();
    expect(await firstActive(page)).toBe("() => orderUndo.cancelTheOrder(input, key('order', 'compensate')),");
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(where(page)).toHaveText('Nothing is executing: the saga ended compensated.');
    await expect(page.locator('.code-line[data-active]')).toHaveCount(0);
  });

  test('copy and download give the exact generated file', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/?definition=order-with-pivot');
    await page.getByText('The same saga as code').click();
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied statemachine.asl.json.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(copied).StartAt).toBe('Hold the item');

    await page.getByRole('tab', { name: 'Durable Functions' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('orchestrator.ts');
    expect(readFileSync((await download.path()) as string, 'utf8')).toContain("df.app.orchestration('orderWithPivotSaga', orderWithPivotSaga);");
  });

  test('lesson 6 opens the code beside the run, and it fits a phone', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/?lesson=the-concepts-stay');
    await page.getByLabel('The same key as the first call: saga id, step and action (s-1:payment:forward)').check();
    await page.getByRole('button', { name: /Lock in my prediction/ }).click();
    await expect(page.getByRole('tab', { name: 'Step Functions' })).toBeVisible();
    // The restart's call to Payments, in the code: the same key as before the crash.
    await page.getByRole('tab', { name: 'Temporal' }).click();
    await stepUntil(page, /^Now: the payment step — line/);
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await page.getByRole('button', { name: 'Check my prediction' }).click();
    await expect(page.getByText(/The call carried s-1:payment:forward, exactly as before the crash/)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});
