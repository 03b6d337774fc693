// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { PROGRESS_KEY } from '../../src/store/progressStorage';
import { useCourseStore } from '../../src/store/courseStore';
import { useUiStore } from '../../src/store/uiStore';
import { applyParsed, currentQuery, parseSearch } from '../../src/ui/course/location';
import { obey } from '../../src/ui/course/useHostBridge';
import { renderApp, setUpApp } from './helpers';

setUpApp();
beforeEach(() => {
  localStorage.clear();
  useCourseStore.setState(useCourseStore.getInitialState(), true);
});

/** Opens the app at a link, as the page does on load. */
async function openAt(search: string) {
  // A lesson fetched on demand is here before the first render.
  await applyParsed(parseSearch(search));
  return renderApp();
}

describe('the course in the page', () => {
  it('a lesson: predict, watch, check against the run, then try it yourself; the answer is saved', async () => {
    const { user } = await openAt('?lesson=retries-need-keys');
    // The lesson panel loads on demand.
    expect(await screen.findByRole('heading', { name: 'Retries need idempotency keys' }, { timeout: 10_000 })).toBeInTheDocument();
    // Before predicting there is no run to peek at.
    expect(screen.queryByRole('region', { name: 'Playback' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('Type a whole number from 0 to 5.');
    // No form to submit (a sandboxed frame may forbid it): Enter in the field locks the answer in.
    await user.type(screen.getByRole('spinbutton', { name: /Your answer/ }), '2{Enter}');

    expect(screen.getByRole('heading', { name: '2 · Watch the run' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Check my prediction' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    await user.click(screen.getByRole('button', { name: 'Check my prediction' }));

    expect(screen.getByText('Your prediction was right.')).toBeInTheDocument();
    expect(screen.getByText(/The ledger holds 2 charge rows of \$40/)).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}')).toEqual({
      version: 1,
      lessons: { 'retries-need-keys': { answer: 2, correct: true, attempts: 1, done: 'correct' } },
      // Where the learner left the question, for a reload.
      picks: { 'retries-need-keys': { answer: 2, checked: true } },
    });
    expect(screen.getByText('Lesson done: answered right (1 try so far).')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Retries need idempotency keys \(completed\)/ })).toBeInTheDocument();

    // Try it yourself: the unlocked knobs change the run.
    await user.click(screen.getByRole('checkbox', { name: 'Idempotency keys' }));
    expect(useUiStore.getState().scenario).toMatchObject({ idempotencyKeys: true, lostResponses: { payment: 1 } });
  });

  it('a wrong prediction is marked wrong in words, not only in colour', async () => {
    const { user } = await openAt('?lesson=someone-has-to-drive');
    await user.click(await screen.findByRole('radio', { name: /Completed/ }));
    await user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
    // This lesson runs side by side, a view that loads on demand.
    await user.click(await screen.findByRole('button', { name: 'Jump to end' }, { timeout: 10_000 }));
    await user.click(screen.getByRole('button', { name: 'Check my prediction' }));
    expect(screen.getByText('Not quite — the run went differently.')).toBeInTheDocument();
    expect(screen.getByText(/^On the choreography side the order ends stuck\./)).toBeInTheDocument();
  });

  it('a lesson link with other settings opens "Try it yourself", and can start over', async () => {
    const { user } = await openAt('?lesson=retries-need-keys&lost=payment:3');
    expect(await screen.findByRole('heading', { name: 'Try it yourself' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start the lesson from the beginning' }));
    expect(screen.getByRole('heading', { name: '1 · Predict' })).toBeInTheDocument();
    expect(currentQuery()).toBe('lesson=retries-need-keys&keys=0&lost=payment:1');
  });

  it('link warnings are shown as text and can be dismissed', async () => {
    const { user } = await openAt('?failAt=<b>bold</b>&nope=1');
    const banner = screen.getByText(/were ignored/).closest('div') as HTMLElement;
    expect(banner).toHaveTextContent('The failAt parameter has the value');
    expect(banner.querySelector('b')).toBeNull();
    expect(banner).toHaveTextContent('Unknown parameter "nope", ignored.');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/were ignored/)).not.toBeInTheDocument();
  });

  it('host commands: load reads params like a link and keeps embedding; play, pause and reset drive playback', async () => {
    await openAt('?embed=1&parentOrigin=https://school.example');
    act(() => obey({ type: 'load', ...parseSearch('failAt=warehouse&speed=4&embed=0&parentOrigin=https://evil.example') }));
    expect(useUiStore.getState()).toMatchObject({ scenario: { failAt: 'warehouse' }, speed: 4 });
    expect(useCourseStore.getState()).toMatchObject({ embed: true, parentOrigin: 'https://school.example' });
    act(() => obey({ type: 'play' }));
    expect(useUiStore.getState().playing).toBe(true);
    act(() => obey({ type: 'pause' }));
    expect(useUiStore.getState().playing).toBe(false);
    act(() => useUiStore.getState().setCursor(5));
    act(() => obey({ type: 'reset' }));
    expect(useUiStore.getState().cursor).toBe(0);
    expect(screen.getByRole('link', { name: /Open full simulator/ })).toHaveAttribute('href', expect.stringMatching(/\?failAt=warehouse&speed=4$/));
  });
});
