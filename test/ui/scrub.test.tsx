// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useUiStore } from '../../src/store/uiStore';
import { SCRUB_PANEL_INTERVAL_MS } from '../../src/ui/usePanelRun';
import { renderApp, setUpApp } from './helpers';

setUpApp();
beforeEach(() => useUiStore.setState({ scenario: { failAt: 'delivery' } }));
afterEach(() => vi.useRealTimers());

const slider = () => screen.getByRole('slider', { name: /scrub/i });
/** Everything the run's panels say (services, timeline and its text list, story, invariants, orchestrator). */
const panels = () => document.querySelector('.layout')?.textContent ?? '';
const story = () => within(screen.getByRole('region', { name: 'What happened' })).queryAllByRole('listitem');
const position = () => screen.getByText(/event \d+ of \d+/).textContent ?? '';

/** What the panels say at stop `k`, reached without the scrubber (Home, then → k times). */
function panelsAt(k: number): string {
  fireEvent.keyDown(window, { key: 'Home' });
  for (let i = 0; i < k; i++) fireEvent.keyDown(window, { key: 'ArrowRight' });
  expect(position()).toMatch(new RegExp(`^event ${k} of`));
  return panels();
}

const drag = (stop: number) => fireEvent.change(slider(), { target: { value: String(stop) } });
const release = () => fireEvent.pointerUp(window);

describe('scrubbing', () => {
  it('ends with every panel at the final position after a fast scrub, whatever it crossed', () => {
    renderApp();
    const last = Number(slider().getAttribute('max'));
    const expected = panelsAt(7);
    expect(panelsAt(last)).not.toBe(expected);
    fireEvent.keyDown(window, { key: 'Home' });
    fireEvent.pointerDown(slider());
    // Four sweeps end to end, as fast as events come (no timer gets a turn between them), ending at stop 7.
    for (const [from, to] of [[0, last], [last, 0], [0, last], [last, 7]]) {
      const dir = Math.sign(to - from);
      for (let s = from; s !== to + dir; s += dir) drag(s);
    }
    expect(position()).toMatch(/^event 7 of/);
    release();
    expect(panels()).toBe(expected);
  });

  it('while held, redraws the panels at most once per interval, always ending on the latest stop, with no fades', () => {
    vi.useFakeTimers();
    renderApp();
    const at3 = panelsAt(3);
    const at6 = panelsAt(6);
    const at9 = panelsAt(9);
    fireEvent.keyDown(window, { key: 'Home' });
    fireEvent.pointerDown(slider());
    drag(3);
    act(() => vi.advanceTimersByTime(0));
    expect(panels()).toBe(at3);
    // Within the interval the scrubber's clock follows at once; the panels wait for the latest stop.
    drag(4);
    drag(5);
    drag(6);
    expect(position()).toMatch(/^event 6 of/);
    expect(panels()).toBe(at3);
    act(() => vi.advanceTimersByTime(SCRUB_PANEL_INTERVAL_MS));
    expect(panels()).toBe(at6);
    // One stop forward mid-drag draws at once (the interval has passed) but fades nothing in.
    act(() => vi.advanceTimersByTime(SCRUB_PANEL_INTERVAL_MS));
    drag(7);
    act(() => vi.advanceTimersByTime(0));
    expect(story().length).toBeGreaterThan(0);
    expect(document.querySelectorAll('.layout .fade-in')).toHaveLength(0);
    drag(9);
    release();
    // Released: the panels show the final stop without waiting for the interval.
    expect(panels()).toBe(at9);
  });

  it('moves by keyboard on the scrubber redraw the panels at once (no drag, no pacing)', () => {
    renderApp();
    const at2 = panelsAt(2);
    fireEvent.keyDown(window, { key: 'Home' });
    drag(2);
    expect(panels()).toBe(at2);
  });
});
