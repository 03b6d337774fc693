import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { LESSON_IDS, predict } from './lessons';
import { stepForward } from './playback';

// Issue 16 items 9 and 10 in a real browser: on a phone (375 px) nothing runs off the page, every
// table fits its card or says it scrolls, a summary of the run stays next to the lesson text, and
// lesson 5's text comes before its race; wide (1440 px), the lesson's tables fit their cards.

const PHONE = { width: 375, height: 740 };
const WIDE = { width: 1440, height: 900 };

/** Opens a lesson, predicts and jumps to the end of its run. */
async function lessonAtEnd(page: Page, id: string): Promise<void> {
  await page.goto(`/?lesson=${id}`);
  await predict(page);
  await page.getByRole('button', { name: 'Jump to end' }).first().click();
  await expect(page.getByText('The run has finished')).toBeVisible();
}

/**
 * Every table on screen, with the box that clips it sideways (its nearest ancestor that does not let
 * content overflow): whether the table fits that box, and if not, whether a "scroll →" hint is shown
 * with it and the box can be scrolled by keyboard.
 */
function tableBoxes(page: Page) {
  return page.locator('table').evaluateAll((tables) =>
    tables
      .filter((t) => (t as HTMLElement).offsetParent !== null)
      .map((t) => {
        let box = t.parentElement as HTMLElement;
        while (box.parentElement && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
        const hint = box.parentElement?.querySelector(':scope > .side-scroll-hint') as HTMLElement | null;
        const name = box.getAttribute('aria-label') ?? document.getElementById(box.getAttribute('aria-labelledby') ?? '')?.textContent ?? t.querySelector('caption')?.textContent ?? '';
        return {
          name,
          fits: box.scrollWidth <= box.clientWidth + 1,
          hint: hint !== null && hint.offsetHeight > 0 && /scroll/.test(hint.textContent ?? ''),
          focusable: box.tabIndex === 0,
        };
      }),
  );
}

test.describe('a phone, 375 px', () => {
  test.use({ viewport: PHONE });

  for (const [i, id] of LESSON_IDS.entries()) {
    test(`lesson ${i + 1}: nothing runs off the page sideways, and every table fits its card or shows that it scrolls`, async ({ page }) => {
      await page.goto(`/?lesson=${id}`);
      await page.locator('.question-form').waitFor();
      const check = async () => {
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        for (const t of await tableBoxes(page)) {
          if (t.fits) continue;
          expect(t.hint, `${t.name}: a table that does not fit shows "scroll →"`).toBe(true);
          expect(t.focusable, `${t.name}: keyboard users can scroll it`).toBe(true);
          expect(t.name, 'the scrolling box is named').not.toBe('');
        }
      };
      await check();
      await lessonAtEnd(page, id);
      await check();
    });
  }

  test('lesson 3: the services tables fit a phone, and the hint appears only on a table that does not fit', async ({ page }) => {
    await lessonAtEnd(page, 'undo-is-a-new-action');
    const boards = (await tableBoxes(page)).filter((t) => / database: /.test(t.name));
    expect(boards.map((t) => t.name.split(' ')[0])).toEqual(['Inventory', 'Orders', 'Payments', 'Warehouse', 'Delivery']);
    for (const t of boards) expect(t, t.name).toMatchObject({ fits: true, hint: false, focusable: false });
    // Lesson 6's comparison table is wider than any phone: it says it scrolls, and scrolls by keyboard.
    await page.goto('/?lesson=the-concepts-stay');
    const table = page.getByRole('region', { name: /The same four ideas/ });
    await expect(page.locator('.side-scroll-hint').first()).toHaveText('scroll →');
    await table.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    await expectNoAxeViolations(page);
  });

  /**
   * At every scroll position where some of the lesson is on screen below the sticky playback bar, the summary
   * strip is on screen too, unless the lesson's next button is in the bottom band where the strip would cover it.
   */
  async function expectSummaryWhileLessonShown(page: Page): Promise<void> {
    const bottom = await page.locator('section.lesson').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
    let checked = 0;
    for (let y = 0; y < bottom; y += 60) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      const seen = await page.evaluate(() => {
        const bars = [...document.querySelectorAll('.playback')].map((b) => b.getBoundingClientRect()).filter((r) => r.top <= 1 && r.bottom > 0);
        const barBottom = Math.max(0, ...bars.map((r) => r.bottom));
        const text = (document.querySelector('section.lesson') as HTMLElement).getBoundingClientRect();
        const s = (document.querySelector('.run-summary') as HTMLElement).getBoundingClientRect();
        const buttonLow = [...document.querySelectorAll('section.lesson .lesson-steps .primary')].some((b) => {
          const r = b.getBoundingClientRect();
          return r.bottom > window.innerHeight - 160 && r.top < window.innerHeight;
        });
        return { lessonShown: text.bottom > barBottom + 20 && text.top < window.innerHeight && !buttonLow, top: s.top, bottom: s.bottom, barBottom };
      });
      if (!seen.lessonShown) continue;
      checked++;
      expect(seen.bottom, `scrolled to ${y}`).toBeLessThanOrEqual(PHONE.height);
      expect(seen.top, `scrolled to ${y}`).toBeGreaterThanOrEqual(seen.barBottom);
    }
    expect(checked).toBeGreaterThan(2);
    await page.evaluate(() => window.scrollTo(0, 0));
  }

  test('the summary of the run stays in view while the lesson text is, and follows the playback', async ({ page }) => {
    await lessonAtEnd(page, 'undo-is-a-new-action');
    const strip = page.getByRole('region', { name: 'The run so far' });
    await expect(strip).toHaveText(/↩ Compensated after a failure at step 4 of 5 \(Warehouse\)\s*Card: 1 charge, 1 refund · nets \$0/);
    await expectSummaryWhileLessonShown(page);
    // The summary is about the playback position, not only the end.
    await page.getByRole('button', { name: 'Restart' }).click();
    await expect(strip).toHaveText(/Not started yet\s*Card: not charged/);
    // Step by step to the warehouse's refusal: the strip says so, and the one charge made so far.
    for (let i = 0; i < 30 && !/Warehouse\): ✗/.test((await strip.textContent()) ?? ''); i++) await stepForward(page);
    await expect(strip).toHaveText(/^Step 4 of 5 \(Warehouse\): ✗ Failed: the warehouse cannot pick order o-1\s*Card: 1 charge · nets \$40$/);
    await expectNoAxeViolations(page);
  });

  /** Whether the element at the centre of `name`'s button is that button (nothing drawn over it). */
  async function buttonUncovered(page: Page, name: RegExp): Promise<boolean> {
    return page.getByRole('button', { name }).evaluate((b) => {
      const r = b.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && b.contains(hit);
    });
  }

  for (const id of LESSON_IDS) {
    test(`${id}: after predicting, the summary strip does not cover "Check my prediction" (at the top, and when Tab reaches it)`, async ({ page }) => {
      await page.goto(`/?lesson=${id}`);
      await predict(page);
      await page.getByRole('region', { name: 'The run so far' }).waitFor();
      for (const y of [0, 120, 240]) {
        await page.evaluate((to) => window.scrollTo(0, to), y);
        const button = await page.getByRole('button', { name: /Check my prediction/ }).boundingBox();
        if (!button || button.y + button.height > PHONE.height || button.y < 0) continue;
        await expect.poll(() => buttonUncovered(page, /Check my prediction/), `scrolled to ${y}`).toBe(true);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: /Check my prediction/ }).focus();
      await expect.poll(() => buttonUncovered(page, /Check my prediction/)).toBe(true);
    });
  }

  test('side by side and in the trace view, the summary closes the lesson text above the run and stays in view with it', async ({ page }) => {
    await lessonAtEnd(page, 'someone-has-to-drive');
    const strip = page.getByRole('region', { name: 'The run so far' });
    await expect(strip).toHaveText(/^Choreography: ‖ Stuck\s*Orchestration: ✓ Completed: all 5 steps done\s*Card on both sides: 1 charge · nets \$40$/);
    await expectSummaryWhileLessonShown(page);
    await expectNoAxeViolations(page);
    await lessonAtEnd(page, 'watching-sagas-in-production');
    await expect(strip).toHaveText(/^↩ Compensated after a failure at step 4 of 5 \(Warehouse\)/);
    await expectSummaryWhileLessonShown(page);
  });

  test('lesson 5: the lesson text comes before the race panel', async ({ page }) => {
    await lessonAtEnd(page, 'sagas-are-not-isolated');
    const title = await page.getByRole('heading', { level: 2, name: 'Sagas are not isolated' }).boundingBox();
    const race = await page.getByRole('heading', { name: 'Two buyers, one seat' }).boundingBox();
    expect(title && race && title.y < race.y).toBe(true);
    await expect(page.getByRole('region', { name: 'The run so far' })).toContainText('Seat 1A: SOLD (to buyer 1 and buyer 2)');
  });
});

