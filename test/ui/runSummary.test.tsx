// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { runScenario, type Scenario, type TraceEvent } from '../../src/core';
import { LESSONS } from '../../src/lessons/all';
import { useCourseStore } from '../../src/store/courseStore';
import { applyParsed, parseSearch } from '../../src/ui/course/location';
import { compareSummary, runSummary } from '../../src/ui/course/runSummary';
import { InvariantsPanel } from '../../src/ui/InvariantsPanel';
import { BuyerColumns } from '../../src/ui/race/BuyerColumns';
import { buyersAt } from '../../src/ui/race/raceModel';
import { renderApp, setUpApp } from './helpers';

// Issue 16 item 9: on a phone the tables are a long scroll below the lesson, so a two-line summary of
// the run at the playback position sits next to the lesson text. Every word of it must be true for
// the run on screen at that position: it is read from the revealed trace and the tables there.

/** The run as the views see it, revealed up to and including the first event that matches. */
function at(scenario: Partial<Scenario>, until?: (e: TraceEvent) => boolean) {
  const run = runScenario(scenario);
  const i = until ? run.trace.findIndex(until) : run.trace.length - 1;
  if (i < 0) throw new Error('no such event');
  return { scenario: run.scenario, trace: run.trace, cursor: i + 1 };
}

describe('the run summary at a playback position', () => {
  it('before anything happens: not started, the card not charged', () => {
    expect(runSummary({ ...at({ failAt: 'warehouse' }), cursor: 0 })).toEqual({ sagas: ['Not started yet'], key: 'Card: not charged' });
  });

  it('a choreography that has started names no orchestrator reading its log (there is none): no service has acted yet', () => {
    const s = runSummary(at({ mode: 'choreography', dropEvent: 'payment' }, (e) => e.type === 'saga.started'));
    expect(s.sagas).toEqual(['Started: no service has acted yet']);
    const race = at({ mode: 'choreography', buyers: 2 }, (e) => e.type === 'saga.started');
    expect(buyersAt(race)[0].state).toBe('Started: no service has acted yet');
    // Orchestrated, the machine does read its log first.
    expect(runSummary(at({ failAt: 'warehouse' }, (e) => e.type === 'saga.started')).sagas).toEqual(['Starting: reading where the saga stands']);
  });

  it('lesson 3 when the warehouse refuses: step 4 of 5, what Warehouse answered, one charge', () => {
    const s = runSummary(at({ failAt: 'warehouse' }, (e) => e.type === 'step.failed'));
    expect(s).toEqual({ sagas: ['Step 4 of 5 (Warehouse): ✗ Failed: the warehouse cannot pick order o-1'], key: 'Card: 1 charge · nets $40' });
  });

  it('lesson 3 while the refund is under way, then at the end: undoing step 3, then compensated with the refund row', () => {
    const refunding = runSummary(at({ failAt: 'warehouse' }, (e) => e.type === 'compensation.started' && e.step === 'payment'));
    expect(refunding.sagas).toEqual(['Undoing step 3 of 5 (Payments): ↩ Handling a compensation: refund the card']);
    expect(refunding.key).toBe('Card: 1 charge · nets $40');
    expect(runSummary(at({ failAt: 'warehouse' }))).toEqual({
      sagas: ['↩ Compensated after a failure at step 4 of 5 (Warehouse)'],
      key: 'Card: 1 charge, 1 refund · nets $0',
    });
  });

  it('lesson 4 without keys: a lost reply is said as such, and the end shows the second charge', () => {
    const scenario = { idempotencyKeys: false, lostResponses: { payment: 1 } };
    expect(runSummary(at(scenario, (e) => e.type === 'response.lost')).sagas).toEqual(['Step 3 of 5 (Payments): ✕ Committed, but its response was lost']);
    expect(runSummary(at(scenario))).toEqual({ sagas: ['✓ Completed: all 5 steps done'], key: 'Card: 2 charges · nets $80' });
  });

  it('lesson 5: one line per buyer and the seat as the key row', () => {
    expect(runSummary(at({ buyers: 2, semanticLock: false }))).toEqual({
      sagas: ['Buyer 1: ✓ Completed: all 5 steps done', 'Buyer 2: ✓ Completed: all 5 steps done'],
      key: 'Seat 1A: SOLD (to buyer 1 and buyer 2)',
    });
    expect(runSummary(at({ buyers: 2 })).sagas[1]).toBe('Buyer 2: ↩ Compensated after a failure at step 1 of 5 (Inventory)');
  });

  it('lesson 6 with the crash: while the orchestrator is down, and right after it restarts from its log', () => {
    const scenario = { crash: { step: 'payment', when: 'after-commit' } } as const;
    expect(runSummary(at(scenario, (e) => e.type === 'orchestrator.crashed')).sagas).toEqual([
      'Step 3 of 5 (Payments): ✕ Committed — the orchestrator crashed before hearing back',
    ]);
    expect(runSummary(at(scenario, (e) => e.type === 'orchestrator.recovered')).sagas).toEqual(['Starting: reading where the saga stands']);
  });

  it('lesson 1 without a saga: stuck after the failure, the card still charged', () => {
    expect(runSummary(at(LESSONS[0].scenario))).toEqual({ sagas: ['‖ Stuck after a failure at step 4 of 5 (Warehouse)'], key: 'Card: 1 charge · nets $40' });
  });
});

