// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { INVARIANTS } from '../../src/core';
import { renderApp, setUpApp } from './helpers';

setUpApp();

describe('the first lesson: undo is a new action', () => {
  it('starts at the beginning with a heading, the subtitle and nothing narrated yet', () => {
    const app = renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Saga Simulator' })).toBeInTheDocument();
    expect(screen.getByText('One order, five services, no global undo.')).toBeInTheDocument();
    expect(screen.getByText(/event 0 of \d+/)).toBeInTheDocument();
    expect(screen.getByText('t = 0.00 s')).toBeInTheDocument();
    expect(app.sentences()).toEqual([]);
    expect(within(screen.getByRole('group', { name: 'Which step fails?' })).getByRole('button', { name: 'No failure' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('a failing payment is compensated in reverse order, and every invariant holds', async () => {
    // Arrange
    const app = renderApp();
    await app.pickFailure('Payment');
    expect(within(screen.getByRole('group', { name: 'Which step fails?' })).getByRole('button', { name: 'Payment' })).toHaveAttribute('aria-pressed', 'true');

    // Act
    await app.jumpToEnd();

    // Assert
    expect(within(app.invariants()).getByText(/Outcome: compensated/)).toBeInTheDocument();
    const story = app.sentences();
    const declined = story.findIndex((s) => s.includes('Payments refused'));
    const cancelled = story.findIndex((s) => s.includes('Orders did it: cancel the order'));
    const released = story.findIndex((s) => s.includes('Inventory did it: release the hold'));
    expect(declined).toBeGreaterThan(-1);
    expect(cancelled).toBeGreaterThan(declined);
    expect(released).toBeGreaterThan(cancelled);
    for (const { id } of INVARIANTS) expect(app.invariant(id)).toHaveTextContent('holds');
  });

  it('steps forward one story event at a time, with narration and its live announcement', async () => {
    const app = renderApp();
    await app.pickFailure('Payment');
    const forward = screen.getByRole('button', { name: 'Step forward' });
    await app.user.click(forward);
    expect(screen.getByText(/event 1 of \d+/)).toBeInTheDocument();
    expect(app.sentences()).toHaveLength(1);
    expect(app.sentences()[0]).toContain('A customer places order o-1');
    // The visually hidden live region says the newest sentence.
    const live = app.narration().querySelector('[aria-live="polite"]');
    expect(live).toHaveTextContent('A customer places order o-1');

    await app.user.click(forward);
    await app.user.click(forward);
    expect(app.sentences()).toHaveLength(3);
    expect(within(screen.getByRole('region', { name: 'Playback' })).getByText(/t = 0\.\d\d s/)).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Step back' }));
    expect(app.sentences()).toHaveLength(2);
    // Before the end, nothing claims an outcome and the end-of-run invariants wait.
    expect(within(app.invariants()).queryByText(/Outcome:/)).toBeNull();
    expect(app.invariant('no-orphans')).toHaveTextContent('checked at the end');
  });

  it('changing the scenario starts the new run from its beginning', async () => {
    const app = renderApp();
    await app.jumpToEnd();
    expect(within(app.invariants()).getByText(/Outcome: completed/)).toBeInTheDocument();
    await app.pickFailure('Warehouse');
    expect(screen.getByText(/event 0 of \d+/)).toBeInTheDocument();
    expect(app.sentences()).toEqual([]);
    await app.jumpToEnd();
    expect(within(app.invariants()).getByText(/Outcome: compensated/)).toBeInTheDocument();
  });
});
