// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Row, runScenario, tablesAt } from '../../src/core';
import { WhoKnows } from '../../src/ui/compare/WhoKnows';
import { OrchestratorPanel } from '../../src/ui/panels/OrchestratorPanel';

// The saga logs keep their newest row in view. How the box keeps it there through a layout change
// (it scrolls from its bottom) needs a real layout: test/e2e/phone.spec.ts resizes the window and
// takes a full-page capture. Here: a new row brings the box back to the newest row.

afterEach(cleanup);

/** Lays the box out as a browser would: a header row and its rows, each 28 px tall, in a 192 px box. */
function layOut(el: HTMLElement): void {
  Object.defineProperty(el, 'scrollHeight', { configurable: true, get: () => el.querySelectorAll('tr').length * 28 });
  Object.defineProperty(el, 'clientHeight', { configurable: true, value: 192 });
}
const bottom = (el: HTMLElement) => el.scrollHeight - el.clientHeight;

const run = runScenario({ mode: 'orchestration', dropEvent: 'payment' });
const log: Row[] = tablesAt(run.trace, run.trace.length).sagaLog.rows;
const whoKnows = (rows: Row[]) => <WhoKnows side="orchestration" knowledge={[]} log={rows} survived={false} />;

describe('the saga log keeps its newest row in view', () => {
  it('side by side: a reader who scrolled up is brought back to the newest row when one arrives', async () => {
    const { rerender } = render(whoKnows(log.slice(0, -1)));
    const box = screen.getByRole('region', { name: `Saga log (${log.length - 1} rows)` });
    layOut(box);
    box.scrollTop = 10;
    rerender(whoKnows(log));
    await waitFor(() => expect(box.scrollTop).toBeGreaterThanOrEqual(bottom(box)));
  });

  it('the orchestrator panel’s log does the same', async () => {
    const view = (cursor: number) => <OrchestratorPanel run={{ scenario: run.scenario, trace: run.trace, cursor }} />;
    const { rerender } = render(view(0));
    const box = screen.getByRole('region', { name: /Saga log/ });
    layOut(box);
    rerender(view(run.trace.length));
    await waitFor(() => expect(box.scrollTop).toBeGreaterThanOrEqual(bottom(box)));
  });
});
