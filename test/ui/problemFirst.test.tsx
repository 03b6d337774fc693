// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useCourseStore } from '../../src/store/courseStore';
import { applyParsed, parseSearch } from '../../src/ui/course/location';
import { renderApp, setUpApp } from './helpers';

setUpApp();
beforeEach(() => {
  localStorage.clear();
  useCourseStore.setState(useCourseStore.getInitialState(), true);
});

describe('lesson 1: the problem before the fix', () => {
  it('first an order without a saga: the failure leaves the card charged and the seat held, nobody undoes anything; then the same failure with a saga', async () => {
    applyParsed(parseSearch('?lesson=assume-it-works'));
    const app = renderApp();
    await app.user.click(await screen.findByRole('radio', { name: /Nothing is undone/ }));
    await app.user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
    await app.jumpToEnd();

    // Without a saga: nothing is compensated, no alert, and the invariants name what is left.
    expect(app.sentences().some((s) => /refund|cancel the order|release the hold/.test(s))).toBe(false);
    const payments = screen.getByRole('region', { name: /Payments/ });
    expect(within(payments).getByText(/^charge$/)).toBeInTheDocument();
    expect(within(payments).queryByText(/^refund$/)).not.toBeInTheDocument();
    expect(within(app.invariants()).getByText(/Outcome: stuck/)).toBeInTheDocument();
    expect(app.invariant('no-stuck-sagas')).toHaveTextContent(/PENDING/);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Check my prediction' }));
    const explanation = document.querySelector('.explanation') as HTMLElement;
    expect(explanation).toHaveTextContent('Nothing is undone: what committed stays committed, and nobody is told.');
    expect(explanation).toHaveTextContent('Nobody undid anything');

    // Then the same failure with the saga.
    await app.user.click(screen.getByRole('button', { name: /Run the same failure with a saga/ }));
    await app.jumpToEnd();
    const story = app.sentences();
    const undo = ['Payments did it: refund the card', 'Orders did it: cancel the order', 'Inventory did it: release the hold'].map((s) => story.findIndex((t) => t.includes(s)));
    expect(undo.every((i) => i >= 0)).toBe(true);
    expect([...undo].sort((a, b) => a - b)).toEqual(undo);
    expect(within(app.invariants()).getByText(/Outcome: compensated/)).toBeInTheDocument();
    expect(explanation).toHaveTextContent('newest first: Payments, Orders and Inventory');
    expect(screen.queryByRole('button', { name: /Run the same failure with a saga/ })).not.toBeInTheDocument();
  });
});