test.describe('a wide screen, 1440 px', () => {
  test.use({ viewport: WIDE });

  test('lesson 4: the "second charge" badge is whole, inside the Payments table’s box', async ({ page }) => {
    await lessonAtEnd(page, 'retries-need-keys');
    const badge = page.locator('.sp-badge-warn', { hasText: 'second charge for o-1' });
    await expect(badge).toBeVisible();
    const { b, box, overflow } = await badge.evaluate((el) => {
      const scroller = el.closest('section') as HTMLElement;
      return { b: el.getBoundingClientRect().toJSON(), box: scroller.getBoundingClientRect().toJSON(), overflow: scroller.scrollWidth - scroller.clientWidth };
    });
    expect(overflow).toBeLessThanOrEqual(1);
    expect(b.left).toBeGreaterThanOrEqual(box.left);
    expect(b.right).toBeLessThanOrEqual(box.right);
  });

  test('lesson 7: every bar label of the trace waterfall is inside the panel', async ({ page }) => {
    await lessonAtEnd(page, 'watching-sagas-in-production');
    const cut = await page.locator('.wf-bar-label').evaluateAll((labels) =>
      labels
        .filter((l) => {
          const panel = (l.closest('.waterfall') as HTMLElement).getBoundingClientRect();
          const r = l.getBoundingClientRect();
          return r.left < panel.left || r.right > panel.right;
        })
        .map((l) => l.textContent),
    );
    expect(cut).toEqual([]);
    await expect(page.locator('.wf-bar-label', { hasText: 'the warehouse cannot pick order o-1' })).toBeVisible();
  });

  for (const id of ['assume-it-works', 'undo-is-a-new-action', 'retries-need-keys', 'sagas-are-not-isolated', 'the-concepts-stay']) {
    test(`${id}: every service's table fits its card beside the lesson`, async ({ page }) => {
      await lessonAtEnd(page, id);
      for (const t of (await tableBoxes(page)).filter((t) => / database: /.test(t.name))) expect(t, t.name).toMatchObject({ fits: true, hint: false });
    });
  }
});

