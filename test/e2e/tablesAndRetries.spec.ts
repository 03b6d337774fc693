import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

const table = (page: Page, name: RegExp) => page.getByRole('table', { name });
const rowsOf = async (page: Page, name: RegExp) => (await table(page, name).locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));

test.describe('what the databases show', () => {
  test('payment fails: the order is CANCELLED, the hold RELEASED, nothing charged; stepping back shows an earlier state', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('group', { name: 'Which step fails?' }).getByRole('button', { name: 'Payment' }).click();
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByRole('region', { name: 'Invariants' }).getByText(/Outcome: compensated/)).toBeVisible();

    expect((await rowsOf(page, /Orders database/)).join('\n')).toMatch(/o-1.*CANCELLED/);
    expect((await rowsOf(page, /Inventory database/)).join('\n')).toMatch(/hold-o1.*RELEASED/);
    // The card was declined: the ledger never got a charge, so the order nets $0.
    expect((await rowsOf(page, /Payments database/)).filter((r) => /charge/.test(r))).toEqual([]);
    await expectNoAxeViolations(page);

    // Step back a few events: the order was not cancelled yet.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Step back' }).click();
    expect((await rowsOf(page, /Orders database/)).join('\n')).toMatch(/o-1.*PENDING/);
    await expect(page.getByRole('region', { name: 'Invariants' }).getByText(/Outcome:/)).toHaveCount(0);
  });
});

test.describe('retries and idempotency keys', () => {
  async function loseOnePaymentResponse(page: Page, keys: boolean) {
    await page.goto('/');
    const keysBox = page.getByRole('checkbox', { name: 'Idempotency keys' });
    if (!keys) await keysBox.uncheck();
    await page.getByText('More failures', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Lose the reply of' }).selectOption('payment');
    await page.getByRole('combobox', { name: 'Replies lost' }).selectOption('1');
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByRole('region', { name: 'Invariants' }).getByText(/Outcome: completed/)).toBeVisible();
  }

  test('keys off + a lost payment response: two charges, and the invariants panel names the double charge', async ({ page }) => {
    await loseOnePaymentResponse(page, false);
    const charges = (await rowsOf(page, /Payments database/)).filter((r) => /charge/.test(r));
    expect(charges).toHaveLength(2);
    await expect(page.getByRole('region', { name: 'Invariants' })).toContainText('Order o-1 was charged 2 times: $80 net for a $40 order.');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('keys on + the same lost response: one charge, the retry replayed, every invariant holds', async ({ page }) => {
    await loseOnePaymentResponse(page, true);
    const charges = (await rowsOf(page, /Payments database/)).filter((r) => /charge/.test(r));
    expect(charges).toHaveLength(1);
    await expect(page.getByRole('region', { name: 'Invariants' }).getByText('violated')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'What happened' })).toContainText(/idempotency key s-1:payment:forward/);
  });
});
