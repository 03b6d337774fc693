// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/all';
import { useCourseStore } from '../../src/store/courseStore';
import { applyParsed, bootFromLocation, parseSearch } from '../../src/ui/course/location';
import { renderApp, setUpApp } from './helpers';

setUpApp();
beforeEach(() => {
  localStorage.clear();
  useCourseStore.setState(useCourseStore.getInitialState(), true);
});
afterEach(() => window.history.replaceState(null, '', '/'));

/** Boots as the page does, from a URL. */
function bootAt(search: string) {
  window.history.replaceState(null, '', `/${search}`);
  bootFromLocation();
  return renderApp();
}

const region = (name: string) => screen.queryByRole('region', { name });

describe('a first visit opens lesson 1', () => {
  it('no parameters and no saved progress: lesson 1, with the sandbox one click away', async () => {
    bootAt('');
    expect(await screen.findByRole('heading', { level: 2, name: 'Assume it works' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sandbox' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Which step fails?' })).not.toBeInTheDocument();
  });

  it('with saved progress, or with scenario parameters, the page opens where it did before: the sandbox', () => {
    useCourseStore.setState({ progress: { version: 1, lessons: { 'assume-it-works': { answer: 'left', correct: true, attempts: 1, done: 'correct' } } } });
    bootAt('');
    expect(useCourseStore.getState().lessonId).toBeNull();
    useCourseStore.setState(useCourseStore.getInitialState(), true);
    bootAt('?failAt=payment');
    expect(useCourseStore.getState().lessonId).toBeNull();
  });
});

describe('inside a lesson, only what it has introduced', () => {
  it('lesson 1 while watching: tables, timeline, narration and invariants; no statechart, no scenario controls', async () => {
    await applyParsed(parseSearch('?lesson=assume-it-works'));
    const app = renderApp();
    await app.user.click(await screen.findByRole('radio', { name: /Nothing is undone/ }));
    await app.user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
    expect(region('Services and their databases')).toBeInTheDocument();
    expect(region('Timeline')).toBeInTheDocument();
    expect(region('What happened')).toBeInTheDocument();
    expect(region('Invariants')).toBeInTheDocument();
    expect(region('Orchestrator')).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Which step fails?' })).not.toBeInTheDocument();
    // Try it yourself brings the lesson's controls, and only them.
    await app.jumpToEnd();
    await app.user.click(screen.getByRole('button', { name: 'Check my prediction' }));
    expect(screen.getByRole('group', { name: 'Which step fails?' })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Idempotency keys' })).not.toBeInTheDocument();
  });

  it('the statechart and saga log appear in the lesson that explains them (6), not before', () => {
    const orchestrator = LESSONS.slice(0, 6).map((l) => l.panels?.includes('orchestrator') ?? false);
    expect(orchestrator).toEqual([false, false, false, false, false, true]);
    expect(LESSONS.slice(0, 6).map((l) => l.panels?.includes('race') ?? false)).toEqual([false, false, false, false, true, false]);
  });

  it('side by side (lesson 2): the scenario controls show only in "Try it yourself"', async () => {
    await applyParsed(parseSearch('?lesson=someone-has-to-drive'));
    const app = renderApp();
    await app.user.click(await screen.findByRole('radio', { name: /Stuck/ }));
    await app.user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
    await app.user.click(await screen.findByRole('button', { name: 'Jump to end' }));
    expect(region('Scenario for both sides')).not.toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Check my prediction' }));
    expect(region('Scenario for both sides')).toBeInTheDocument();
  });
});
