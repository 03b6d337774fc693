import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test('the app loads with a level-1 heading, no console errors, and no axe violations', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const { url } = msg.location();
      errors.push(`console.error: ${msg.text()}${url ? ` (${url})` : ''}`);
    }
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await expectNoAxeViolations(page);
  expect(errors, errors.join('\n')).toEqual([]);
});
