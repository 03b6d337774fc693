import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

// The failure matrix in a real browser: open it, keep only the silent rows, open one cell's run.
const openMatrix = async (page: Page) => {
  await page.goto('/');
  // A first visit opens lesson 1; the views are switched from the sandbox.
  await page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: 'Sandbox' }).click();
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Failure matrix' }).click();
  const grid = page.getByRole('grid', { name: /Failure matrix/ });
  await expect(grid).toBeVisible({ timeout: 30_000 });
  return grid;
};

test.describe('failure matrix', () => {
  test('open it, filter to the silent rows, open a silent cell in the single-run view', async ({ page }) => {
    const grid = await openMatrix(page);
    const summary = page.getByRole('region', { name: 'Failure matrix' }).getByRole('status');
    await expect(summary).toContainText(/\d+ of \d+ cells are silent inconsistencies\./);
    await expect(page).toHaveURL(/[?&]view=matrix/);
    await expect(grid.getByRole('columnheader')).toHaveText(['Fault point', 'Orchestration, keys off', 'Choreography, keys off', 'Orchestration, keys on', 'Choreography, keys on']);
    await expectNoAxeViolations(page);

    const all = await grid.getByRole('row').count();
    await page.getByRole('checkbox', { name: 'Only silent' }).check();
    await expect.poll(() => grid.getByRole('row').count()).toBeLessThan(all);
    await expect(summary).toContainText(/Showing the \d+ of \d+ fault points with a silent cell\./);
    // Keys on and an orchestrator: never silent.
    const rows = grid.getByRole('row');
    for (let i = 1; i < (await rows.count()); i++) await expect(rows.nth(i).getByRole('gridcell').nth(2)).not.toContainText('silent');

    // Keyboard: one tab stop, the arrow keys move it, Enter opens the cell.
    await grid.getByRole('gridcell').first().getByRole('link').focus();
    // Silent rows: inventory (lost reply, dropped message), orders (the same), then the payment's lost reply.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('data-pos', '4:0');
    const row = grid.getByRole('row').nth(5);
    await expect(row.getByRole('rowheader')).toContainText('Payments — charge the card');
    await expect(row.getByRole('rowheader')).toContainText('lost reply after commit');
    await expect(focused).toContainText('silent');
    await expect(page.locator('.matrix-details')).toContainText("its reply is lost: the orchestrator times out and retries.");
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/lost=payment:1/);
    await expect(page).toHaveURL(/keys=0/);
    await expect(grid).toBeHidden();
    await page.keyboard.press('End');
    const invariants = page.getByRole('region', { name: 'Invariants' });
    await expect(invariants).toContainText('no-double-charge');
    await expect(invariants).toContainText(/charged 2 times/);

    // Back returns to the matrix.
    await page.goBack();
    await expect(page.getByRole('grid', { name: /Failure matrix/ })).toBeVisible({ timeout: 30_000 });
  });

  test('usable at 375 px: no sideways scrolling, every cell readable', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    const grid = await openMatrix(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    const cell = grid.getByRole('gridcell').first();
    const box = await cell.boundingBox();
    expect(box?.width).toBeGreaterThan(60);
    await expectNoAxeViolations(page);
  });
});
