// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failureMatrix, MATRIX_COLUMNS, matrixRows, resolveScenario, summarizeMatrix } from '../../src/core';
import { parseQuery, toQuery } from '../../src/embed';
import { useUiStore } from '../../src/store/uiStore';
import { App } from '../../src/ui/App';
import { applyParsed, currentQuery, parseSearch } from '../../src/ui/course/location';
import { nextPos } from '../../src/ui/matrix/gridKeys';
import { cellHref } from '../../src/ui/matrix/openCell';

beforeAll(() => {
  MotionGlobalConfig.skipAnimations = true;
});
beforeEach(() => {
  useUiStore.setState({ ...useUiStore.getInitialState(), view: 'matrix' }, true);
  window.history.replaceState(null, '', '/');
});
afterEach(cleanup);

const order = failureMatrix('order');
const rows = matrixRows(order);
const silent = summarizeMatrix(order).silent;

async function renderMatrix() {
  const user = userEvent.setup();
  render(<App />);
  const grid = await screen.findByRole('grid', { name: /Failure matrix/ }, { timeout: 15_000 });
  return { user, grid, bodyRows: () => within(grid).getAllByRole('row').slice(1) };
}

describe('the failure matrix view', () => {
  it('shows every fault point as a row, four columns, and the summary', async () => {
    const { grid, bodyRows } = await renderMatrix();
    expect(screen.getByRole('heading', { name: 'Failure matrix' })).toBeInTheDocument();
    // Every cell is a link, and links carry every built-in saga's steps: all three are offered, with no note.
    expect(within(screen.getByRole('combobox', { name: 'Saga' })).getAllByRole('option').map((o) => (o as HTMLOptionElement).value)).toEqual(['order', 'order-with-pivot', 'trip']);
    expect(screen.queryByText(/A link cannot carry/)).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Failure matrix' })).getByRole('status')).toHaveTextContent(`${silent} of ${order.length} cells are silent inconsistencies.`);
    const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Fault point', ...MATRIX_COLUMNS.map((c) => c.label)]);
    expect(bodyRows()).toHaveLength(rows.length);
    const lost = bodyRows().find((r) => within(r).getByRole('rowheader').textContent === 'Payments — charge the card lost reply after commit');
    if (!lost) throw new Error('no payment lost-reply row');
    // Symbol and word, never colour alone. (jsdom does not give a grid's cells the gridcell role; Chromium does, see the e2e spec.)
    // Each cell also names its column, shown only in the narrow layout.
    const cells = (row: HTMLElement) => [...row.querySelectorAll('td')];
    expect(cells(lost).map((c) => c.textContent?.replace(/^(Orchestration|Choreography), keys o(ff|n)/, ''))).toEqual(['✗ silentcompleted1 retry', '✗ silentcompleted', '↻ recoveredcompleted1 retry', '↻ recoveredcompleted']);
    const crash = bodyRows().find((r) => r.textContent?.includes('Payments — charge the card orchestrator crash after commit'));
    expect(cells(crash as HTMLElement)[1]).toHaveTextContent('Choreography, keys off— n/anot applicable. In a choreography there is no orchestrator to crash.');
  }, 30_000);

  it('filters to the rows with a silent cell, and says how many it shows', async () => {
    const { user, bodyRows } = await renderMatrix();
    await user.click(screen.getByRole('checkbox', { name: 'Only silent' }));
    const withSilent = rows.filter((r) => r.cells.some((c) => c?.verdict === 'silent'));
    expect(bodyRows()).toHaveLength(withSilent.length);
    for (const r of bodyRows()) expect(r.textContent).toMatch(/✗ silent/);
    expect(within(screen.getByRole('region', { name: 'Failure matrix' })).getByRole('status')).toHaveTextContent(`Showing the ${withSilent.length} of ${rows.length} fault points with a silent cell.`);
  }, 30_000);

  it('is one tab stop, navigated with the arrow keys (roving tabindex), and shows the focused cell', async () => {
    const { user, grid } = await renderMatrix();
    const stops = () => within(grid).getAllByRole('link').concat([...grid.querySelectorAll<HTMLElement>('td.na')]).filter((el) => el.tabIndex === 0);
    expect(stops()).toHaveLength(1);
    stops()[0].focus();
    expect(document.activeElement).toHaveAttribute('data-pos', '0:0');
    await user.keyboard('{ArrowRight}{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-pos', '1:1');
    expect(stops()).toEqual([document.activeElement]);
    // Row 1 is the inventory's timeout before commit: no choreography cell, and the details say why.
    expect(document.activeElement).toHaveTextContent('— n/a');
    expect(screen.getByText(/nothing times out/, { selector: '.matrix-details p' })).toBeInTheDocument();
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAttribute('data-pos', '1:3');
    await user.keyboard('{Control>}{End}{/Control}');
    expect(document.activeElement).toHaveAttribute('data-pos', `${rows.length - 1}:3`);
    await user.keyboard('{Control>}{Home}{/Control}{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toHaveAttribute('data-pos', '2:0');
    expect(screen.getByText(/its reply is lost: the orchestrator times out and retries/)).toBeInTheDocument();
  }, 30_000);

  it('opens a cell in the single-run view: the cell is a link to exactly that run', async () => {
    const { user, grid } = await renderMatrix();
    const cell = order.find((c) => c.row === 'payment/forward/crash-after-commit' && c.column === 'orchestration/keys-off');
    if (!cell) throw new Error('no cell');
    const link = within(grid).getAllByRole('link').find((a) => a.getAttribute('href') === cellHref(cell));
    expect(link).toBeDefined();
    await user.click(link as HTMLElement);
    expect(useUiStore.getState().view).toBe('single');
    expect(resolveScenario(useUiStore.getState().scenario)).toEqual(resolveScenario(cell.scenario));
    expect(window.location.search).toBe(cellHref(cell));
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Invariants' })).toBeInTheDocument();
  }, 30_000);
});

describe('links to the matrix and from its cells', () => {
  it('every cell link of the order saga replays exactly the cell, with no warning', () => {
    for (const c of order) {
      const back = parseQuery(cellHref(c));
      expect(back.warnings).toEqual([]);
      expect(back.scenario).toEqual(resolveScenario(c.scenario));
    }
  });

  it('every cell link of the trip replays exactly the cell too (links carry every built-in saga\'s steps)', () => {
    for (const c of failureMatrix('trip')) {
      const back = parseQuery(cellHref(c));
      expect(back.warnings).toEqual([]);
      expect(back.scenario).toEqual(resolveScenario(c.scenario));
    }
  });

  it('reads and writes view=matrix', () => {
    act(() => applyParsed(parseSearch('?view=matrix')));
    expect(useUiStore.getState().view).toBe('matrix');
    expect(currentQuery()).toBe('view=matrix');
    act(() => applyParsed(parseSearch('?view=compare&failAt=payment')));
    expect(useUiStore.getState().view).toBe('compare');
    act(() => applyParsed(parseSearch('')));
    expect(useUiStore.getState().view).toBe('single');
    expect(toQuery({}, { page: 'single' })).toBe('');
  });

  it('moves through the grid like the ARIA grid pattern, stopping at the edges', () => {
    expect(nextPos('ArrowLeft', { row: 0, col: 0 }, 3, 4)).toEqual({ row: 0, col: 0 });
    expect(nextPos('ArrowDown', { row: 2, col: 1 }, 3, 4)).toEqual({ row: 2, col: 1 });
    expect(nextPos('PageDown', { row: 0, col: 1 }, 30, 4)).toEqual({ row: 5, col: 1 });
    expect(nextPos('Home', { row: 2, col: 3 }, 3, 4)).toEqual({ row: 2, col: 0 });
    expect(nextPos('Home', { row: 2, col: 3 }, 3, 4, true)).toEqual({ row: 0, col: 0 });
    expect(nextPos('a', { row: 0, col: 0 }, 3, 4)).toBeUndefined();
  });
});
