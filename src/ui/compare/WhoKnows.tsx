import { useId } from 'react';
import type { Row } from '../../core';
import { stepLabel } from '../panels/labels';
import { useNewestInView } from '../panels/useNewestInView';
import type { Side } from './lockstep';
import type { ServiceKnowledge } from './sideStatus';

interface Props {
  side: Side;
  /** Choreography: each service's own rows about the order. */
  knowledge: ServiceKnowledge[];
  /** Orchestration: the saga log so far. */
  log: Row[];
  /** The orchestrator crashed (or is down): the log is what survived. */
  survived: boolean;
}

/** The saga log, newest row kept in view; marked when it is what survived a crash. */
function LogTable({ rows, survived }: { rows: Row[]; survived: boolean }) {
  const id = useId();
  const wrap = useNewestInView<HTMLElement>(rows.length);
  return (
    <div className={`cmp-log${survived ? ' is-survivor' : ''}`}>
      {/* The title stays outside the scrolling box, so "survived the crash" is always in view. */}
      <p className="cmp-log-title" id={`${id}-cap`}>
        Saga log ({rows.length} {rows.length === 1 ? 'row' : 'rows'})
        {survived && (
          <strong className="cmp-survived">
            {' '}
            <span aria-hidden="true">✓ </span>survived the crash
          </strong>
        )}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls; keyboard users must be able to scroll it */}
      <section ref={wrap} className="cmp-log-scroll newest-last" aria-labelledby={`${id}-cap`} tabIndex={0}>
        <table className="sp-table" aria-labelledby={`${id}-cap`}>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Entry</th>
              <th scope="col">Step</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td className="sp-empty" colSpan={3}>
                  Nothing written yet
                </td>
              </tr>
            )}
            {rows.map((row, i) => {
              const step = row.step ?? row.failedStep;
              return (
                <tr key={row.id} className={String(row.entry).startsWith('compensation.') ? 'is-comp' : undefined}>
                  <th scope="row">{i + 1}</th>
                  <td>
                    <code>{String(row.entry)}</code>
                  </td>
                  <td>{step ? stepLabel(String(step)) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** "Who knows the saga's state?" — nobody in a choreography; the orchestrator's durable log otherwise. */
export function WhoKnows({ side, knowledge, log, survived }: Props) {
  const titleId = useId();
  if (side === 'choreography') {
    return (
      <section className="cmp-who cmp-who-nobody" aria-labelledby={titleId}>
        <h3 id={titleId}>Who knows the saga's state?</h3>
        <p className="cmp-who-answer">
          <span aria-hidden="true">∅ </span>Nobody. Each service knows only its own table.
        </p>
        <ul className="cmp-knowledge">
          {knowledge.map((k) => (
            <li key={k.step}>
              <strong>{k.service}</strong> knows: {k.knows}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section className="cmp-who" aria-labelledby={titleId}>
      <h3 id={titleId}>Who knows the saga's state?</h3>
      <p className="cmp-who-answer">
        <span aria-hidden="true">● </span>The orchestrator, in its durable saga log.
      </p>
      <LogTable rows={log} survived={survived} />
    </section>
  );
}
