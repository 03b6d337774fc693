// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCENARIO_FIELDS, type Scenario } from '../../src/core';
import { useUiStore } from '../../src/store/uiStore';
import { CompareControls } from '../../src/ui/compare/CompareControls';
import { LessonControls } from '../../src/ui/course/LessonControls';
import { RaceControls } from '../../src/ui/race/RaceControls';
import { ScenarioControls } from '../../src/ui/ScenarioControls';

beforeEach(() => useUiStore.setState(useUiStore.getInitialState(), true));
afterEach(cleanup);

const field = (name: keyof Scenario) => SCENARIO_FIELDS.find((f) => f.name === name)?.type as { min: number; max: number };
const optionsOf = (name: string) => within(screen.getByRole('combobox', { name })).getAllByRole('option').map((o) => o.getAttribute('value'));

/** The sandbox's controls holding their own scenario, so a test can read what a change made. */
function Sandbox({ initial = {}, seen }: { initial?: Partial<Scenario>; seen: (s: Partial<Scenario>) => void }) {
  const [scenario, setScenario] = useState(initial);
  return (
    <ScenarioControls
      scenario={scenario}
      onChange={(s) => {
        seen(s);
        setScenario(s);
      }}
    />
  );
}

describe('one controls component, driven by the core’s scenario field table', () => {
  it('offers the saga picker with the trip, and the steps follow the picked saga', async () => {
    const user = userEvent.setup();
    let last: Partial<Scenario> = {};
    render(<Sandbox initial={{ failAt: 'inventory' }} seen={(s) => (last = s)} />);
    expect(optionsOf('Saga')).toEqual(['order', 'order-with-pivot', 'trip']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Saga' }), 'trip');
    // The order saga's inventory step does not exist in the trip: the failure is cleared, not left to be rejected.
    expect(last).toEqual({ definition: 'trip' });
    const buttons = within(screen.getByRole('group', { name: 'Which step fails?' })).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['No failure', 'Flight', 'Hotel', 'Car', 'Payment']);
    await user.click(screen.getByRole('button', { name: 'Car' }));
    expect(last).toEqual({ definition: 'trip', failAt: 'car' });
    await user.click(screen.getByText('More failures'));
    expect(optionsOf('Lose the reply of')).toEqual(['', 'flight', 'hotel', 'car', 'payment']);
  });

  it('takes ranges and defaults from the table: buyers, stock and the seed', () => {
    render(<RaceControls resolved={{ buyers: 1, stock: 1, semanticLock: true, lockPolicy: 'fail' } as Scenario} onChange={() => {}} />);
    const buyers = field('buyers');
    expect(optionsOf('Buyers').map(Number)).toEqual(Array.from({ length: buyers.max - buyers.min + 1 }, (_, i) => buyers.min + i));
    expect(optionsOf('Stock')).toHaveLength(field('stock').max - field('stock').min + 1);
    cleanup();
    render(<Sandbox seen={() => {}} />);
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    expect(seed).toHaveAttribute('min', String(field('seed').min));
    expect(seed).toHaveAttribute('max', String(field('seed').max));
    expect(seed).toHaveAttribute('placeholder', '1');
  });

  it('names each knob the same way in the sandbox, side by side and a lesson', async () => {
    const user = userEvent.setup();
    const names = ['Lose the reply of', 'Replies lost', 'Make compensation fail', 'Compensation failures', 'Drop the message sent by', 'Crash the orchestrator at', 'Crash moment'];
    render(<Sandbox seen={() => {}} />);
    await user.click(screen.getByText('More failures'));
    await user.click(screen.getByText('Mode, lost messages and crashes'));
    for (const name of names.filter((n) => !n.startsWith('Drop'))) expect(screen.getByRole('combobox', { name })).toBeInTheDocument();
    const sandboxCounts = optionsOf('Replies lost');
    cleanup();
    render(<CompareControls scenario={{}} onChange={() => {}} />);
    for (const name of ['Drop the message sent by', 'Crash the orchestrator at', 'Crash moment']) expect(screen.getByRole('combobox', { name })).toBeInTheDocument();
    cleanup();
    render(<LessonControls ids={['lost', 'compFail', 'drop', 'crash']} />);
    for (const name of names) expect(screen.getByRole('combobox', { name })).toBeInTheDocument();
    // The same choices everywhere (they had drifted: 0–3 in one view, 1–3 in another).
    expect(optionsOf('Replies lost')).toEqual(sandboxCounts);
    expect(sandboxCounts).toEqual(['1', '2', '3', '4', '5']);
    expect(optionsOf('Compensation failures')).toEqual(['1', '2', '3', '4', '5', 'always']);
  });

  it('a lesson’s knob writes the scenario in the store', async () => {
    const user = userEvent.setup();
    render(<LessonControls ids={['keys', 'lost']} />);
    await user.click(screen.getByRole('checkbox', { name: 'Idempotency keys' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lose the reply of' }), 'payment');
    expect(useUiStore.getState().scenario).toEqual({ idempotencyKeys: false, lostResponses: { payment: 1 } });
  });
});
