// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/core';
import { useUiStore } from '../../src/store/uiStore';
import { App } from '../../src/ui/App';
import { CompareView } from '../../src/ui/compare/CompareView';
import { announcement, lockstepStops } from '../../src/ui/compare/lockstep';
import { playbackStops } from '../../src/ui/stops';

beforeAll(() => {
  MotionGlobalConfig.skipAnimations = true;
});
beforeEach(() => useUiStore.setState(useUiStore.getInitialState(), true));
afterEach(cleanup);

/** Renders the side-by-side view and returns what a learner reads and does. */
function renderCompare() {
  const user = userEvent.setup();
  render(<CompareView />);
  const side = (name: RegExp) => screen.getByRole('region', { name });
  return {
    user,
    choreography: () => side(/^Choreography — services react to events$/),
    orchestration: () => side(/^Orchestration — one orchestrator calls each service$/),
    dropEventOf: (step: string) => user.selectOptions(screen.getByRole('combobox', { name: 'Drop the message sent by' }), step),
    crashAt: async (step: string, moment: string) => {
      await user.selectOptions(screen.getByRole('combobox', { name: 'Crash the orchestrator at' }), step);
      await user.selectOptions(screen.getByRole('combobox', { name: 'Crash moment' }), moment);
    },
    stepForward: () => user.click(screen.getByRole('button', { name: 'Step forward' })),
    jumpToEnd: () => user.click(screen.getByRole('button', { name: 'Jump to end' })),
  };
}

describe('lockstep', () => {
  const tracks = () => {
    const c = runScenario({ mode: 'choreography', dropEvent: 'payment' }).trace;
    const o = runScenario({ mode: 'orchestration', dropEvent: 'payment' }).trace;
    return { choreography: { trace: c, stops: playbackStops(c) }, orchestration: { trace: o, stops: playbackStops(o) } };
  };

  it('moves one side one stop at a time, in virtual-time order, and never shows anything later than the shared time', () => {
    const t = tracks();
    const stops = lockstepStops(t);
    expect(stops[0].cursors).toEqual({ choreography: t.choreography.stops[0], orchestration: t.orchestration.stops[0] });
    expect(stops.at(-1)?.cursors).toEqual({ choreography: t.choreography.trace.length, orchestration: t.orchestration.trace.length });
    expect(stops).toHaveLength(t.choreography.stops.length + t.orchestration.stops.length - 1);
    for (let i = 1; i < stops.length; i++) {
      const [prev, cur] = [stops[i - 1], stops[i]];
      expect(cur.at).toBeGreaterThanOrEqual(prev.at);
      const moved = (['choreography', 'orchestration'] as const).filter((s) => cur.cursors[s] !== prev.cursors[s]);
      expect(moved).toEqual([cur.moved]);
      for (const s of ['choreography', 'orchestration'] as const) {
        const shown = t[s].trace.slice(0, cur.cursors[s]);
        expect(shown.every((e) => e.at <= cur.at)).toBe(true);
      }
    }
  });

  it('announces the newest sentence of the side that moved, named', () => {
    const t = tracks();
    const stops = lockstepStops(t);
    const traces = { choreography: t.choreography.trace, orchestration: t.orchestration.trace };
    const said = stops.map((_, i) => announcement(stops, i, traces)).filter(Boolean);
    expect(said).toContain('Choreography: PaymentCharged is dropped on the way. Nobody is waiting for it, so nobody notices.');
    expect(said.at(-1)).toBe('Orchestration: Order o-1 completed: CONFIRMED, the seat SOLD, every step committed.');
    expect(said.every((s) => /^(Choreography|Orchestration): /.test(s))).toBe(true);
  });
});

