import { expect, type Page, test } from '@playwright/test';
import { LESSON_IDS, predict } from './lessons';

// Issue 16, "screenshots look right": no timeline label is drawn over another one, in any lesson, wide or
// on a phone, at the end of the run (when the chart holds the most labels); and on a phone the run summary
// strip never covers the lesson's next button.

const PHONE = { width: 375, height: 740 };
const WIDE = { width: 1440, height: 900 };

/**
 * Pairs of text labels that intersect, per timeline chart on the page: boxes from getBBox (the chart's own
 * coordinates, so a label scrolled out of the chart's window counts too). A pixel of touching is allowed.
 */
function overlaps(page: Page) {
  return page.locator('svg.tl-svg').evaluateAll((svgs) =>
    svgs.flatMap((svg, chart) => {
      const boxes = [...svg.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim() !== '' && getComputedStyle(t).visibility !== 'hidden')
        .map((t) => ({ text: t.textContent ?? '', b: (t as SVGTextElement).getBBox() }))
        .filter(({ b }) => b.width > 0 && b.height > 0);
      const hits: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i].b, boxes[j].b];
          const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
          const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
          if (w > 1 && h > 1) hits.push(`chart ${chart + 1}: "${boxes[i].text}" × "${boxes[j].text}"`);
        }
      }
      return hits;
    }),
  );
}

for (const [name, size] of [
  ['1440 px', WIDE],
  ['a 375 px phone', PHONE],
] as const) {
  test.describe(`timeline labels at ${name}`, () => {
    test.use({ viewport: size });
    for (const [i, id] of LESSON_IDS.entries()) {
      test(`lesson ${i + 1} (${id}): no two labels overlap at the end of the run`, async ({ page }) => {
        await page.goto(`/?lesson=${id}`);
        await predict(page);
        await page.getByRole('button', { name: 'Jump to end' }).first().click();
        await expect(page.getByText('The run has finished')).toBeVisible();
        await page.waitForTimeout(300);
        expect(await overlaps(page)).toEqual([]);
      });
    }
    test('the trip saga with its car failing: no two labels overlap', async ({ page }) => {
      await page.goto('/?definition=trip&failAt=car');
      await page.getByRole('button', { name: 'Jump to end' }).first().click();
      await page.waitForTimeout(300);
      expect(await page.locator('svg.tl-svg').count()).toBeGreaterThan(0);
      expect(await overlaps(page)).toEqual([]);
    });
  });
}
