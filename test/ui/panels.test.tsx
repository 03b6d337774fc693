// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Scenario, runScenario, type TraceEvent } from '../../src/core';
import { OrchestratorPanel, ServicesBoard, Timeline } from '../../src/ui/panels';
import type { RunView } from '../../src/ui/runView';

beforeAll(() => {
  MotionGlobalConfig.skipAnimations = true;
});
afterEach(cleanup);

/** A run of the scenario, revealed up to `cursor` (default: the end). */
function view(scenario: Partial<Scenario>, cursor?: (trace: readonly TraceEvent[]) => number): RunView {
  const r = runScenario(scenario);
  return { scenario: r.scenario, trace: r.trace, cursor: cursor ? cursor(r.trace) : r.trace.length };
}
const upTo = (pred: (e: TraceEvent) => boolean) => (trace: readonly TraceEvent[]) => trace.findIndex(pred) + 1;

/** The card of one service, found by its heading. */
const card = (name: string) => screen.getByRole('article', { name });
const table = (name: string) => within(card(name)).getByRole('table');
const rowOf = (name: string, id: string) => within(table(name)).getByRole('row', { name: new RegExp(`^${id}\\b`) });
/** Body rows of a service's table whose text contains `text`. */
const rowsWith = (name: string, text: string) =>
  within(table(name))
    .getAllByRole('row')
    .slice(1)
    .filter((r) => r.textContent?.includes(text));

