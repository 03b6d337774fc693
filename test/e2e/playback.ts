import { expect, type Page } from '@playwright/test';

/**
 * Clicks "Step forward" and waits until the run's panels have drawn the new position. They draw a
 * deferred copy of the run (App's `.layout[data-cursor]`), so a second click made before that runs
 * past a stop a test is looking for: on a loaded machine a panel was then read one stop behind another.
 */
export async function stepForward(page: Page): Promise<void> {
  const layout = page.locator('.layout[data-cursor]');
  const drawn = (await layout.getAttribute('data-cursor')) ?? '';
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(layout).not.toHaveAttribute('data-cursor', drawn);
}
