import { FadeIn } from '../reveal';
import { useId, useMemo } from 'react';
import { type Row, tablesAt } from '../../core';
import type { RunView } from '../runView';
import { type ActiveState, activeStates, describeActive } from './activeState';
import { type ChartNode, machineChart } from './machineChart';
import { buyerOf, stepLabel } from './labels';
import { BuyerTag } from './BuyerTag';
import { useNewestInView } from './useNewestInView';
import './panels.css';
import './orchestrator.css';

type Tone = 'neutral' | 'ok' | 'comp' | 'fail';

/**
 * How the panel lays out and colours the machine's top-level states: which path each is on and
 * its tone. Only presentation: the states themselves come from the machine (`machineChart`),
 * and a state missing here is still drawn, on the operator row, in the neutral tone.
 */
const LAYOUT: Record<string, { row: 'forward' | 'back' | 'operator'; tone: Tone; icon?: string }> = {
  starting: { row: 'forward', tone: 'neutral' },
  executing: { row: 'forward', tone: 'neutral' },
  advancing: { row: 'forward', tone: 'neutral' },
  confirming: { row: 'forward', tone: 'ok' },
  completed: { row: 'forward', tone: 'ok', icon: '✓' },
  failing: { row: 'back', tone: 'comp' },
  compensating: { row: 'back', tone: 'comp', icon: '↩' },
  compensated: { row: 'back', tone: 'comp', icon: '↩' },
  needsAttention: { row: 'operator', tone: 'fail', icon: '⚠' },
  pivotUnknown: { row: 'operator', tone: 'fail', icon: '⚠' },
  abandoned: { row: 'operator', tone: 'fail', icon: '✕' },
};
/** A path's states follow one another (drawn with arrows); a set's states are alternatives. */
const ROWS = [
  { row: 'forward', label: 'Forward path', set: false },
  { row: 'back', label: 'Compensation path', set: false },
  { row: 'operator', label: 'Stopped for an operator or left as it is', set: true },
] as const;

/** The kernel's facts about the orchestrator that are not states of its machine. */
const OUTSIDE: ChartNode[] = [
  { path: 'down', key: '✕ down (crashed)', final: false, transient: false, children: [] },
  { path: 'stuck', key: '✕ stuck (nobody drives it)', final: false, transient: false, children: [] },
];

const toneOf = (node: ChartNode, parentTone: Tone): Tone => (node.key === 'attemptFailed' || node.path === 'down' || node.path === 'stuck' ? 'fail' : (LAYOUT[node.path]?.tone ?? parentTone));

function StateBox({ node, tone, actives, many }: { node: ChartNode; tone: Tone; actives: ActiveState[]; many: boolean }) {
  const here = actives.filter((a) => a.state === node.path);
  const active = here.length > 0;
  const icon = LAYOUT[node.path]?.icon;
  return (
    <li className={`oc-state tone-${tone}${active ? ' is-active' : ''}${node.transient ? ' is-transient' : ''}`} aria-current={active ? 'true' : undefined}>
      <span className="oc-name">
        {icon && <span aria-hidden="true">{icon} </span>}
        {node.key}
        {node.transient && <span className="visually-hidden"> (passed through)</span>}
      </span>
      {active && (
        <span className="oc-here">
          ● active
          {many && (
            <>
              {' '}
              for{' '}
              {here.map((a) => (
                <BuyerTag key={a.saga} buyer={buyerOf(a.saga)} />
              ))}
            </>
          )}
        </span>
      )}
    </li>
  );
}

