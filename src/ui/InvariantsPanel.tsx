import { useMemo } from 'react';
import { checkInvariants, invariantsFor, type Outcome, resolveDefinition, type Violation, tablesAt } from '../core';
import { type RunView, revealed } from './runView';

const TERMINAL = new Set(['saga.completed', 'saga.compensated', 'saga.needs-attention', 'saga.stuck']);

/** Each saga's latest revealed outcome (an operator may turn needs-attention into compensated later). */
export function revealedOutcomes(run: RunView): { saga: string; outcome: Outcome }[] {
  const latest = new Map<string, Outcome>();
  for (const e of revealed(run)) {
    if (TERMINAL.has(e.type)) latest.set(e.saga, e.type.slice('saga.'.length) as Outcome);
    // Without a saga nothing moves after the failure: the simulator reports it stuck.
    if (e.type === 'saga.abandoned') latest.set(e.saga, 'stuck');
  }
  return [...latest].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([saga, outcome]) => ({ saga, outcome }));
}

/** The invariants broken at the cursor; the end-of-run ones only when `settled`. */
export function violationsAt(run: RunView, settled: boolean, db = tablesAt(run.trace, run.cursor)): Violation[] {
  const sagas = revealedOutcomes(run).map((o) => ({ id: o.saga, orderId: `o-${o.saga.slice(2)}`, outcome: o.outcome }));
  return checkInvariants(db, settled, { definition: resolveDefinition(run.scenario.definition), sagas, trace: revealed(run) });
}

const OUTCOME_ICON: Record<Outcome, { icon: string; tone: string }> = {
  completed: { icon: '✓', tone: 'ok' },
  compensated: { icon: '↩', tone: 'comp' },
  'needs-attention': { icon: '⚠', tone: 'alert' },
  stuck: { icon: '‖', tone: 'fail' },
};

interface Props {
  run: RunView;
  /** Nothing more will happen: the whole trace is revealed and the simulation is idle. */
  settled: boolean;
}

/** The consistency oracle at the cursor: every invariant, holding or violated, in words. */
export function InvariantsPanel({ run, settled }: Props) {
  const violations = useMemo(() => violationsAt(run, settled), [run, settled]);
  const outcomes = revealedOutcomes(run);
  const several = outcomes.length > 1;

  return (
    <section className="panel invariants" aria-labelledby="invariants-title">
      <h2 id="invariants-title">Invariants</h2>
      {outcomes.map(({ saga, outcome }) => (
        <p key={saga} className={`outcome tone-${OUTCOME_ICON[outcome].tone}`}>
          <span aria-hidden="true">{OUTCOME_ICON[outcome].icon}</span> Outcome{several ? ` (buyer ${saga.slice(2)})` : ''}: {outcome}
        </p>
      ))}
      <ul className="invariant-list">
        {invariantsFor(resolveDefinition(run.scenario.definition)).map((inv) => {
          const mine = violations.filter((v) => v.invariant === inv.id);
          const pending = inv.onlyWhenSettled && !settled;
          const status = mine.length > 0 ? 'violated' : pending ? 'checked at the end' : 'holds';
          const tone = mine.length > 0 ? 'fail' : pending ? 'neutral' : 'ok';
          const icon = mine.length > 0 ? '✗' : pending ? '○' : '✓';
          return (
            <li key={inv.id} className={`invariant tone-${tone}`}>
              <span className="invariant-icon" aria-hidden="true">
                {icon}
              </span>
              <span className="invariant-body">
                <code>{inv.id}</code> <strong className="invariant-status">{status}</strong>
                <span className="invariant-promise">{inv.promise}</span>
                {mine.map((v) => (
                  <span key={v.message} className="invariant-message">
                    {v.message}
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
