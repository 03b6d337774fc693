import { type Databases, type Outcome, type Row, type StepId, type TraceEvent, tablesAt, type Violation } from '../../core';
import { violationsAt as panelViolations, revealedOutcomes } from '../InvariantsPanel';
import { money, stepLabel, stepsOf } from '../panels/labels';
import { type RunView, revealed } from '../runView';

/** What an outcome means, in words (always shown with its icon, never colour alone). */
export const OUTCOME_WORDS: Record<Outcome, { icon: string; tone: string; text: string }> = {
  completed: { icon: '✓', tone: 'ok', text: 'Completed — the order is CONFIRMED and the seat SOLD.' },
  compensated: { icon: '↩', tone: 'comp', text: 'Compensated — every completed step was undone by a new action.' },
  'needs-attention': { icon: '⚠', tone: 'alert', text: 'Needs attention — an alert is open for an operator.' },
  stuck: { icon: '‖', tone: 'fail', text: 'Stuck — nothing is in flight and nobody noticed.' },
};

/** The first saga's outcome, once its terminal event is revealed. */
export function revealedOutcome(run: RunView): Outcome | undefined {
  return revealedOutcomes(run)[0]?.outcome;
}

/** The invariants broken at the cursor (`db`: the tables there); the end-of-run ones only once the whole trace is revealed. */
export function violationsAt(run: RunView, db: Databases = tablesAt(run.trace, run.cursor)): Violation[] {
  return panelViolations(run, run.cursor >= run.trace.length, db);
}

/** The orchestrator's crash and recovery as far as they are revealed. */
export type CrashStatus =
  | { state: 'down'; step: StepId; when: string; restartInMs: number; survivingRows: number }
  | { state: 'recovered'; step: StepId; logRows: number; resumesAt: string }
  | { state: 'not-reached' };

/** Where the restarted orchestrator picks up: the next call it makes after reading its log. */
function resumesAt(trace: readonly TraceEvent[], recovered: TraceEvent): string {
  const next = trace.find((e) => e.seq > recovered.seq && e.saga === recovered.saga && e.type.endsWith('.started'));
  if (!next?.step) return 'nothing left to do';
  if (next.type === 'compensation.started') return `${stepLabel(next.step)} (compensating)`;
  if (next.type === 'confirmation.started') return `${stepLabel(next.step)} (confirming)`;
  return stepLabel(next.step);
}

/** Crash, then recovery, read off the revealed trace; `not-reached` when the run ended without reaching the crash point. */
export function crashStatus(run: RunView): CrashStatus | undefined {
  const shown = revealed(run);
  const crashed = [...shown].reverse().find((e) => e.type === 'orchestrator.crashed');
  if (!crashed) {
    const ended = run.cursor >= run.trace.length;
    return ended && run.scenario.crash && run.scenario.mode === 'orchestration' ? { state: 'not-reached' } : undefined;
  }
  const step = crashed.step as StepId;
  const recovered = shown.find((e) => e.seq > crashed.seq && e.type === 'orchestrator.recovered');
  if (recovered) return { state: 'recovered', step, logRows: Number(recovered.logRows), resumesAt: resumesAt(run.trace, recovered) };
  const survivingRows = tablesAt(run.trace, crashed.seq + 1).sagaLog.rows.length;
  return { state: 'down', step, when: String(crashed.when), restartInMs: Number(crashed.restartInMs), survivingRows };
}

/** What one service knows about the order: only the rows of its own table. */
export interface ServiceKnowledge {
  step: StepId;
  service: string;
  knows: string;
}

function describeRow(row: Row): string {
  if (row.kind === 'charge') return `charge ${money(row.amount)}`;
  if (row.kind === 'refund') return `refund ${money(row.amount, true)}`;
  const what = typeof row.kind === 'string' ? row.kind : row.id;
  return row.status === undefined ? what : `${what} ${String(row.status)}`;
}

/** Each service's own view of the saga at the cursor: nobody has the whole picture. */
export function knowledgeAt(run: RunView, db: Databases = tablesAt(run.trace, run.cursor)): ServiceKnowledge[] {
  return stepsOf(run.scenario).map((step) => {
    const rows = (db[step.table]?.rows ?? []).filter((r) => r.kind !== 'item');
    return { step: step.id, service: step.service, knows: rows.length === 0 ? 'nothing yet' : rows.map(describeRow).join(', ') };
  });
}