describe('ServicesBoard', () => {
  it('shows five services in the saga order, each with its own table', () => {
    render(<ServicesBoard run={view({})} />);
    const names = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(names).toEqual(['Inventory', 'Orders', 'Payments', 'Warehouse', 'Delivery']);
    expect(screen.getAllByRole('table')).toHaveLength(5);
    // Three columns fit a third of a wide screen and a phone: the seat's status says how many are available,
    // the id says the row's kind, and with one buyer there is no buyer column.
    expect(within(table('Inventory')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['ID', 'Status', 'Order']);
    expect(within(table('Orders')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['ID', 'Status', 'Amount']);
  });

  it('a warehouse failure ends with a refund row, the order CANCELLED and the hold RELEASED — all marked as compensation', () => {
    render(<ServicesBoard run={view({ failAt: 'warehouse' })} />);
    const [refund] = rowsWith('Payments', 'refund');
    expect(refund).toHaveTextContent('−$40');
    expect(refund).toHaveTextContent('compensation');
    // The charge is still there: undo is a new row, not a deletion.
    expect(rowsWith('Payments', 'charge')).toHaveLength(1);
    expect(rowsWith('Payments', 'charge')[0]).toHaveTextContent('$40');
    expect(rowOf('Orders', 'o-1')).toHaveTextContent('CANCELLED');
    expect(rowOf('Orders', 'o-1')).toHaveTextContent('was PENDING');
    expect(rowOf('Orders', 'o-1')).toHaveTextContent('compensation');
    expect(rowsWith('Inventory', 'hold')[0]).toHaveTextContent('RELEASED');
    expect(rowsWith('Inventory', 'hold')[0]).toHaveTextContent('compensation');
    expect(rowOf('Inventory', 'seat-1A')).toHaveTextContent('1 of 1 available');
    expect(within(table('Warehouse')).getByText('No rows yet')).toBeInTheDocument();
  });

  it('before the compensation, the same run shows the charge and a PENDING order', () => {
    render(<ServicesBoard run={view({ failAt: 'warehouse' }, upTo((e) => e.type === 'step.failed'))} />);
    expect(within(table('Payments')).getAllByRole('row')).toHaveLength(2); // header + the charge
    expect(rowOf('Orders', 'o-1')).toHaveTextContent('PENDING');
    expect(rowOf('Orders', 'o-1')).not.toHaveTextContent('compensation');
  });

  it('without idempotency keys a lost response charges twice, and the ledger warns', () => {
    render(<ServicesBoard run={view({ idempotencyKeys: false, lostResponses: { payment: 1 } })} />);
    const charges = rowsWith('Payments', 'charge');
    expect(charges).toHaveLength(2);
    expect(charges[1]).toHaveTextContent('⚠ second charge for o-1');
    expect(charges[0]).not.toHaveTextContent('second charge');
  });

  it('with idempotency keys the retry is replayed: one charge, no warning', () => {
    render(<ServicesBoard run={view({ lostResponses: { payment: 1 } })} />);
    expect(screen.queryByText(/second charge/)).not.toBeInTheDocument();
    expect(within(table('Payments')).getAllByRole('row')).toHaveLength(2);
  });

  it('says which service is handling a call at the cursor', () => {
    render(<ServicesBoard run={view({}, upTo((e) => e.type === 'step.started' && e.step === 'payment'))} />);
    expect(within(card('Payments')).getByText('handling a call')).toBeInTheDocument();
    expect(within(card('Payments')).getByText(/Handling a call: charge the card/)).toBeInTheDocument();
    expect(within(card('Warehouse')).getByText('idle')).toBeInTheDocument();
  });

  it('with two buyers shows whose row it is, in words', () => {
    render(<ServicesBoard run={view({ buyers: 2, semanticLock: false })} />);
    expect(screen.getByRole('list', { name: 'Buyers' })).toHaveTextContent('Buyer 2 (order o-2)');
    expect(rowOf('Orders', 'o-2')).toHaveTextContent('Buyer 2');
    expect(within(table('Payments')).getAllByRole('columnheader').map((h) => h.textContent)).toContain('Buyer');
    expect(within(table('Inventory')).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['ID', 'Status', 'Buyer', 'Order']);
  });
});

describe('Timeline', () => {
  it('has a lane per service plus the orchestrator, and a text alternative', () => {
    render(<Timeline run={view({})} />);
    expect(screen.getByRole('img', { name: /Timeline from 0 to [\d.]+ s: 7 calls/ })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Timeline events' });
    expect(within(list).getAllByText(/call to Payments, attempt #1/)).toHaveLength(1);
  });

  it('shows a lost response, the timeout and the backoff before attempt #2', () => {
    render(<Timeline run={view({ lostResponses: { payment: 1 } })} />);
    const chart = screen.getByRole('img');
    expect(within(chart).getByText('lost')).toBeInTheDocument();
    expect(within(chart).getByText('backoff 1 s')).toBeInTheDocument();
    expect(within(chart).getByText(/timeout 2 s/)).toBeInTheDocument();
    expect(within(chart).getByText('#2')).toBeInTheDocument();
    expect(within(chart).getByText('↺ replayed')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Timeline events' });
    expect(within(list).getByText(/response lost/)).toBeInTheDocument();
    expect(within(list).getByText(/backoff 1 s before attempt #2 at Payments/)).toBeInTheDocument();
  });

  it('draws only what is revealed', () => {
    render(<Timeline run={view({ lostResponses: { payment: 1 } }, upTo((e) => e.type === 'step.started' && e.step === 'payment'))} />);
    expect(screen.queryByText('lost')).not.toBeInTheDocument();
    expect(screen.getByText(/call to Payments, attempt #1; in flight/)).toBeInTheDocument();
  });

  it('marks compensations with ↩ and the alert when they never succeed', () => {
    render(<Timeline run={view({ failAt: 'delivery', compensationFailures: { payment: 'always' } })} />);
    const chart = screen.getByRole('img');
    expect(within(chart).getAllByText(/^↩#/).length).toBeGreaterThanOrEqual(4);
    expect(within(chart).getByText('⚠ alert')).toBeInTheDocument();
    expect(within(chart).getByText('backoff 2 s')).toBeInTheDocument();
  });

  it('shows the crash and the recovery', () => {
    render(<Timeline run={view({ crash: { step: 'payment', when: 'before-call' } })} />);
    expect(screen.getByText(/Orchestrator crashed — down/)).toBeInTheDocument();
    expect(screen.getByText('↻ recovered from log')).toBeInTheDocument();
    expect(screen.getByText('✕ not sent')).toBeInTheDocument();
  });

  it('in choreography draws events on an event bus lane, and a dropped one vanishes', () => {
    render(<Timeline run={view({ mode: 'choreography', dropEvent: 'payment' })} />);
    // Drawn on two lines ("dropped" under the topic), so that a phone's chart does not cut it off.
    expect(screen.getByText((_, el) => el?.tagName === 'text' && el.textContent === 'PaymentCharged dropped')).toBeInTheDocument();
    expect(screen.getByText(/Payments publishes PaymentCharged; ✕ dropped/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /events published, 1 dropped/ })).toBeInTheDocument();
  });

  it('with two buyers has a legend naming them', () => {
    render(<Timeline run={view({ buyers: 2 })} />);
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(legend).toHaveTextContent('Buyer 1');
    expect(legend).toHaveTextContent('Buyer 2');
  });
});

describe('OrchestratorPanel', () => {
  it('highlights the active state and says the step and attempt', () => {
    render(<OrchestratorPanel run={view({ lostResponses: { payment: 1 } }, upTo((e) => e.type === 'step.retrying'))} />);
    expect(screen.getByText(/Current step: Payment, attempt 2 of 3/)).toBeInTheDocument();
    const current = screen.getAllByRole('listitem').filter((li) => li.getAttribute('aria-current') === 'true');
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveTextContent('backingOff');
    expect(within(screen.getByRole('list', { name: 'executing substates' })).getByText('backingOff')).toBeInTheDocument();
  });

  it('shows the durable saga log, newest at the bottom', () => {
    render(<OrchestratorPanel run={view({ failAt: 'warehouse' })} />);
    const log = screen.getByRole('table', { name: 'Saga log (durable — survives a crash)' });
    const rows = within(log).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('saga.started');
    expect(rows[rows.length - 1]).toHaveTextContent('saga.compensated');
    expect(screen.getByText(/The orchestrator, in its saga log/)).toBeInTheDocument();
  });

  it('shows the orchestrator down after a crash', () => {
    render(<OrchestratorPanel run={view({ crash: { step: 'payment', when: 'after-commit' } }, upTo((e) => e.type === 'orchestrator.crashed'))} />);
    const current = screen.getAllByRole('listitem').filter((li) => li.getAttribute('aria-current') === 'true');
    expect(current[0]).toHaveTextContent('down (crashed)');
  });

  it('in choreography says nobody knows the saga state, and shows no log', () => {
    render(<OrchestratorPanel run={view({ mode: 'choreography', dropEvent: 'payment' })} />);
    expect(screen.getByText(/Nobody — each service only knows its own table\./)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
