import type { Page } from '@playwright/test';

/** The course's lessons in order: the app's own list (src/lessons), not a copy. */
export { LESSON_IDS } from '../../src/lessons';

/** Picks the first answers of the open lesson's question and locks them in: the run starts. */
export async function predict(page: Page): Promise<void> {
  const form = page.locator('.question-form');
  // The lesson's content may load on demand: count its fields only once it is there.
  await form.waitFor();
  const selects = form.locator('select');
  for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: i + 1 });
  if (await form.locator('input[type=radio]').count()) await form.locator('input[type=radio]').first().check();
  if (await form.locator('input[type=number]').count()) await form.locator('input[type=number]').fill('1');
  await form.getByRole('button', { name: /Lock in my prediction/ }).click();
}
