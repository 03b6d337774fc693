import { FadeIn } from '../reveal';
import { useEffect, useId, useMemo, useRef } from 'react';
import { type Row, tablesAt } from '../../core';
import type { RunView } from '../runView';
import { type ActiveState, activeStates, describeActive, type OrchestratorStateId } from './activeState';
import { buyerOf, stepLabel } from './labels';
import { BuyerTag } from './BuyerTag';
import './panels.css';

interface ChartState {
  id: OrchestratorStateId;
  name: string;
  tone: 'neutral' | 'ok' | 'comp' | 'fail';
}
interface ChartGroup {
  name: string;
  tone: ChartState['tone'];
  children?: ChartState[];
  state?: ChartState;
}

const s = (id: OrchestratorStateId, name: string, tone: ChartState['tone'] = 'neutral'): ChartState => ({ id, name, tone });

/** The orchestrator machine's states, laid out as its two paths: forward and back. */
const FORWARD: ChartGroup[] = [
  { name: 'starting', tone: 'neutral', state: s('starting', 'starting') },
  {
    name: 'executing',
    tone: 'neutral',
    children: [s('executing.calling', 'calling'), s('executing.attemptFailed', 'attemptFailed', 'fail'), s('executing.backingOff', 'backingOff')],
  },
  { name: 'advancing', tone: 'neutral', state: s('advancing', 'advancing') },
  { name: 'confirming', tone: 'ok', state: s('confirming', 'confirming', 'ok') },
  { name: 'completed', tone: 'ok', state: s('completed', '✓ completed', 'ok') },
];
const BACKWARD: ChartGroup[] = [
  {
    name: '↩ compensating',
    tone: 'comp',
    children: [
      s('compensating.choosing', 'choosing', 'comp'),
      s('compensating.calling', 'calling', 'comp'),
      s('compensating.attemptFailed', 'attemptFailed', 'fail'),
      s('compensating.backingOff', 'backingOff', 'comp'),
    ],
  },
  { name: 'needsAttention', tone: 'fail', state: s('needsAttention', '⚠ needsAttention', 'fail') },
  { name: 'compensated', tone: 'comp', state: s('compensated', '↩ compensated', 'comp') },
];
const DOWN = s('down', '✕ down (crashed)', 'fail');

function StateBox({ state, actives, many }: { state: ChartState; actives: ActiveState[]; many: boolean }) {
  const here = actives.filter((a) => a.state === state.id);
  const active = here.length > 0;
  return (
    <li className={`oc-state tone-${state.tone}${active ? ' is-active' : ''}`} aria-current={active ? 'true' : undefined}>
      <span className="oc-name">{state.name}</span>
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

function Path({ groups, actives, many, label }: { groups: ChartGroup[]; actives: ActiveState[]; many: boolean; label: string }) {
  return (
    <ol className="oc-path" aria-label={label}>
      {groups.map((g) =>
        g.state ? (
          <StateBox key={g.name} state={g.state} actives={actives} many={many} />
        ) : (
          <li key={g.name}>
            <div className={`oc-group tone-${g.tone}${actives.some((a) => a.state.startsWith(`${g.name.replace('↩ ', '')}.`)) ? ' has-active' : ''}`}>
              <span className="oc-group-name">{g.name}</span>
              <ol className="oc-sub" aria-label={`${g.name.replace('↩ ', '')} substates`}>
                {g.children?.map((c) => (
                  <StateBox key={c.id} state={c} actives={actives} many={many} />
                ))}
              </ol>
            </div>
          </li>
        ),
      )}
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
  const wrap = useRef<HTMLElement>(null);
  const id = useId();
  // Newest at the bottom: keep it in view inside the scrolling box.
  // In the next frame, where layout is due anyway (reading scrollHeight after a commit forces it early).
  useEffect(() => {
    if (rows.length === 0) return;
    const frame = requestAnimationFrame(() => {
      const el = wrap.current;
      if (el) el.scrollTop = el.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [rows.length]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls; keyboard users must be able to scroll it
    <section className="oc-log-wrap" ref={wrap} aria-labelledby={`${id}-cap`} tabIndex={0}>
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
  const actives = useMemo(() => activeStates(run.trace, run.cursor, run.scenario), [run.trace, run.cursor, run.scenario]);
  const log = useMemo(() => tablesAt(run.trace, run.cursor).sagaLog.rows, [run.trace, run.cursor]);
  const many = actives.length > 1;
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
        <figcaption>Statechart — the active state is highlighted</figcaption>
        <Path groups={FORWARD} actives={actives} many={many} label="Forward path" />
        <Path groups={BACKWARD} actives={actives} many={many} label="Compensation path" />
        <ol className="oc-path oc-extra" aria-label="Outside the machine">
          <StateBox state={DOWN} actives={actives} many={many} />
        </ol>
      </figure>
      <SagaLog rows={log} many={many} fresh={fresh} />
    </section>
  );
}
