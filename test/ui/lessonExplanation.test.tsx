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

/** Opens a lesson, predicts with `predict`, plays to the end and checks; returns the app. */
async function answered(lesson: string, predict: (app: ReturnType<typeof renderApp>) => Promise<void>) {
  await applyParsed(parseSearch(`?lesson=${lesson}`));
  const app = renderApp();
  await screen.findByRole('heading', { level: 2 });
  await predict(app);
  await app.user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
  await app.user.click(await screen.findByRole('button', { name: 'Jump to end' }));
  await app.user.click(screen.getByRole('button', { name: 'Check my prediction' }));
  await screen.findByRole('heading', { name: '3 · What happened' });
  const explanation = () => document.querySelector('.explanation') as HTMLElement;
  return { ...app, explanation };
}

describe('"What happened" explains the run on screen', () => {
  it('lesson 4: turning keys on makes the explanation count one charge row; the prediction stays judged on the lesson’s run', async () => {
    const app = await answered('retries-need-keys', (a) => a.user.type(screen.getByRole('spinbutton', { name: /Your answer/ }), '2'));
    expect(app.explanation()).toHaveTextContent('The ledger holds 2 charge rows');
    expect(screen.getByText(/for the lesson’s run:/)).toHaveTextContent('You predicted 2 for the lesson’s run: ✓ right.');

    await app.user.click(screen.getByRole('checkbox', { name: 'Idempotency keys' }));
    expect(app.explanation()).toHaveTextContent('The ledger holds 1 charge row of $40');
    expect(app.explanation()).not.toHaveTextContent('carried no key');
    expect(app.explanation()).toHaveTextContent('You changed the run.');
    // The ledger on screen agrees: one charge row.
    await app.jumpToEnd();
    const payments = screen.getByRole('region', { name: /Payments/ });
    expect(within(payments).getAllByText(/^charge$/)).toHaveLength(1);
    expect(screen.getByText(/for the lesson’s run:/)).toHaveTextContent('✓ right');
  });

  it('lesson 3: a refund that always fails is explained with its alert, never "No alert was needed"', async () => {
    const app = await answered('undo-is-a-new-action', async (a) => {
      const places = screen.getAllByRole('combobox');
      for (const [i, label] of ['Payments refunds the card', 'Orders cancels the order', 'Inventory releases the seat'].entries())
        await a.user.selectOptions(places[i], label);
    });
    expect(app.explanation()).toHaveTextContent('No alert was needed');
    await app.user.selectOptions(screen.getByRole('combobox', { name: 'Compensation failures' }), 'always');
    expect(app.explanation()).toHaveTextContent('An alert was raised');
    expect(app.explanation()).not.toHaveTextContent('No alert was needed');
    expect(app.explanation()).toHaveTextContent('marked PENDING');
  });
});
