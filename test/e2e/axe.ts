import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core against the current page (WCAG 2.0/2.1 A and AA rules) and fails with a readable
 * list of every violation: rule id, impact, help text and the CSS targets of each offending node.
 */
export async function expectNoAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<void> {
  // A row caught mid fade-in has a see-through colour: axe would measure a contrast nobody reads. Scan the settled page.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();

  const report = violations.map((v) => {
    const nodes = v.nodes.map((n) => `    - ${n.target.map(String).join(' ')}`).join('\n');
    return `[${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
  });
  expect(violations, `axe found ${violations.length} violation(s):\n${report.join('\n')}`).toHaveLength(0);
}