test.describe('side by side (lesson 2)', () => {
  test.use({ viewport: WIDE });

  test('the saga log shows its newest row, also after the window narrows and widens again', async ({ page }) => {
    await lessonAtEnd(page, 'someone-has-to-drive');
    const log = page.locator('.cmp-log-scroll');
    const last = log.locator('tbody tr').last();
    await expect(last).toContainText('saga.completed');
    // How far the newest row's bottom is below the box's bottom edge (0: in view).
    const below = () => log.evaluate((el) => Math.round((el.querySelector('tbody tr:last-child') as HTMLElement).getBoundingClientRect().bottom - el.getBoundingClientRect().bottom));
    await expect.poll(below).toBeLessThanOrEqual(1);
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200);
    await page.setViewportSize(WIDE);
    await expect.poll(below).toBeLessThanOrEqual(1);
    // A full-page capture lays the page out again for a moment: the capture, and the page after it, show the newest row.
    await page.screenshot({ fullPage: true });
    expect(await below()).toBeLessThanOrEqual(1);
  });

  test('the dropped event: nothing is drawn over its struck name, and its chart labels are whole', async ({ page }) => {
    await page.goto('/?lesson=someone-has-to-drive');
    await predict(page);
    await page.getByRole('button', { name: 'Pause' }).click();
    const chip = page.locator('.cmp-dropped-topic');
    for (let i = 0; i < 40 && (await chip.count()) === 0; i++) await page.getByRole('button', { name: 'Step forward' }).click();
    // Right as it appears (a copy of the name used to float over the chip for half a second).
    const covered = await chip.evaluate((c) => {
      const r = c.getBoundingClientRect();
      const para = c.closest('.cmp-dropped') as HTMLElement;
      return [...para.querySelectorAll('*')]
        .filter((el) => el !== c)
        // The strike line drawn across the name is no copy of it: only what shows text (its own or CSS-drawn) counts.
        .filter((el) => (el.textContent ?? '').trim() !== '' || ['::before', '::after'].some((p) => !['none', 'normal'].includes(getComputedStyle(el, p).content)))
        .filter((el) => {
          const o = el.getBoundingClientRect();
          return o.width > 0 && o.height > 0 && o.left < r.right && o.right > r.left && o.top < r.bottom && o.bottom > r.top;
        })
        .map((el) => el.outerHTML.slice(0, 80));
    });
    expect(covered).toEqual([]);
    await expect(chip).toHaveText('PaymentCharged');
    // The line is drawn across the whole name (framer-motion grows it from the left).
    const struck = () => chip.evaluate((c) => (c.querySelector('.cmp-strike')?.getBoundingClientRect().width ?? 0) / c.getBoundingClientRect().width);
    await expect.poll(struck).toBeGreaterThan(0.8);

    await page.getByRole('button', { name: 'Jump to end' }).click();
    for (const size of [WIDE, PHONE]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(200);
      const cut = await page
        .locator('.cmp-choreography .tl-scroll')
        .evaluate((scroller) => {
          const box = scroller.getBoundingClientRect();
          return [...scroller.querySelectorAll('text')]
            .filter((t) => /dropped|Placed|Held|Created/.test(t.textContent ?? ''))
            .filter((t) => {
              const r = t.getBoundingClientRect();
              return r.left < box.left - 1 || r.right > box.right + 1;
            })
            .map((t) => t.textContent);
        });
      expect(cut, `at ${size.width} px`).toEqual([]);
    }
  });
});
