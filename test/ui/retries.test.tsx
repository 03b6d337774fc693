// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setUpApp } from './helpers';

setUpApp();

describe('retries need idempotency keys', () => {
  it('without keys, one lost payment response charges the card twice: no-double-charge is violated', async () => {
    // Arrange
    const app = renderApp();
    await app.user.click(screen.getByRole('checkbox', { name: 'Idempotency keys' }));
    await app.openMore('More failures');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Lose the reply of' }), 'Payment');
    expect(screen.getByRole('combobox', { name: 'Replies lost' })).toHaveValue('1');

    // Act
    await app.jumpToEnd();

    // Assert
    expect(app.invariant('no-double-charge')).toHaveTextContent('violated');
    expect(app.invariant('no-double-charge')).toHaveTextContent('Order o-1 was charged 2 times');
    expect(app.sentences().some((s) => s.includes('without an idempotency key'))).toBe(true);
  });

  it('with keys, the same lost response is retried safely and every invariant holds', async () => {
    const app = renderApp();
    await app.openMore('More failures');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Lose the reply of' }), 'Payment');
    await app.jumpToEnd();
    expect(app.invariant('no-double-charge')).toHaveTextContent('holds');
    expect(within(app.invariants()).getByText(/Outcome: completed/)).toBeInTheDocument();
  });

  it('previews the backoff delays of the retry policy as it is edited', async () => {
    const app = renderApp();
    await app.openMore('Retry policy');
    const delays = screen.getByRole('status', { name: 'Retry delays' });
    expect(delays).toHaveTextContent('1 s → 2 s');
    await app.user.type(screen.getByRole('spinbutton', { name: 'maxAttempts' }), '4');
    expect(delays).toHaveTextContent('1 s → 2 s → 4 s');
    await app.user.type(screen.getByRole('spinbutton', { name: 'maxIntervalMs' }), '3000');
    expect(delays).toHaveTextContent('1 s → 2 s → 3 s');
  });

  it('a rejected value shows a visible warning and the run falls back to the default', async () => {
    const app = renderApp();
    await app.openMore('Retry policy');
    await app.user.type(screen.getByRole('spinbutton', { name: 'backoffCoefficient' }), '0.5');
    expect(screen.getByText(/retry\.backoffCoefficient must be a number from 1 to 100; got 0\.5 — using the default instead/)).toBeInTheDocument();
    await app.jumpToEnd();
    expect(within(app.invariants()).getByText(/Outcome: completed/)).toBeInTheDocument();
  });
});
