// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useCourseStore } from '../../src/store/courseStore';
import { browserStorage, loadProgress, PROGRESS_KEY } from '../../src/store/progressStorage';
import { useUiStore } from '../../src/store/uiStore';
import { applyParsed, currentQuery, parseSearch } from '../../src/ui/course/location';
import { renderApp, setUpApp } from './helpers';

// Issue 16 item 10: reloading mid-lesson loses the prediction. A reload is a fresh page: the stores
// start over from what the browser kept (the progress in localStorage) and the link is read again.

setUpApp();
beforeEach(() => {
  localStorage.clear();
  reload();
});

/** What a page load does to the stores: fresh state, progress read from storage. */
function reload() {
  cleanup();
  useUiStore.setState(useUiStore.getInitialState(), true);
  useCourseStore.setState({ ...useCourseStore.getInitialState(), progress: loadProgress(browserStorage()), progressSaved: browserStorage() !== null }, true);
}

async function openAt(search: string) {
  // As the page does on load: a lesson fetched on demand is here before the first render.
  await applyParsed(parseSearch(search));
  return renderApp();
}

const LESSON_1 = '?lesson=assume-it-works';
const LEFT = 'Nothing is undone: what committed stays committed, and nobody is told';

describe('a reload keeps the prediction', () => {
  it('a locked-in prediction, then its checked verdict, survive a reload; "Answer again" forgets it', async () => {
    let { user } = await openAt(LESSON_1);
    await user.click(await screen.findByRole('radio', { name: LEFT }));
    await user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
    expect(screen.getByRole('heading', { name: '2 · Watch the run' })).toBeInTheDocument();

    reload();
    ({ user } = await openAt(LESSON_1));
    expect(await screen.findByRole('heading', { name: '2 · Watch the run' })).toBeInTheDocument();
    expect(screen.getByText(/Your prediction:/)).toHaveTextContent(`Your prediction: ${LEFT}`);
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    await user.click(screen.getByRole('button', { name: 'Check my prediction' }));
    expect(screen.getByText('Your prediction was right.')).toBeInTheDocument();

    reload();
    ({ user } = await openAt(LESSON_1));
    expect(await screen.findByText('Your prediction was right.')).toBeInTheDocument();
    expect(screen.getByText(/for the lesson’s run:/)).toHaveTextContent(`You predicted ${LEFT} for the lesson’s run: ✓ right.`);
    expect(screen.getByText('Lesson done: answered right (1 try so far).')).toBeInTheDocument();
    // Reopened where the verdict was read: the run at its end.
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Jump to end' })).toHaveAttribute('aria-disabled', 'true'));

    await user.click(screen.getByRole('button', { name: 'Answer again' }));
    reload();
    await openAt(LESSON_1);
    expect(await screen.findByRole('button', { name: /Lock in my prediction/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: LEFT })).not.toBeChecked();
  });

  it('a reload during "Try it yourself" keeps the verdict next to the changed run', async () => {
    let { user } = await openAt('?lesson=retries-need-keys');
    await user.type(await screen.findByRole('spinbutton', { name: /Your answer/ }), '2{Enter}');
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    await user.click(screen.getByRole('button', { name: 'Check my prediction' }));
    await user.click(screen.getByRole('checkbox', { name: 'Idempotency keys' }));
    const query = currentQuery();
    expect(query).toBe('lesson=retries-need-keys&lost=payment:1');

    reload();
    ({ user } = await openAt(`?${query}`));
    expect(await screen.findByText('Your prediction was right.')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Idempotency keys' })).toBeChecked();
    expect(screen.getByText(/You changed the run\./)).toBeInTheDocument();
  });

  it('a link with other settings does not bring back a prediction that was never checked', async () => {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ version: 1, lessons: {}, picks: { 'retries-need-keys': { answer: 2, checked: false } } }));
    reload();
    await openAt('?lesson=retries-need-keys&lost=payment:3');
    expect(await screen.findByRole('heading', { name: 'Try it yourself' })).toBeInTheDocument();
  });

  it('a wrong checked answer comes back wrong, with the standing it earned', async () => {
    localStorage.setItem(
      PROGRESS_KEY,
      JSON.stringify({ version: 1, lessons: { 'assume-it-works': { answer: 'undone', correct: false, attempts: 1 } }, picks: { 'assume-it-works': { answer: 'undone', checked: true } } }),
    );
    reload();
    await openAt(LESSON_1);
    expect(await screen.findByText('Not quite — the run went differently.')).toBeInTheDocument();
    expect(screen.getByText(/^Not done yet: read why below/)).toBeInTheDocument();
  });

  it.each([
    ['an option the question no longer has', 'assume-it-works', 'gone'],
    ['a number out of range', 'retries-need-keys', 99],
    ['an order with a repeated step', 'undo-is-a-new-action', ['order', 'order']],
    ['the wrong kind of answer', 'assume-it-works', 3],
  ])('a stale stored pick (%s) is ignored: the lesson asks again and the pick is forgotten', async (_, lesson, answer) => {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify({ version: 1, lessons: {}, picks: { [lesson]: { answer, checked: true } } }));
    reload();
    await openAt(`?lesson=${lesson}`);
    expect(await screen.findByRole('button', { name: /Lock in my prediction/ })).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '{}').picks).toBeUndefined();
  });

  it('where storage is blocked, a reload asks again, as before', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    try {
      const { user } = await openAt(LESSON_1);
      await user.click(await screen.findByRole('radio', { name: LEFT }));
      await user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
      reload();
      await openAt(LESSON_1);
      expect(await screen.findByRole('button', { name: /Lock in my prediction/ })).toBeInTheDocument();
    } finally {
      setItem.mockRestore();
    }
  });
});