describe('CompareView', () => {
  it('with the payment event dropped, the choreography ends stuck naming what is left, the orchestration completes', async () => {
    const ui = renderCompare();
    await ui.dropEventOf('Payment');
    await ui.jumpToEnd();

    const left = ui.choreography();
    expect(within(left).getByText(/Outcome: stuck/)).toBeInTheDocument();
    expect(within(left).getByRole('list', { name: 'Invariants broken' })).toHaveTextContent(
      'no-stuck-sagas Order o-1 is still PENDING with nothing in flight: item held, card charged $40.',
    );
    expect(within(left).getByText(/PaymentCharged is dropped on the way/)).toBeInTheDocument();
    expect(within(left).getByText(/vanished on the bus: Payments published it, nobody received it/)).toBeInTheDocument();

    const right = ui.orchestration();
    expect(within(right).getByText(/Outcome: completed/)).toBeInTheDocument();
    expect(within(right).getByText('Every invariant holds.')).toBeInTheDocument();
    expect(within(right).getByText(/replayed its stored answer/)).toBeInTheDocument();
  });

  it("shows who knows the saga state: nobody in choreography, the orchestrator's saga log in orchestration", async () => {
    const ui = renderCompare();
    const left = ui.choreography();
    const right = ui.orchestration();
    expect(within(left).getByText("Who knows the saga's state?")).toBeInTheDocument();
    expect(within(left).getByText(/Nobody\. Each service knows only its own table\./)).toBeInTheDocument();
    expect(within(right).getByText(/The orchestrator, in its durable saga log\./)).toBeInTheDocument();
    expect(within(right).getByRole('table', { name: /^Saga log/ })).toBeInTheDocument();

    await ui.dropEventOf('Payment');
    await ui.jumpToEnd();
    // Each service knows its own rows only: the held item and the charge, with nobody seeing both.
    expect(within(left).getByText(/knows: hold PENDING/)).toBeInTheDocument();
    expect(within(left).getByText(/knows: charge \$40/)).toBeInTheDocument();
    const log = within(right).getByRole('table', { name: 'Saga log (16 rows)' });
    expect(within(log).getAllByRole('row')).toHaveLength(17);
  });

  it('a crash after payment commits takes the orchestrator down, keeps its log, and recovers at Payment', async () => {
    const ui = renderCompare();
    await ui.crashAt('Payment', 'after the service commits');
    const right = ui.orchestration();
    expect(within(ui.choreography()).getByText(/No orchestrator to crash here/)).toBeInTheDocument();

    for (let i = 0; i < 80 && !within(right).queryByText(/Orchestrator down/); i++) await ui.stepForward();
    expect(within(right).getByText('Orchestrator down — restarting in 3 s')).toBeInTheDocument();
    expect(within(right).getByText(/survived the crash/)).toBeInTheDocument();
    expect(within(right).getByRole('img', { name: /Timeline from 0/ })).toBeInTheDocument();
    expect(within(right).getByText(/Orchestrator crashed — down/)).toBeInTheDocument();

    for (let i = 0; i < 80 && !within(right).queryByText(/Recovered from/); i++) await ui.stepForward();
    expect(within(right).getByText('Recovered from 6 log rows: resumes at Payment')).toBeInTheDocument();
    expect(within(right).getByText(/survived the crash/)).toBeInTheDocument();

    await ui.jumpToEnd();
    expect(within(right).getByText(/Outcome: completed/)).toBeInTheDocument();
    expect(within(ui.choreography()).getByText(/Outcome: completed/)).toBeInTheDocument();
  });

  it('has one live region for the whole view, naming the side that moved', async () => {
    const ui = renderCompare();
    const regions = document.querySelectorAll('[aria-live]');
    expect(regions).toHaveLength(1);
    await ui.stepForward();
    expect(regions[0].textContent).toMatch(/^(Choreography|Orchestration): /);
  });
});

describe('the view switch', () => {
  it('opens the side-by-side view from the header and goes back to the single run', async () => {
    const user = userEvent.setup();
    render(<App />);
    const views = screen.getByRole('group', { name: 'View' });
    expect(within(views).getByRole('button', { name: 'Single run' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(within(views).getByRole('button', { name: 'Side by side' }));
    // The side-by-side view loads on demand.
    expect(await screen.findByRole('region', { name: /^Choreography — / })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /^Orchestration — / })).toBeInTheDocument();
    expect(document.querySelectorAll('[aria-live]')).toHaveLength(1);
    await user.click(within(views).getByRole('button', { name: 'Single run' }));
    expect(screen.queryByRole('region', { name: /^Choreography — / })).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'What happened' })).toBeInTheDocument();
  });
});
