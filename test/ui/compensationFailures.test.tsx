// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setUpApp } from './helpers';

setUpApp();

/** Payment declines, and cancelling the order answers 500 `count` times. */
async function failingCancellation(count: string) {
  const app = renderApp();
  await app.pickFailure('Payment');
  await app.openMore('More failures');
  await app.user.selectOptions(screen.getByRole('combobox', { name: 'Make compensation fail' }), 'Order');
  await app.user.selectOptions(screen.getByRole('combobox', { name: 'Compensation failures' }), count);
  await app.jumpToEnd();
  return app;
}

const incident = () => screen.getByRole('alert');

describe('compensations that fail', () => {
  it('a compensation that always fails raises an incident that stays open', async () => {
    const app = await failingCancellation('always');
    expect(incident()).toHaveTextContent('Orders could not cancel the order for order o-1 after 3 attempts');
    expect(within(app.invariants()).getByText(/Outcome: needs-attention/)).toBeInTheDocument();
    expect(app.sentences().filter((s) => s.includes('Compensations are never dropped'))).toHaveLength(2);

    // The incident stays open for as long as nobody acts.
    await app.user.click(screen.getByRole('button', { name: 'Restart' }));
    await app.jumpToEnd();
    expect(incident()).toBeInTheDocument();

    // An operator who has fixed the service retries the compensation: the saga finishes compensating.
    await app.user.click(within(incident()).getByRole('button', { name: 'Retry compensation now' }));
    await app.jumpToEnd();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(app.sentences().some((s) => s.includes('An operator retries the compensation at Orders now'))).toBe(true);
    expect(within(app.invariants()).getByText(/Outcome: compensated/)).toBeInTheDocument();
  });

  it('marking it resolved by hand lets the saga finish compensating', async () => {
    const app = await failingCancellation('always');
    await app.user.click(within(incident()).getByRole('button', { name: 'Mark resolved by hand' }));
    await app.jumpToEnd();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(app.invariants()).getByText(/Outcome: compensated/)).toBeInTheDocument();
    expect(app.sentences().some((s) => s.includes('Inventory did it: release the hold'))).toBe(true);
  });

  it('when the service recovers, "Retry compensation now" completes the compensation', async () => {
    // Three failures use up the three attempts; the operator's retry is the fourth call.
    const app = await failingCancellation('3');
    expect(incident()).toBeInTheDocument();
    await app.user.click(within(incident()).getByRole('button', { name: 'Retry compensation now' }));
    await app.jumpToEnd();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(app.invariants()).getByText(/Outcome: compensated/)).toBeInTheDocument();
    const story = app.sentences();
    expect(story.findIndex((s) => s.includes('Orders did it: cancel the order'))).toBeLessThan(story.findIndex((s) => s.includes('Inventory did it: release the hold')));
    for (const id of ['no-double-charge', 'charge-matches-order', 'stock-conserved', 'no-orphans', 'no-stuck-sagas']) {
      expect(app.invariant(id)).toHaveTextContent('holds');
    }
  });

  it('scrubbing back before the operator acted shows the incident without acting twice', async () => {
    const app = await failingCancellation('3');
    await app.user.click(within(incident()).getByRole('button', { name: 'Retry compensation now' }));
    await app.jumpToEnd();
    // Step back until the alert is open again at the cursor.
    const back = screen.getByRole('button', { name: 'Step back' });
    while (!screen.queryByRole('alert')) await app.user.click(back);
    expect(within(incident()).queryByRole('button', { name: 'Retry compensation now' })).toBeNull();
    expect(incident()).toHaveTextContent('An operator acts on this later in the run');
  });
});