describe('side by side (lesson 2)', () => {
  const sides = (until?: (e: TraceEvent) => boolean) => [at({ mode: 'choreography', dropEvent: 'payment' }, until), at({ mode: 'orchestration', dropEvent: 'payment' }, until)] as const;

  it('one line per side, and the card of both', () => {
    expect(compareSummary(...sides())).toEqual({
      sagas: ['Choreography: ‖ Stuck', 'Orchestration: ✓ Completed: all 5 steps done'],
      key: 'Card on both sides: 1 charge · nets $40',
    });
  });

  it('each side at its own cursor: before the card is charged on one side, the cards differ', () => {
    const [choreography, orchestration] = sides();
    const s = compareSummary({ ...choreography, cursor: choreography.trace.length }, { ...orchestration, cursor: 0 });
    expect(s.sagas).toEqual(['Choreography: ‖ Stuck', 'Orchestration: Not started yet']);
    expect(s.key).toBe('Card: 1 charge · nets $40 (choreography), not charged (orchestration)');
  });
});

describe('a stuck outcome’s icon', () => {
  // Debian's fonts have no media-control glyphs (see icons.tsx): "⏸ Outcome: stuck" showed an empty box.
  it('is a glyph every font has (‖), in the invariants panel and the race’s buyer columns', () => {
    const run = at(LESSONS[0].scenario);
    render(<InvariantsPanel run={run} settled />);
    expect(screen.getByText(/Outcome: stuck/).textContent).toBe('‖ Outcome: stuck');
    render(<BuyerColumns buyers={buyersAt(run)} />);
    expect(screen.getByText('stuck').parentElement?.textContent).toBe('‖ stuck');
  });
});

describe('the summary in a lesson', () => {
  beforeEach(() => useCourseStore.setState(useCourseStore.getInitialState(), true));
  setUpApp();

  it('sits in the lesson’s column and follows the playback position', async () => {
    await applyParsed(parseSearch('?lesson=undo-is-a-new-action'));
    const app = renderApp();
    await screen.findByRole('button', { name: /Lock in my prediction/ });
    // Any prediction will do: the run starts when it is locked in.
    for (const [i, select] of screen.getAllByRole('combobox').entries()) await app.user.selectOptions(select, within(select).getAllByRole('option')[i + 1]);
    await app.user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
    await app.jumpToEnd();
    const strip = await screen.findByRole('region', { name: 'The run so far' });
    expect(strip).toHaveTextContent('↩ Compensated after a failure at step 4 of 5 (Warehouse)');
    expect(strip).toHaveTextContent('Card: 1 charge, 1 refund · nets $0');
    expect(screen.getByRole('complementary', { name: 'Story and checks' })).toContainElement(strip);
    await app.user.click(screen.getByRole('button', { name: 'Restart' }));
    expect(strip).toHaveTextContent('Not started yet');
    expect(strip).toHaveTextContent('Card: not charged');
  });

  it('side by side and in the trace view, the strip closes the lesson’s block above the run', async () => {
    await applyParsed(parseSearch('?lesson=someone-has-to-drive'));
    const app = renderApp();
    await app.user.click((await screen.findAllByRole('radio'))[0]);
    await app.user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
    await app.user.click(await screen.findByRole('button', { name: 'Jump to end' }));
    const strip = await screen.findByRole('region', { name: 'The run so far' });
    await waitFor(() => expect(strip).toHaveTextContent('Choreography: ‖ Stuck'));
    expect(strip).toHaveTextContent('Orchestration: ✓ Completed: all 5 steps done');
    expect(strip.previousElementSibling).toBe(screen.getByRole('region', { name: 'Someone has to drive' }));
    cleanup();

    useCourseStore.setState(useCourseStore.getInitialState(), true);
    await applyParsed(parseSearch('?lesson=watching-sagas-in-production'));
    const trace = renderApp();
    await trace.user.click((await screen.findAllByRole('radio'))[0]);
    await trace.user.click(screen.getByRole('button', { name: /Lock in my prediction/ }));
    await trace.user.click(await screen.findByRole('button', { name: 'Jump to end' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'The run so far' })).toHaveTextContent('↩ Compensated after a failure at step 4 of 5 (Warehouse)'));
  });
});
