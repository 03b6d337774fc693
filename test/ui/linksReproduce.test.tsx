// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCourseStore } from '../../src/store/courseStore';
import { useUiStore } from '../../src/store/uiStore';
import { applyParsed, currentQuery, parseSearch } from '../../src/ui/course/location';
import { useRaceStore } from '../../src/ui/race/raceStore';
import { renderApp, setUpApp } from './helpers';

setUpApp();
beforeEach(() => {
  localStorage.clear();
  useCourseStore.setState(useCourseStore.getInitialState(), true);
  useRaceStore.setState(useRaceStore.getInitialState(), true);
});

/** The share box's link field, opened. */
async function sharedLink(app: ReturnType<typeof renderApp>): Promise<string> {
  await app.user.click(screen.getByText('Share or embed this run'));
  return (screen.getByRole('textbox', { name: 'Link to this run' }) as HTMLInputElement).value;
}

describe('links reproduce what is on screen', () => {
  it('the side-by-side view is in the link (view=compare), and the link opens it again', async () => {
    applyParsed(parseSearch('?drop=payment'));
    const app = renderApp();
    await app.user.click(screen.getByRole('button', { name: 'Side by side' }));
    expect(currentQuery()).toBe('view=compare&drop=payment');
    expect(await sharedLink(app)).toMatch(/\?view=compare&drop=payment$/);
    act(() => applyParsed(parseSearch('?view=single')));
    act(() => applyParsed(parseSearch('?drop=payment&view=compare')));
    expect(useUiStore.getState().view).toBe('compare');
  });

  it('a changed retry policy, which a link cannot carry, is named in the share box', async () => {
    applyParsed(parseSearch('?failAt=warehouse&compFail=payment:2'));
    const app = renderApp();
    await app.openMore('Retry policy');
    const field = screen.getByRole('spinbutton', { name: 'maxAttempts' });
    await app.user.clear(field);
    await app.user.type(field, '5');
    await sharedLink(app);
    expect(screen.getByText(/does not carry the changed retry policy/)).toBeInTheDocument();
  });

  it('what a link cannot carry is said plainly: the learner’s scheduler picks, an operator’s actions', async () => {
    applyParsed(parseSearch('?failAt=warehouse&compFail=payment:always'));
    const app = renderApp();
    await app.jumpToEnd();
    expect(await sharedLink(app)).toMatch(/compFail=payment:always/);
    expect(screen.queryByText(/does not carry/)).not.toBeInTheDocument();
    const incident = screen.getByRole('button', { name: /Mark resolved by hand/ });
    await app.user.click(incident);
    expect(screen.getByText(/does not carry the operator’s actions on the incident/)).toBeInTheDocument();

    act(() => useRaceStore.setState({ mode: 'learner', picks: [0, 1] }));
    expect(within(screen.getByText(/does not carry/)).getByText(/your scheduler picks/, { exact: false })).toBeInTheDocument();
  });
});
