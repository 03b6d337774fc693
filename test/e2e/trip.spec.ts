import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

test.describe('the trip saga from a link', () => {
  test('?definition=trip&failAt=car: the trip’s tables undo flight and hotel, and the statechart rests in compensated', async ({ page }) => {
    await page.goto('/?definition=trip&failAt=car');
    await expect(page.getByRole('combobox', { name: 'Saga' })).toHaveValue('trip');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByRole('region', { name: 'Invariants' }).getByText('Outcome: compensated')).toBeVisible();

    // One card per trip step, each with its own table; the undo is a new status, never a deletion.
    const names = await page.getByRole('article').getByRole('heading', { level: 3 }).allInnerTexts();
    expect(names).toEqual(['Flights', 'Hotels', 'Cars', 'Payments']);
    await expect(page.getByRole('table', { name: 'Flights database: flight (1 row)' }).getByRole('row', { name: /flight-o1/ })).toContainText('UNDONE');
    await expect(page.getByRole('table', { name: 'Hotels database: hotel (1 row)' }).getByRole('row', { name: /hotel-o1/ })).toContainText('UNDONE');
    await expect(page.getByRole('table', { name: 'Cars database: car (0 rows)' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Payments database: payment (0 rows)' })).toBeVisible();

    // The statechart: exactly one active state, the machine's final one.
    const orchestrator = page.getByRole('region', { name: 'Orchestrator' });
    const active = orchestrator.locator('li[aria-current="true"]');
    await expect(active).toHaveCount(1);
    await expect(active).toContainText('compensated');
    await expect(orchestrator.getByRole('list', { name: 'Where the orchestrator is' })).toHaveText(/Done: every completed step was undone/);

    // Step back to the failure: the machine is already compensating (choosing is passed through).
    for (let i = 0; i < 20; i++) {
      if (/Car failed/.test((await orchestrator.getByRole('list', { name: 'Where the orchestrator is' }).textContent()) ?? '')) break;
      await page.getByRole('button', { name: 'Step back' }).click();
    }
    await expect(orchestrator.getByRole('list', { name: 'Where the orchestrator is' })).toHaveText(/Car failed; undoing the completed steps in reverse order/);
    await expect(active).toHaveCount(1);
    await expect(orchestrator.getByRole('list', { name: 'compensating substates' }).locator('li[aria-current="true"]')).toContainText('calling');
    await expectNoAxeViolations(page);
  });
});
