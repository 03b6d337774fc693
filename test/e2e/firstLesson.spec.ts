import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

// The first lesson in a real browser: what a learner clicks, what they see, and axe at each stop.
test.describe('first lesson', () => {
  test('a failing payment plays to "Outcome: compensated" and stays accessible on the way', async ({ page }) => {
    await page.goto('/?seed=1'); // any parameter: the sandbox (a bare first visit opens lesson 1)
    await page.getByRole('group', { name: 'Which step fails?' }).getByRole('button', { name: 'Payment' }).click();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByText(/event 8 of \d+/)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.keyboard.press('End');
    const invariants = page.getByRole('region', { name: 'Invariants' });
    await expect(invariants.getByText(/Outcome: compensated/)).toBeVisible();
    await expect(invariants.getByText('violated')).toHaveCount(0);
  });

  test('an incident offers operator actions, and retrying closes it', async ({ page }) => {
    await page.goto('/?seed=1'); // any parameter: the sandbox (a bare first visit opens lesson 1)
    await page.getByRole('button', { name: 'Payment' }).click();
    await page.getByText('More failures', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Make compensation fail' }).selectOption('order');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    const incident = page.getByRole('alert');
    await expect(incident).toContainText('Orders could not cancel the order');
    await expectNoAxeViolations(page);

    await incident.getByRole('button', { name: 'Retry compensation now' }).click();
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Invariants' }).getByText(/Outcome: compensated/)).toBeVisible();
  });

  test('works in a 375 px wide viewport without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto('/?seed=1'); // any parameter: the sandbox (a bare first visit opens lesson 1)
    await page.getByRole('button', { name: 'Step forward' }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});
