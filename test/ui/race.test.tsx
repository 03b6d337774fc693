// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useRaceStore } from '../../src/ui/race/raceStore';
import { renderApp, setUpApp } from './helpers';
import { InlineExploreWorker } from './inlineExploreWorker';

setUpApp();
beforeEach(() => {
  useRaceStore.setState(useRaceStore.getInitialState(), true);
  vi.stubGlobal('Worker', InlineExploreWorker);
});
afterEach(() => vi.unstubAllGlobals());

const OVERSELL = 'Seat 1A sold to buyer 1 and buyer 2, but only 1 in stock.';

/** The app with the race panel set up: buyers, lock, and a scheduler mode, chosen through the controls. */
async function renderRace({ buyers = '2', lock = true, mode }: { buyers?: string; lock?: boolean; mode?: string } = {}) {
  const app = renderApp();
  // The race panel loads on demand: wait for it once, then query it synchronously.
  await screen.findByRole('region', { name: 'Two buyers, one seat' }, { timeout: 10_000 });
  const race = () => screen.getByRole('region', { name: 'Two buyers, one seat' });
  await app.user.selectOptions(within(race()).getByRole('combobox', { name: 'Buyers' }), buyers);
  const lockBox = within(race()).getByRole('checkbox', { name: 'Semantic lock (PENDING)' });
  if (!lock) await app.user.click(lockBox);
  if (mode) await app.user.click(within(race()).getByRole('radio', { name: new RegExp(mode) }));
  const choices = () => within(race()).queryByRole('group', { name: 'Choice point: who moves next?' });
  return {
    ...app,
    race,
    choices,
    pick: (label: string) => app.user.click(within(choices() as HTMLElement).getByRole('button', { name: label })),
    schedule: () => within(race()).getByText(/Your schedule:/).textContent,
    buyer: (n: number) => within(within(race()).getByRole('list', { name: 'Buyers' })).getAllByRole('listitem')[n - 1],
  };
}

