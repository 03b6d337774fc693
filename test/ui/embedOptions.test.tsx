// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCourseStore } from '../../src/store/courseStore';
import { applyParsed, parseSearch } from '../../src/ui/course/location';
import { renderApp, setUpApp } from './helpers';

setUpApp();
// Lazy chunks load on demand; on a loaded machine that takes more than testing-library's default second.
const LAZY_TIMEOUT = 10_000;
beforeEach(() => {
  localStorage.clear();
  useCourseStore.setState(useCourseStore.getInitialState(), true);
  window.history.replaceState(null, '', '/');
});

const code = () => (screen.getByRole('textbox', { name: 'Embed code for a course page' }) as HTMLTextAreaElement).value;
const src = () => new URL((/src="([^"]+)"/.exec(code())?.[1] ?? '').replaceAll('&amp;', '&'));

describe('the embed options', () => {
  it('follow every choice live: lesson or run, a moment, panels, speed, height, the course site', async () => {
    await applyParsed(parseSearch('?lesson=undo-is-a-new-action'));
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Undo is a new action' }, { timeout: LAZY_TIMEOUT });
    await user.click(screen.getByText('Share or embed this run'));
    // The options load when the box first opens.
    const options = await screen.findByRole('group', { name: 'Embed options' }, { timeout: LAZY_TIMEOUT });

    // A lesson by default, fitted to its content with the resizer.
    expect(src().search).toBe('?lesson=undo-is-a-new-action&embed=1');
    expect(code()).toMatch(/\n<script src="http:\/\/localhost(:\d+)?\/embed\.js" async><\/script>$/);

    // The run instead, paused at this moment, two panels, 2×, 480 px, one course site.
    await user.click(within(options).getByRole('radio', { name: 'This run, as it is now' }));
    expect(src().searchParams.get('lesson')).toBeNull();
    expect(src().searchParams.get('failAt')).toBe('warehouse');
    await user.click(within(options).getByRole('checkbox', { name: /Open at this moment \(event 0 of \d+\)/ }));
    expect(src().searchParams.get('step')).toBe('0');
    const panels = within(options).getByRole('group', { name: 'Panels' });
    for (const name of ['Orchestrator and statechart', 'Narration', 'Invariants', 'Scenario controls', 'Incidents', 'Race panel (several buyers)', 'Saga log', 'The same saga as code (Step Functions, Temporal, Durable Functions)']) {
      await user.click(within(panels).getByRole('checkbox', { name }));
    }
    expect(src().searchParams.get('panels')).toBe('services,timeline');
    await user.selectOptions(within(options).getByRole('combobox', { name: 'Speed' }), '2');
    expect(src().searchParams.get('speed')).toBe('2');
    await user.click(within(options).getByRole('radio', { name: 'Fixed height' }));
    expect(code()).toContain('height="600"');
    expect(code()).not.toContain('<script');
    const origin = within(options).getByRole('textbox', { name: /Only this course site/ });
    await user.type(origin, 'school.example');
    expect(screen.getByText(/"school\.example" is not an origin/)).toBeInTheDocument();
    expect(src().searchParams.get('parentOrigin')).toBeNull();
    await user.clear(origin);
    await user.type(origin, 'https://school.example');
    expect(src().searchParams.get('parentOrigin')).toBe('https://school.example');
    expect(screen.queryByText(/is not an origin/)).not.toBeInTheDocument();
  });
});
