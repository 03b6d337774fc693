// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Row, runScenario, tablesAt } from '../../src/core';
import { WhoKnows } from '../../src/ui/compare/WhoKnows';
import { OrchestratorPanel } from '../../src/ui/panels/OrchestratorPanel';

// Issue 16 item 10: the side-by-side saga log showed rows 10–15 of 17. A layout that shrinks for a
// moment (a rotated phone, a resized window) clamps the box's scroll position; when the rows grow
// back the newest ones were left below its edge. jsdom has no layout, so the test plays the browser:
// it sets the box's sizes, clamps the scroll as a browser does, and reports the resize.

/** A ResizeObserver the test triggers by hand (jsdom has none). */
class FakeResizeObserver {
  static all: FakeResizeObserver[] = [];
  constructor(private readonly callback: ResizeObserverCallback) {
    FakeResizeObserver.all.push(this);
  }
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {
    FakeResizeObserver.all = FakeResizeObserver.all.filter((o) => o !== this);
  }
  fire(): void {
    this.callback([], this as unknown as ResizeObserver);
  }
}

beforeEach(() => {
  FakeResizeObserver.all = [];
  globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
});
afterEach(() => {
  cleanup();
  delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
});

/** Lays the box out as a browser would: a header row and its rows, each `rowHeight` px tall, in a 192 px box. */
function layOut(el: HTMLElement, rowHeight: number): void {
  Object.defineProperty(el, 'scrollHeight', { configurable: true, get: () => (el.querySelectorAll('tr').length) * rowHeight });
  Object.defineProperty(el, 'clientHeight', { configurable: true, value: 192 });
}
const bottom = (el: HTMLElement) => el.scrollHeight - el.clientHeight;

/** The browser clamps the scroll position to the (shorter) content's bottom, and says so. */
function browserClamps(el: HTMLElement): void {
  el.scrollTop = Math.min(el.scrollTop, bottom(el));
  el.dispatchEvent(new Event('scroll'));
}

/** The reader scrolls the box. */
function readerScrolls(el: HTMLElement, top: number): void {
  el.scrollTop = top;
  el.dispatchEvent(new Event('scroll'));
}

const resize = () => {
  for (const o of FakeResizeObserver.all) o.fire();
};

const run = runScenario({ mode: 'orchestration', dropEvent: 'payment' });
const log: Row[] = tablesAt(run.trace, run.trace.length).sagaLog.rows;

const whoKnows = (rows: Row[]) => <WhoKnows side="orchestration" knowledge={[]} log={rows} survived={false} />;

describe('the saga log keeps its newest row in view', () => {
  it('side by side: after the layout shrinks and grows back, the box is scrolled to its newest row again', async () => {
    const { rerender } = render(whoKnows(log.slice(0, 2)));
    const box = screen.getByRole('region', { name: 'Saga log (2 rows)' });
    layOut(box, 28);
    rerender(whoKnows(log));
    await waitFor(() => expect(box.scrollTop).toBeGreaterThanOrEqual(bottom(box)));
    // A narrower layout: shorter rows, and the browser clamps the scroll position to the new bottom.
    layOut(box, 25);
    browserClamps(box);
    resize();
    // Wide again: the rows are taller, and the newest row must not be left below the box's edge.
    layOut(box, 28);
    resize();
    expect(box.scrollTop).toBeGreaterThanOrEqual(bottom(box));
  });

  it('leaves a reader who scrolled up to an older row where they are, until the next row arrives', async () => {
    const { rerender } = render(whoKnows(log.slice(0, 2)));
    const box = screen.getByRole('region', { name: 'Saga log (2 rows)' });
    layOut(box, 28);
    rerender(whoKnows(log.slice(0, -1)));
    await waitFor(() => expect(box.scrollTop).toBeGreaterThanOrEqual(bottom(box)));
    readerScrolls(box, 40);
    layOut(box, 30);
    resize();
    expect(box.scrollTop).toBe(40);
    rerender(whoKnows(log));
    await waitFor(() => expect(box.scrollTop).toBeGreaterThanOrEqual(bottom(box)));
  });

  it('the orchestrator panel’s log does the same', async () => {
    const view = (cursor: number) => <OrchestratorPanel run={{ scenario: run.scenario, trace: run.trace, cursor }} />;
    const { rerender } = render(view(0));
    const box = screen.getByRole('region', { name: /Saga log/ });
    layOut(box, 28);
    rerender(view(run.trace.length));
    await waitFor(() => expect(box.scrollTop).toBeGreaterThanOrEqual(bottom(box)));
    layOut(box, 25);
    browserClamps(box);
    resize();
    layOut(box, 28);
    resize();
    expect(box.scrollTop).toBeGreaterThanOrEqual(bottom(box));
  });
});