describe('two buyers, one seat', () => {
  it('with one buyer there is nobody to race', async () => {
    renderApp();
    const race = await screen.findByRole('region', { name: 'Two buyers, one seat' }, { timeout: 10_000 });
    expect(within(race).getByText(/One buyer: nobody to race/)).toBeInTheDocument();
    expect(within(race).queryByRole('radio')).not.toBeInTheDocument();
  });

  it('shows each buyer side by side with a label, and the seat AVAILABLE before anyone reads', async () => {
    const app = await renderRace({ buyers: '3' });
    expect(within(app.race()).getByText('AVAILABLE')).toBeInTheDocument();
    for (const n of [1, 2, 3]) expect(app.buyer(n)).toHaveTextContent(`Buyer ${n}`);
    expect(app.buyer(1)).toHaveTextContent('nothing yet');
    expect(within(app.race()).getByRole('radio', { name: /Seeded scheduler/ })).toBeChecked();
  });

  it('as the scheduler: one button per saga that can move at a choice point, and each pick extends the schedule', async () => {
    // Arrange
    const app = await renderRace({ lock: false, mode: 'You are the scheduler' });
    expect(app.choices()).toBeInTheDocument();
    const buttons = within(app.choices() as HTMLElement).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Buyer 1: Inventory — read availability', 'Buyer 2: Inventory — read availability']);
    expect(app.schedule()).toContain('no picks yet');

    // Act
    await app.pick('Buyer 1: Inventory — read availability');
    await app.pick('Buyer 2: Inventory — read availability');

    // Assert: the views stand at the next choice point; both read AVAILABLE before either wrote
    expect(app.schedule()).toBe('Your schedule: 0,1');
    expect(screen.getByText(/event \d+ of \d+/).textContent).toMatch(/event (\d+) of \1$/);
    expect(app.buyer(1)).toHaveTextContent('read AVAILABLE');
    expect(app.buyer(2)).toHaveTextContent('read AVAILABLE');
    expect(app.sentences().some((s) => s.includes("Buyer 2's saga asks Inventory"))).toBe(true);

    await app.user.click(within(app.race()).getByRole('button', { name: 'Undo last pick' }));
    expect(app.schedule()).toBe('Your schedule: 0');
  });

  it('with the lock off, playing the schedule to the end sells the seat twice, loudly, and names the oversell', async () => {
    const app = await renderRace({ lock: false, mode: 'You are the scheduler' });
    await app.pick('Buyer 1: Inventory — read availability');
    await app.pick('Buyer 2: Inventory — read availability');
    // Keep scheduling until every saga has finished.
    while (app.choices()) await app.user.click(within(app.choices() as HTMLElement).getAllByRole('button')[0]);
    expect(within(app.race()).getByText(/No more choices/)).toBeInTheDocument();

    await app.jumpToEnd();

    expect(within(app.race()).getByRole('alert')).toHaveTextContent('Sold twice: buyer 1 and buyer 2');
    expect(app.buyer(1)).toHaveTextContent('completed');
    expect(app.buyer(2)).toHaveTextContent('completed');
    expect(app.invariant('no-oversell')).toHaveTextContent('violated');
    expect(app.invariant('no-oversell')).toHaveTextContent(OVERSELL);
  });

  it('after a scenario change the views restart, and the learner can go straight back to the choice point', async () => {
    const app = await renderRace({ lock: false, mode: 'You are the scheduler' });
    await app.pick('Buyer 1: Inventory — read availability');
    await app.user.click(within(app.race()).getByRole('checkbox', { name: 'Semantic lock (PENDING)' }));
    expect(screen.getByText(/event \d+ of \d+/)).toHaveTextContent(/event 0 of/);

    await app.user.click(within(app.race()).getByRole('button', { name: 'Show the choice point' }));

    expect(screen.getByText(/event \d+ of \d+/).textContent).toMatch(/event (\d+) of \1$/);
    // The same pick, replayed with the lock on: buyer 1 now holds the seat PENDING.
    expect(app.schedule()).toBe('Your schedule: 0');
    expect(within(app.race()).getByText('PENDING (buyer 1)')).toBeInTheDocument();
  });

  it('"Replay this schedule" hands the picks to the seeded scheduler, which replays them exactly', async () => {
    const app = await renderRace({ lock: false, mode: 'You are the scheduler' });
    await app.pick('Buyer 1: Inventory — read availability');
    await app.pick('Buyer 2: Inventory — read availability');
    await app.user.click(within(app.race()).getByRole('button', { name: 'Replay this schedule' }));

    expect(within(app.race()).getByRole('radio', { name: /Seeded scheduler/ })).toBeChecked();
    expect(within(app.race()).getByText(/Replaying schedule/)).toHaveTextContent('Replaying schedule 0,1');
    await app.jumpToEnd();
    expect(app.invariant('no-oversell')).toHaveTextContent(OVERSELL);
  });

  it('with the lock on, the same picks make the second buyer read PENDING and back off', async () => {
    const app = await renderRace({ lock: true, mode: 'You are the scheduler' });
    expect(within(app.choices() as HTMLElement).getAllByRole('button')[0]).toHaveTextContent('Buyer 1: Inventory — hold the item');
    await app.pick('Buyer 1: Inventory — hold the item');
    await app.pick('Buyer 2: Inventory — hold the item');
    await app.jumpToEnd();

    expect(app.buyer(2)).toHaveTextContent('read PENDING for o-1');
    expect(app.buyer(2)).toHaveTextContent('backs off');
    expect(app.buyer(2)).toHaveTextContent('compensated');
    expect(app.buyer(1)).toHaveTextContent('SOLD to buyer 1');
    expect(within(app.race()).queryByRole('alert')).not.toBeInTheDocument();
    expect(app.invariant('no-oversell')).toHaveTextContent('holds');
  });

  it('"Explore all" counts violating interleavings with the lock off, none with it on, and replays the shortest counterexample', async () => {
    const app = await renderRace({ lock: false, mode: 'Explore all' });
    const status = within(app.race()).getByRole('status');
    const done = /Explored [\d,]+ states · [\d,]+ interleavings · ([\d,]+) violating/;
    await screen.findByText(done, {}, { timeout: 10_000 });
    expect(Number(done.exec(status.textContent ?? '')?.[1].replace(/,/g, ''))).toBeGreaterThan(0);

    await app.user.click(within(app.race()).getByRole('button', { name: 'Replay the shortest counterexample' }));
    await app.jumpToEnd();
    expect(app.invariant('no-oversell')).toHaveTextContent(OVERSELL);

    await app.user.click(within(app.race()).getByRole('checkbox', { name: 'Semantic lock (PENDING)' }));
    await screen.findByText(/· 0 violating/, {}, { timeout: 10_000 });
    expect(within(app.race()).getByText('No interleaving breaks an invariant.')).toBeInTheDocument();
  });

  it('"Explore all" says so plainly where the browser cannot run it in the background', async () => {
    vi.stubGlobal('Worker', undefined);
    const app = await renderRace({ lock: false, mode: 'Explore all' });
    expect(await within(app.race()).findByText(/The explorer failed: this browser cannot run background work/)).toBeInTheDocument();
    expect(within(app.race()).getByRole('button', { name: 'Explore again' })).toBeInTheDocument();
  });
});
