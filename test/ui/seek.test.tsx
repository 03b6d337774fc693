// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCourseStore } from '../../src/store/courseStore';
import { useUiStore } from '../../src/store/uiStore';
import { applyParsed, parseSearch } from '../../src/ui/course/location';
import { obey } from '../../src/ui/course/useHostBridge';
import { renderApp, setUpApp } from './helpers';

setUpApp();
// Lazy chunks load on demand; on a loaded machine that takes more than testing-library's default second.
const LAZY_TIMEOUT = 10_000;
beforeEach(() => {
  localStorage.clear();
  useCourseStore.setState(useCourseStore.getInitialState(), true);
});

const scrubber = () => screen.getByRole('slider', { name: 'Scrub through the run' });

describe('a moment of the run: step=N and the host’s seek', () => {
  it('a link with step=N opens the run paused at that stop, even with autoplay', async () => {
    applyParsed(parseSearch('?failAt=payment&step=3&autoplay=1'));
    renderApp();
    expect(await screen.findByRole('slider', { name: 'Scrub through the run' }, { timeout: LAZY_TIMEOUT })).toHaveValue('3');
    expect(useUiStore.getState().playing).toBe(false);
    expect(screen.getByText(/event 3 of \d+/)).toBeInTheDocument();
  });

  it('a stop past the end opens the end', async () => {
    applyParsed(parseSearch('?failAt=payment&step=9999'));
    renderApp();
    const slider = await screen.findByRole('slider', { name: 'Scrub through the run' }, { timeout: LAZY_TIMEOUT });
    expect(slider).toHaveValue(slider.getAttribute('max'));
  });

  it('seek pauses at a stop; in a lesson before the prediction it is ignored', async () => {
    applyParsed(parseSearch('?failAt=payment&autoplay=1'));
    renderApp();
    await screen.findByRole('slider', { name: 'Scrub through the run' }, { timeout: LAZY_TIMEOUT });
    act(() => obey({ type: 'seek', step: 2 }));
    expect(scrubber()).toHaveValue('2');
    expect(useUiStore.getState().playing).toBe(false);

    await act(() => applyParsed(parseSearch('?lesson=undo-is-a-new-action')));
    await screen.findByRole('heading', { name: '1 · Predict' }, { timeout: LAZY_TIMEOUT });
    act(() => obey({ type: 'seek', step: 2 }));
    expect(useCourseStore.getState().seekStop).toBeNull();
  });
});
