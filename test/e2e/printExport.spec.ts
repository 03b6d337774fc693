import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// A handout and the files behind it: print shows the run without controls and without scroll
// boxes; "Download" saves the timeline (SVG, PNG) and the run (JSON).

test('print: no controls, the narration and the timeline in full', async ({ page }) => {
  await page.goto('/?failAt=warehouse&compFail=payment:2');
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Play' })).toBeHidden();
  await expect(page.getByText('Share or embed this run')).toBeHidden();
  await expect(page.getByRole('region', { name: 'Scenario' })).toBeHidden();
  // Nothing cut off: the story is as tall as its content, the timeline as wide as the page.
  const narration = page.getByRole('list', { name: 'Story so far, newest last' });
  const box = await narration.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
  const widths = await page.locator('svg.tl-svg').evaluate((svg) => ({ svg: svg.getBoundingClientRect().width, page: document.documentElement.clientWidth }));
  expect(widths.svg).toBeLessThanOrEqual(widths.page);
  await expect(page.getByRole('region', { name: /Services/ }).first()).toBeVisible();
});

test('download: the timeline as SVG and PNG, the run as JSON', async ({ page }) => {
  await page.goto('/?failAt=payment');
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await page.getByText('Share or embed this run').click();
  const downloads = page.getByRole('group', { name: 'Download' });

  const save = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), downloads.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), body: readFileSync(await download.path()) };
  };

  const svg = await save('Timeline (SVG)');
  expect(svg.name).toBe('saga-timeline.svg');
  const text = svg.body.toString('utf8');
  expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // Styles travel inline: the file needs no stylesheet.
  expect(text).toMatch(/style="[^"]*fill:/);
  expect(text).toContain(">Payments</text>");
  await expect(downloads.getByRole('status')).toHaveText('Timeline saved as saga-timeline.svg.');

  const png = await save('Timeline (PNG)');
  expect(png.name).toBe('saga-timeline.png');
  expect(png.body.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect(png.body.length).toBeGreaterThan(5000);
  if (process.env.KEEP_PNG) writeFileSync(process.env.KEEP_PNG, png.body);

  const json = await save('Run (JSON)');
  expect(json.name).toBe('saga-run.json');
  const run = JSON.parse(json.body.toString('utf8'));
  expect(run.outcome).toBe('compensated');
  expect(run.scenario.failAt).toBe('payment');
  expect(run.trace.filter((e: { type: string }) => e.type.startsWith('saga.')).map((e: { type: string }) => e.type)).toEqual(['saga.started', 'saga.compensating', 'saga.compensated']);
});
