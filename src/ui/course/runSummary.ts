import { type Outcome, type TraceEvent, tablesAt } from '../../core';
import { revealedOutcomes } from '../InvariantsPanel';
import { activeState, describeActive } from '../panels/activeState';
import { money, stepsOf } from '../panels/labels';
import { serviceActivity } from '../panels/serviceActivity';
import { seatAt } from '../race/raceModel';
import { type RunView, revealed } from '../runView';

/**
 * The run on screen in two lines, at the playback position: where each saga stands (its step and
 * what that step's service is doing, or its outcome) and the row that matters (the card's ledger,
 * or with several buyers the seat). A phone shows it next to the lesson text, far from the tables.
 * Every word comes from the revealed trace and the tables at the cursor, never from narration.
 */
export interface RunSummary {
  /** One line per saga: "Step 4 of 5 · Warehouse: ✗ Failed: …", "Buyer 2: ✓ Completed". */
  sagas: string[];
  /** "Card: 1 charge, 1 refund · nets $0", "Seat 1A: SOLD (to buyer 1 and buyer 2)"; absent for a saga with neither table. */
  key?: string;
}

const OUTCOME: Record<Outcome, string> = {
  completed: '✓ Completed',
  compensated: '↩ Compensated',
  'needs-attention': '⚠ Needs attention',
  stuck: '‖ Stuck',
};

/** Where the saga turned: the step whose failure it compensated or (without a saga) left as it was. */
function turningPoint(events: readonly TraceEvent[]): string | undefined {
  const turn = events.find((e) => e.type === 'saga.compensating' || e.type === 'saga.abandoned');
  return typeof turn?.failedStep === 'string' ? turn.failedStep : undefined;
}

/** "2 charges", "1 refund". */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One saga's line at the cursor. */
function sagaLine(run: RunView, saga: string, outcome: Outcome | undefined, prefix: string): string {
  const steps = stepsOf(run.scenario);
  const mine = revealed(run).filter((e) => e.saga === saga);
  const place = (stepId: string) => {
    const i = steps.findIndex((s) => s.id === stepId);
    return `step ${i + 1} of ${steps.length} (${steps[i]?.service ?? stepId})`;
  };
  const turn = turningPoint(mine);
  if (outcome) {
    if (outcome === 'completed') return `${prefix}${OUTCOME.completed}: all ${steps.length} steps done`;
    return `${prefix}${OUTCOME[outcome]}${turn ? ` after a failure at ${place(turn)}` : ''}`;
  }
  const active = activeState(run.trace, run.cursor, saga);
  const focus = active.focus;
  // No step yet, or none since a restart: what the saga is doing ("Not started yet", "Starting: reading where the saga stands").
  if (!focus) return `${prefix}${describeActive(active, run.scenario.mode)}`;
  const step = steps.find((s) => s.id === focus.step);
  const doing = step ? serviceActivity(mine, step, { buyers: 1, choreography: run.scenario.mode === 'choreography' }) : undefined;
  const phase = focus.type.split('.')[0];
  const where = phase === 'compensation' ? `Undoing ${place(focus.step)}` : phase === 'confirmation' ? `Confirming ${place(focus.step)}` : `${place(focus.step)}`;
  const line = `${where.charAt(0).toUpperCase()}${where.slice(1)}`;
  return `${prefix}${line}${doing ? `: ${doing.icon} ${doing.text}` : ''}`;
}

/** The first order's card at the cursor: "1 charge, 1 refund · nets $0", "not charged"; undefined for a saga without payments. */
function card(run: RunView): string | undefined {
  const payments = tablesAt(run.trace, run.cursor).payments;
  if (!payments) return undefined;
  const rows = payments.rows.filter((r) => r.orderId === 'o-1');
  if (rows.length === 0) return 'not charged';
  const charges = rows.filter((r) => r.kind === 'charge');
  const refunds = rows.filter((r) => r.kind === 'refund');
  const net = rows.reduce((sum, r) => sum + (r.kind === 'refund' ? -1 : 1) * Number(r.amount ?? 0), 0);
  const parts = [count(charges.length, 'charge'), ...(refunds.length ? [count(refunds.length, 'refund')] : [])];
  return `${parts.join(', ')} · nets ${money(Math.abs(net), net < 0)}`;
}

/** The card's ledger for the first order at the cursor, or the seat when several buyers race for it. */
function keyRow(run: RunView): string | undefined {
  if ((run.scenario.buyers ?? 1) > 1) {
    const seat = seatAt(run);
    return seat ? `${seat.name}: ${seat.status}` : undefined;
  }
  const words = card(run);
  return words && `Card: ${words}`;
}

/** The summary of the run on screen at its cursor. */
export function runSummary(run: RunView): RunSummary {
  const buyers = Math.max(1, run.scenario.buyers ?? 1);
  const outcomes = new Map(revealedOutcomes(run).map((o) => [o.saga, o.outcome]));
  const sagas = Array.from({ length: buyers }, (_, i) => `s-${i + 1}`);
  return {
    sagas: sagas.map((saga, i) => sagaLine(run, saga, outcomes.get(saga), buyers > 1 ? `Buyer ${i + 1}: ` : '')),
    key: keyRow(run),
  };
}

/** Side by side: one line per side, each at its own cursor (the shared clock), and the card on each side. */
export function compareSummary(choreography: RunView, orchestration: RunView): RunSummary {
  const line = (run: RunView, name: string) => runSummary(run).sagas.map((l) => `${name}: ${l}`);
  const [c, o] = [card(choreography), card(orchestration)];
  return {
    sagas: [...line(choreography, 'Choreography'), ...line(orchestration, 'Orchestration')],
    key: c === undefined || o === undefined ? undefined : c === o ? `Card on both sides: ${c}` : `Card: ${c} (choreography), ${o} (orchestration)`,
  };
}
