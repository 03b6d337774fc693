import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';

// "Two buyers, one seat" in a real browser, driven through the race panel's controls.
const OVERSELL = 'Seat 1A sold to buyer 1 and buyer 2, but only 1 in stock.';

async function setUpRace(page: Page, { lock }: { lock: boolean }) {
  await page.goto('/?seed=1'); // any parameter: the sandbox (a bare first visit opens lesson 1)
  const race = page.getByRole('region', { name: 'Two buyers, one seat' });
  await race.getByRole('combobox', { name: 'Buyers' }).selectOption('2');
  await race.getByRole('checkbox', { name: 'Semantic lock (PENDING)' }).setChecked(lock);
  return race;
}

test.describe('two buyers, one seat', () => {
  test('as the scheduler with the lock off, both buyers read before either writes and the seat is sold twice', async ({ page }) => {
    test.slow(); // a dozen decisions, each re-rendering every panel
    const race = await setUpRace(page, { lock: false });
    await race.getByRole('radio', { name: /You are the scheduler/ }).check();
    const choices = race.getByRole('group', { name: 'Choice point: who moves next?' });

    await choices.getByRole('button', { name: 'Buyer 1: Inventory — read availability' }).click();
    await choices.getByRole('button', { name: 'Buyer 2: Inventory — read availability' }).click();
    await expect(race.getByText(/Your schedule:/)).toHaveText('Your schedule: 0,1');
    await expectNoAxeViolations(page);

    // Keep deciding until every saga has finished; the views follow each choice point to the end.
    while (await choices.isVisible()) await choices.getByRole('button').first().click();
    await expect(race.getByText(/No more choices/)).toBeVisible();
    await expect(page.getByText(/event \d+ of \d+/)).toHaveText(/event (\d+) of \1$/);

    await expect(race.getByRole('alert')).toHaveText(/Sold twice: buyer 1 and buyer 2/);
    await expect(page.getByRole('region', { name: 'Invariants' }).getByText(OVERSELL)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('with the lock on, the second buyer reads PENDING and backs off', async ({ page }) => {
    const race = await setUpRace(page, { lock: true });
    await race.getByRole('radio', { name: /You are the scheduler/ }).check();
    const choices = race.getByRole('group', { name: 'Choice point: who moves next?' });
    await choices.getByRole('button', { name: 'Buyer 1: Inventory — hold the item' }).click();
    await choices.getByRole('button', { name: 'Buyer 2: Inventory — hold the item' }).click();
    // Buyer 2 is turned away at once; buyer 1 runs on alone (no more choices) to the end.
    await expect(race.getByText(/No more choices/)).toBeVisible();

    const buyer2 = race.getByRole('list', { name: 'Buyers' }).getByRole('listitem').nth(1);
    await expect(buyer2).toContainText('read PENDING for o-1');
    await expect(buyer2).toContainText('backs off');
    await expect(buyer2).toContainText('compensated');
    await expect(race.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Invariants' }).getByText(OVERSELL)).toHaveCount(0);
  });

  test('"Explore all" finds violating interleavings with the lock off and none with it on', async ({ page }) => {
    const race = await setUpRace(page, { lock: false });
    await race.getByRole('radio', { name: /Explore all/ }).check();
    const status = race.getByRole('status');
    await expect(status).toHaveText(/Explored [\d,]+ states · [\d,]+ interleavings · [1-9][\d,]* violating/);
    await expectNoAxeViolations(page);

    await race.getByRole('button', { name: 'Replay the shortest counterexample' }).click();
    await page.getByRole('button', { name: 'Jump to end' }).click();
    await expect(page.getByRole('region', { name: 'Invariants' }).getByText(OVERSELL)).toBeVisible();

    await race.getByRole('checkbox', { name: 'Semantic lock (PENDING)' }).check();
    await expect(status).toHaveText(/Explored [\d,]+ states · [\d,]+ interleavings · 0 violating/);
    await expect(race.getByText('No interleaving breaks an invariant.')).toBeVisible();
  });

  test('the page keeps answering while four buyers are explored', async ({ page }) => {
    const race = await setUpRace(page, { lock: false });
    await race.getByRole('combobox', { name: 'Buyers' }).selectOption('4');
    await race.getByRole('radio', { name: /Explore all/ }).check();
    await expect(race.getByRole('status')).toHaveText(/Exploring every interleaving… [\d,]+ states so far/);
    // While the worker explores, playback still responds at once.
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(page.getByText(/event 1 of \d+/)).toBeVisible({ timeout: 1_000 });
    await race.getByRole('button', { name: 'Stop exploring' }).click();
    await expect(race.getByRole('status')).toHaveText(/Stopped after [\d,]+ states/);
  });
});
