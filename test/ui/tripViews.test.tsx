// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUILT_IN_DEFINITIONS, invariantsFor, resolveDefinition, runScenario } from '../../src/core';
import { useUiStore } from '../../src/store/uiStore';
import { App } from '../../src/ui/App';
import { CompareView } from '../../src/ui/compare/CompareView';

beforeAll(() => {
  MotionGlobalConfig.skipAnimations = true;
});
beforeEach(() => useUiStore.setState(useUiStore.getInitialState(), true));
afterEach(cleanup);

const TRIP = { definition: 'trip', failAt: 'car' } as const;
const SERVICES = BUILT_IN_DEFINITIONS.trip.steps.map((s) => s.service);

describe('every view runs the trip saga, with no per-definition code', () => {
  it('sandbox: services and their tables, timeline, statechart, narration and invariants follow the trip', async () => {
    const user = userEvent.setup();
    useUiStore.setState({ scenario: { ...TRIP } });
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    const expected = runScenario(TRIP);

    // Services board: one card per step of the definition, each with the table the run wrote.
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => within(c).getByRole('heading', { level: 3 }).textContent)).toEqual(SERVICES);
    for (const step of BUILT_IN_DEFINITIONS.trip.steps) {
      const card = screen.getByRole('article', { name: step.service });
      const rows = expected.databases[step.id].rows;
      expect(within(card).getByRole('table')).toHaveAccessibleName(`${step.service} database: ${step.id} (${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`);
    }
    // Flight and hotel were booked and undone by a new status, never deleted; the car and payment never wrote.
    const flight = within(screen.getByRole('article', { name: 'Flights' })).getByRole('table');
    expect(within(flight).getByRole('row', { name: /^flight-o1/ })).toHaveTextContent('UNDONE');
    expect(within(screen.getByRole('article', { name: 'Cars' })).getByRole('table')).toHaveAccessibleName('Cars database: car (0 rows)');

    // Timeline: a lane per service of the definition.
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    for (const service of SERVICES) expect(within(timeline).getAllByText(service).length).toBeGreaterThan(0);

    // Statechart: the machine rests in compensated; the log names the trip's steps.
    const orchestrator = await screen.findByRole('region', { name: 'Orchestrator' });
    const current = within(orchestrator)
      .getAllByRole('listitem')
      .filter((li) => li.getAttribute('aria-current') === 'true');
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveTextContent('compensated');
    expect(within(orchestrator).getByRole('table', { name: /Saga log/ })).toHaveTextContent('Car (failed)');

    // Narration speaks of the trip's services and actions.
    const narration = screen.getByRole('region', { name: 'What happened' });
    expect(narration).toHaveTextContent(/rent the car/);
    expect(narration).toHaveTextContent(/Hotels/);
    expect(narration).not.toHaveTextContent(/undefined/);

    // Invariants: the ones that hold for any definition, all holding.
    const invariants = screen.getByRole('region', { name: 'Invariants' });
    const items = within(invariants).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('code')?.textContent)).toEqual(invariantsFor(resolveDefinition('trip')).map((i) => i.id));
    for (const li of items) expect(li).toHaveTextContent('holds');
    expect(invariants).toHaveTextContent('Outcome: compensated');

    // The race panel (lazy) renders too: the trip has no seat to sell twice, so it shows none.
    const race = await screen.findByRole('region', { name: 'Two buyers, one seat' }, { timeout: 10_000 });
    expect(race).toHaveTextContent('several sagas run at once');
  });

  it('side by side: both modes show the trip’s services and both compensate', async () => {
    const user = userEvent.setup();
    useUiStore.setState({ scenario: { ...TRIP } });
    render(<CompareView />);
    await user.click(screen.getByRole('button', { name: 'Jump to end' }));
    for (const name of [/^Choreography/, /^Orchestration/]) {
      const side = screen.getByRole('region', { name });
      for (const service of SERVICES) expect(within(side).getAllByText(new RegExp(service)).length).toBeGreaterThan(0);
      expect(side).toHaveTextContent(/compensated/i);
      expect(side).not.toHaveTextContent(/undefined|Inventory/);
    }
  });
});
