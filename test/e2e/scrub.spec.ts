import { expect, type Page, test } from '@playwright/test';

// Dragging the scrubber with a real mouse: the panels are paced during the drag (usePanelRun) and must show
// exactly the final position once the button is released.

/** Everything the run's panels say: services, timeline (and its text list), story, invariants, orchestrator. */
const panels = (page: Page) => page.locator('.layout').evaluate((el) => el.textContent ?? '');
const position = (page: Page) => page.getByText(/event \d+ of \d+/).first();

/** The panels' text once it has stopped changing (they render deferred, a moment after the clock). */
async function settledPanels(page: Page): Promise<string> {
  let last = await panels(page);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(150);
    const now = await panels(page);
    if (now === last) return now;
    last = now;
  }
  throw new Error('the panels kept changing for 3 s');
}

test('after a fast mouse scrub, every panel shows the stop the scrubber was released at', async ({ page, context }) => {
  await page.goto('/?failAt=delivery');
  const slider = page.getByRole('slider', { name: /scrub/i });
  const box = await slider.boundingBox();
  if (!box) throw new Error('the scrubber has no box');
  const y = box.y + box.height / 2;
  const left = box.x + 2;
  const right = box.x + box.width - 2;
  await page.mouse.move(left, y);
  await page.mouse.down();
  for (const x of [right, left, right]) await page.mouse.move(x, y, { steps: 15 });
  // End a third of the way along, mid-run.
  await page.mouse.move(left + (right - left) / 3, y, { steps: 10 });
  // Mid-drag the clock already reads the new stop.
  await expect(position(page)).not.toHaveText(/^event 0 of/);
  await page.mouse.up();
  const stop = Number((await position(page).textContent())?.match(/event (\d+) of/)?.[1]);
  expect(stop).toBeGreaterThan(0);

  // The same stop reached without the scrubber, on a second page: Home, then → one stop at a time.
  const other = await context.newPage();
  await other.goto('/?failAt=delivery');
  const start = await panels(other);
  for (let i = 0; i < stop; i++) await other.keyboard.press('ArrowRight');
  await expect(position(other)).toHaveText(new RegExp(`^event ${stop} of`));
  const expected = await settledPanels(other);
  expect(expected).not.toBe(start);
  await expect.poll(() => panels(page)).toBe(expected);
});
