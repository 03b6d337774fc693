import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type Databases, tablesAt } from '../../core';
import { ErrorBoundary } from '../ErrorBoundary';
import { sentences, toneOf } from '../Narration';
import { formatVirtualTime } from '../panels/labels';
import { ServicesBoard } from '../panels/ServicesBoard';
import { Timeline } from '../panels/Timeline';
import type { RunView } from '../runView';
import { CrashBanner } from './CrashBanner';
import { DroppedEvent } from './DroppedEvent';
import { type Side, sideName } from './lockstep';
import { crashStatus, knowledgeAt, OUTCOME_WORDS, revealedOutcome, violationsAt } from './sideStatus';
import { WhoKnows } from './WhoKnows';

/** How each side is titled: who drives the saga. */
export const SIDE_TITLES: Record<Side, string> = {
  choreography: 'Choreography — services react to events',
  orchestration: 'Orchestration — one orchestrator calls each service',
};

/** Outcome once revealed, and the invariants broken so far (plain words, naming what is left). */
function Verdict({ run, db }: { run: RunView; db: Databases }) {
  const outcome = revealedOutcome(run);
  const violations = useMemo(() => violationsAt(run, db), [run, db]);
  const ended = run.cursor >= run.trace.length;
  const words = outcome ? OUTCOME_WORDS[outcome] : undefined;
  return (
    <div className="cmp-verdict">
      {words ? (
        <p className={`outcome tone-${words.tone}`}>
          <span aria-hidden="true">{words.icon} </span>Outcome: {outcome}. <span className="cmp-outcome-text">{words.text}</span>
        </p>
      ) : (
        <p className="cmp-pending">
          <span aria-hidden="true">… </span>Running — the outcome shows when this side ends.
        </p>
      )}
      {violations.length > 0 ? (
        <ul className="cmp-violations" aria-label="Invariants broken">
          {violations.map((v) => (
            <li key={`${v.invariant}:${v.message}`} className="tone-fail">
              <span aria-hidden="true">✗ </span>
              <code>{v.invariant}</code> {v.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="cmp-holds tone-ok">
          <span aria-hidden="true">✓ </span>
          {ended ? 'Every invariant holds.' : 'No invariant broken so far.'}
        </p>
      )}
    </div>
  );
}

/** The revealed sentences of one side, newest last and highlighted (no live region: the view has one). */
function SideNarration({ run, label }: { run: RunView; label: string }) {
  const lines = useMemo(() => sentences(run), [run]);
  const listRef = useRef<HTMLOListElement>(null);
  const titleId = useId();
  const latest = lines[lines.length - 1];
  useEffect(() => {
    const list = listRef.current;
    if (list && latest) list.scrollTop = list.scrollHeight;
  }, [latest]);
  return (
    <section className="cmp-narration" aria-labelledby={titleId}>
      <h3 id={titleId}>What happened</h3>
      {lines.length === 0 ? (
        <p className="empty">Nothing yet.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls; keyboard users must be able to scroll it
        <ol ref={listRef} className="narration-list" tabIndex={0} aria-label={`${label} story so far, newest last`}>
          {lines.map((line) => {
            const { tone, icon } = toneOf(line.type);
            const current = line === latest;
            return (
              <li key={line.seq} className={`sentence tone-${tone}${current ? ' current' : ''}`} aria-current={current ? 'step' : undefined}>
                <span className="sentence-icon" aria-hidden="true">
                  {icon}
                </span>
                <span className="sentence-time">{formatVirtualTime(line.at)}</span>
                <span className="sentence-text">{line.text}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

interface Props {
  side: Side;
  run: RunView;
  /** Changes with the scenario: clears a caught error for the new run. */
  runKey: string;
  /** The learner set a crash (only the orchestration side's scenario carries it). */
  crashRequested: boolean;
  /** The shared clock (virtual ms) and when the longer side ends: both timelines keep one time. */
  clock: number;
  until: number;
}

/** Every service's table, rendered only while open (two full boards would slow every step). */
function Tables({ run, label, runKey }: { run: RunView; label: string; runKey: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="more cmp-tables" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Every service's table</summary>
      {open && (
        <ErrorBoundary label={`the ${label} services board`} resetKey={runKey}>
          <ServicesBoard run={run} />
        </ErrorBoundary>
      )}
    </details>
  );
}

/**
 * One column of the comparison: outcome, who knows the state, crash, timeline, narration, tables.
 * Memoised on its run and the shared clock.
 */
export const CompareSide = memo(function CompareSide({ side, run, runKey, crashRequested, clock, until }: Props) {
  const titleId = useId();
  const db = useMemo(() => tablesAt(run.trace, run.cursor), [run.trace, run.cursor]);
  const crash = useMemo(() => crashStatus(run), [run]);
  const knowledge = useMemo(() => knowledgeAt(run, db), [run, db]);
  return (
    <section className={`cmp-side cmp-${side}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="cmp-side-title">
        {SIDE_TITLES[side]}
      </h2>
      <Verdict run={run} db={db} />
      {side === 'choreography' && crashRequested && (
        <p className="cmp-note">
          <span aria-hidden="true">○ </span>No orchestrator to crash here: the crash applies to the orchestration side only.
        </p>
      )}
      {side === 'choreography' && <DroppedEvent run={run} />}
      {crash && <CrashBanner status={crash} keys={run.scenario.idempotencyKeys} />}
      <WhoKnows side={side} knowledge={knowledge} log={db.sagaLog.rows} survived={crash?.state === 'down' || crash?.state === 'recovered'} />
      <ErrorBoundary label={`the ${side} timeline`} resetKey={runKey}>
        <Timeline run={run} clock={clock} until={until} />
      </ErrorBoundary>
      <SideNarration run={run} label={sideName(side)} />
      <Tables run={run} label={side} runKey={runKey} />
    </section>
  );
});