function Path({ nodes, actives, many, label, set = false }: { nodes: ChartNode[]; actives: ActiveState[]; many: boolean; label: string; set?: boolean }) {
  return (
    <ol className={`oc-path${set ? ' oc-set' : ''}`} aria-label={label}>
      {nodes.map((g) => {
        const tone = toneOf(g, 'neutral');
        if (g.children.length === 0) return <StateBox key={g.path} node={g} tone={tone} actives={actives} many={many} />;
        const icon = LAYOUT[g.path]?.icon;
        return (
          <li key={g.path}>
            <div className={`oc-group tone-${tone}${actives.some((a) => a.state.startsWith(`${g.path}.`)) ? ' has-active' : ''}`}>
              <span className="oc-group-name">
                {icon && <span aria-hidden="true">{icon} </span>}
                {g.key}
              </span>
              <ol className="oc-sub" aria-label={`${g.key} substates`}>
                {g.children.map((c) => (
                  <StateBox key={c.path} node={c} tone={toneOf(c, tone)} actives={actives} many={many} />
                ))}
              </ol>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

const entryIcon = (entry: string) =>
  entry.startsWith('compensation.') || entry === 'saga.compensating' || entry === 'saga.compensated'
    ? { icon: '↩', tone: 'comp' }
    : entry.endsWith('.failed') || entry === 'alert.raised' || entry === 'saga.needs-attention'
      ? { icon: '✗', tone: 'fail' }
      : entry.endsWith('.succeeded') || entry === 'saga.completed'
        ? { icon: '✓', tone: 'ok' }
        : { icon: '•', tone: 'neutral' };

function SagaLog({ rows, many, fresh }: { rows: Row[]; many: boolean; fresh: Set<string> }) {
  // Newest at the bottom: keep it in view inside the scrolling box.
  const wrap = useNewestInView<HTMLElement>(rows.length);
  const id = useId();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls; keyboard users must be able to scroll it
    <section className="oc-log-wrap newest-last" ref={wrap} aria-labelledby={`${id}-cap`} tabIndex={0}>
      <table className="sp-table oc-log">
        <caption id={`${id}-cap`}>Saga log (durable — survives a crash)</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            {many && <th scope="col">Buyer</th>}
            <th scope="col">Entry</th>
            <th scope="col">Step</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td className="sp-empty" colSpan={many ? 4 : 3}>
                Nothing written yet
              </td>
            </tr>
          )}
          {rows.map((row) => {
            const entry = String(row.entry);
            const { icon, tone } = entryIcon(entry);
            const step = row.step ?? row.failedStep;
            return (
              <FadeIn as="tr" key={row.id} className={`${tone === 'comp' ? 'is-comp' : ''}${fresh.has(row.id) ? ' is-fresh' : ''}` || undefined} from="above">
                <th scope="row">{row.id}</th>
                {many && (
                  <td>
                    <BuyerTag buyer={buyerOf(String(row.saga))} />
                  </td>
                )}
                <td className={`tone-${tone}`}>
                  <span aria-hidden="true">{icon} </span>
                  <code>{entry}</code>
                </td>
                <td>{step ? `${stepLabel(String(step))}${row.failedStep ? ' (failed)' : ''}` : '—'}</td>
              </FadeIn>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The orchestrator: its statechart with the state it is in at the cursor, the step and attempt
 * it is on, and its durable saga log. In choreography there is no orchestrator, and it says so.
 */
export function OrchestratorPanel({ run }: { run: RunView }) {
  const titleId = useId();
  const choreography = run.scenario.mode === 'choreography';
  const actives = useMemo(() => activeStates(run.trace, run.cursor), [run.trace, run.cursor]);
  const log = useMemo(() => tablesAt(run.trace, run.cursor).sagaLog.rows, [run.trace, run.cursor]);
  const many = actives.length > 1;
  const chart = useMemo(() => machineChart(run.scenario), [run.scenario]);
  const prev = useMemo(() => new Set(tablesAt(run.trace, Math.max(0, run.cursor - 1)).sagaLog.rows.map((r) => r.id)), [run.trace, run.cursor]);
  const fresh = new Set(log.filter((r) => !prev.has(r.id)).map((r) => r.id));

  if (choreography) {
    return (
      <section className="panel orchestrator" aria-labelledby={titleId}>
        <h2 id={titleId}>Orchestrator</h2>
        <p className="oc-who oc-who-nobody">
          <strong>Who knows the saga's state?</strong> Nobody — each service only knows its own table.
        </p>
        <p className="sp-note">Choreography has no orchestrator and no saga log: each service reacts to events on the bus and publishes its own.</p>
      </section>
    );
  }
  return (
    <section className="panel orchestrator" aria-labelledby={titleId}>
      <h2 id={titleId}>Orchestrator</h2>
      <p className="oc-who">
        <strong>Who knows the saga's state?</strong> The orchestrator, in its saga log.
      </p>
      <ul className="oc-current" aria-label="Where the orchestrator is">
        {actives.map((a) => (
          <li key={a.saga} className={a.state === 'down' ? 'tone-fail' : undefined}>
            {many && (
              <>
                <BuyerTag buyer={buyerOf(a.saga)} long />{' '}
              </>
            )}
            {describeActive(a)} <span className="oc-state-id">(state: {a.state === 'down' ? 'down (crashed)' : a.state})</span>
          </li>
        ))}
      </ul>
      <figure className="oc-chart">
        <figcaption>Statechart of the orchestrator machine — the active state is highlighted; dashed states are passed through, never rested in</figcaption>
        {ROWS.map(({ row, label, set }) => (
          <Path key={row} nodes={chart.filter((n) => (LAYOUT[n.path]?.row ?? 'operator') === row)} actives={actives} many={many} label={label} set={set} />
        ))}
        <Path nodes={OUTSIDE} actives={actives} many={many} label="Outside the machine" set />
      </figure>
      <SagaLog rows={log} many={many} fresh={fresh} />
    </section>
  );
}
