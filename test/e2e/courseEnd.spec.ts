import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

// Issue 16 items 11 and 10: the end of the course (a summary of every lesson's idea, each with a
// link back to its run), and a reload mid-lesson that keeps the learner's prediction.

const SHOTS = process.env.SUMMARY_SHOTS;

/** Locks in a choice, plays the run to its end and checks the prediction. */
async function answer(page: Page, option: RegExp): Promise<void> {
  await page.getByRole('radio', { name: option }).check();
  await page.getByRole('button', { name: /Lock in my prediction/ }).click();
  await page.getByRole('button', { name: 'Jump to end' }).click();
  await page.getByRole('button', { name: 'Check my prediction' }).click();
}

const summary = (page: Page) => page.getByRole('region', { name: 'What the course showed' });

test.describe('the end of the course', () => {
  test('finish lesson 7, "Next" opens the summary; a link goes back to lesson 3’s run', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/?lesson=watching-sagas-in-production');
    await answer(page, /^Payment$/);
    await expect(page.getByText('Your prediction was right.')).toBeVisible();
    await page.getByRole('link', { name: /Next: what the course showed/ }).click();

    await expect(summary(page)).toBeVisible();
    await expect(page).toHaveURL(/\?view=summary$/);
    // Keyboard and screen reader users continue from the summary's title.
    await expect(page.locator('#summary-title')).toBeFocused();
    await expect(summary(page).getByText(/lessons done\./)).toHaveText('1 of 7 lessons done. Each lesson’s idea, and the run that showed it:');
    const lesson7 = summary(page).getByRole('listitem').filter({ hasText: 'Watching sagas in production' });
    await expect(lesson7).toContainText('Done: answered right (1 try)');
    await expect(summary(page).getByRole('listitem').filter({ hasText: 'Undo is a new action' })).toContainText('Not done yet');
    await expect(page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: 'Summary' })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/summary-1440.png`, fullPage: true });

    await summary(page).getByRole('link', { name: /run of lesson 3,/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Undo is a new action' })).toBeVisible();
    await expect(page).toHaveURL(/\?lesson=undo-is-a-new-action&failAt=warehouse&compFail=payment:2/);
    // Back returns to the summary.
    await page.goBack();
    await expect(summary(page)).toBeVisible();
  });

  test('at 375 px the summary fits without sideways scrolling, and works by keyboard', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto('/?view=summary');
    await expect(summary(page)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectNoAxeViolations(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/summary-375.png`, fullPage: true });
    // Tab to lesson 2's link and open it with Enter.
    const link = summary(page).getByRole('link', { name: /run of lesson 2,/ });
    for (let i = 0; i < 60 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Someone has to drive' })).toBeVisible();
  });

  test('embedded, the summary’s links open in the frame and keep it embedded', async ({ page }) => {
    await page.goto('/?view=summary&embed=1');
    await expect(summary(page)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Course' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await summary(page).getByRole('link', { name: /run of lesson 4,/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Retries need idempotency keys' })).toBeVisible();
    await expect(page.getByRole('link', { name: /Open full simulator/ })).toBeVisible();
    await expect(page).toHaveURL(/embed=1/);
  });
});

test.describe('a reload mid-lesson', () => {
  test('keeps the locked-in prediction, then the checked verdict', async ({ page }) => {
    await page.goto('/?lesson=undo-is-a-new-action');
    const selects = page.locator('.question-form select');
    await selects.first().waitFor();
    for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: i + 1 });
    await page.getByRole('button', { name: /Lock in my prediction/ }).click();
    const picked = await page.getByText(/^Your prediction:/).textContent();
    expect(picked).toMatch(/→/);

    await page.reload();
    await expect(page.getByRole('heading', { name: '2 · Watch the run' })).toBeVisible();
    await expect(page.getByText(/^Your prediction:/)).toHaveText(picked ?? '');

    await page.getByRole('button', { name: 'Jump to end' }).click();
    await page.getByRole('button', { name: 'Check my prediction' }).click();
    const verdict = await page.locator('.verdict').textContent();
    await page.reload();
    await expect(page.locator('.verdict')).toHaveText(verdict ?? '');
    await expect(page.getByText(/for the lesson’s run:/)).toContainText(picked?.replace('Your prediction: ', '') ?? '');
    await expectNoAxeViolations(page);
  });
});
