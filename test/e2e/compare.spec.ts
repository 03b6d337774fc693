import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

// Choreography and orchestration side by side in a real browser: same order, same failure, one clock.
const openSideBySide = async (page: Page) => {
  await page.goto('/');
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Side by side' }).click();
  return {
    choreography: page.getByRole('region', { name: 'Choreography — services react to events' }),
    orchestration: page.getByRole('region', { name: 'Orchestration — one orchestrator calls each service' }),
  };
};

test.describe('side by side', () => {
  test('a dropped payment event: the choreography is stuck and nobody notices, the orchestration completes', async ({ page }) => {
    const { choreography, orchestration } = await openSideBySide(page);
    await page.getByRole('combobox', { name: 'Drop the message sent by' }).selectOption('payment');
    await expect(choreography.getByText("Who knows the saga's state?")).toBeVisible();
    await expect(choreography.getByText('Nobody. Each service knows only its own table.')).toBeVisible();
    await expect(orchestration.getByText('The orchestrator, in its durable saga log.')).toBeVisible();

    await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(orchestration.getByText(/Outcome: completed/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

    await expect(choreography.getByText(/Outcome: stuck/)).toBeVisible();
    await expect(choreography.getByRole('list', { name: 'Invariants broken' })).toContainText(
      'Order o-1 is still PENDING with nothing in flight: item held, card charged $40.',
    );
    await expect(choreography.getByText(/PaymentCharged dropped/)).toBeVisible();
    await expect(orchestration.getByText('Every invariant holds.')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a crash after payment commits: the orchestrator goes down, its log survives, it recovers at Payment', async ({ page }) => {
    const { choreography, orchestration } = await openSideBySide(page);
    await page.getByRole('combobox', { name: 'Crash the orchestrator at' }).selectOption('payment');
    await page.getByRole('combobox', { name: 'Crash moment' }).selectOption('after-commit');
    await expect(choreography.getByText(/No orchestrator to crash here/)).toBeVisible();

    const down = orchestration.getByText('Orchestrator down — restarting in 3 s');
    for (let i = 0; i < 60 && !(await down.isVisible()); i++) await page.keyboard.press('ArrowRight');
    await expect(down).toBeVisible();
    await expect(orchestration.getByText('survived the crash')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.keyboard.press('End');
    await expect(orchestration.getByText('Recovered from 6 log rows: resumes at Payment')).toBeVisible();
    await expect(orchestration.getByText(/Outcome: completed/)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('stacks the two sides on a 375 px wide screen without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    const { choreography, orchestration } = await openSideBySide(page);
    await page.getByRole('button', { name: 'Step forward' }).click();
    const left = await choreography.boundingBox();
    const right = await orchestration.boundingBox();
    expect(right?.y ?? 0).toBeGreaterThan((left?.y ?? 0) + (left?.height ?? 0) - 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});
