import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { diffSpans, durationMs, type SagaSpan, spansOfRun } from '../../core/trace-export';
import { secs } from '../panels/labels';
import { type RunView, timeAt } from '../runView';
import { WaterfallDetails } from './WaterfallDetails';
import { describeRow, kindTag, longestCall, markWords, signedSecs, type WaterfallRow, waterfallRows } from './waterfallModel';
import './waterfall.css';

/** The baseline run's spans and what it is, in words. */
export interface BaselineSpans {
  spans: SagaSpan[];
  words: string;
}

const pct = (ms: number, total: number) => `${((ms / total) * 100).toFixed(3)}%`;

function rowClass(row: WaterfallRow): string {
  const s = row.span;
  return [
    'wf-item',
    `kind-${s.kind}`,
    s.status === 'error' ? 'is-error' : '',
    s.compensation ? 'is-comp' : '',
    s.open ? 'is-open' : '',
    row.change && row.change !== 'same' ? `chg-${row.change}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** What the bar's label adds to the duration: the change against the baseline, else the error's reason, else the first mark. */
function barNote(row: WaterfallRow): string {
  const s = row.span;
  if (row.change === 'slower' || row.change === 'faster') return ` · ${signedSecs(row.deltaMs ?? 0)}`;
  if (row.change === 'extra' || row.change === 'missing') return ` · ${row.change}`;
  if (s.status === 'error' && s.statusMessage && s.kind !== 'internal') return ` · ${s.statusMessage}`;
  const marks = markWords(s);
  return marks.length > 0 ? ` · ${marks[0]}` : '';
}

/** Characters that fit in the room kept right of the track (9rem of 0.75rem type). */
const ROOM_RIGHT = 22;

/**
 * The bar's duration and note, after the bar; a long note of a bar in the track's right half goes
 * before the bar instead, where the track is empty ("✕ 0.12 s · the warehouse cannot pick order o-1"
 * ran past the panel's edge).
 */
function labelBeside(row: WaterfallRow, total: number) {
  const s = row.span;
  const text = `${s.status === 'error' ? '✕ ' : ''}${secs(durationMs(s))}${barNote(row)}`;
  const before = text.length > ROOM_RIGHT && s.startMs / total > 0.5;
  const style = before ? { right: `calc(100% - ${pct(s.startMs, total)})` } : { left: pct(s.endMs, total) };
  return (
    <span className={before ? 'wf-bar-label is-before' : 'wf-bar-label'} style={style}>
      {text}
    </span>
  );
}

/** The one-line summary a learner reads first: errors, compensations, the longest call. */
function summary(spans: readonly SagaSpan[]): string {
  const errors = spans.filter((s) => s.status === 'error' && s.kind !== 'internal').length;
  const comps = spans.filter((s) => s.compensation && (s.kind === 'client' || s.kind === 'consumer')).length;
  const longest = longestCall(spans);
  return [
    `${spans.length} spans`,
    `${errors} with errors`,
    `${comps} compensation ${comps === 1 ? 'call' : 'calls'}`,
    longest ? `longest call: ${longest.name} (${secs(durationMs(longest))})` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The run as an APM's trace waterfall: one row per span in tree order, bars on a shared time
 * axis, synced with the playback cursor (spans still in flight are drawn open to "now"). With a
 * baseline, each finished span is marked extra, slower or faster, and once the run has played to
 * its end the baseline's spans the run never had are listed as missing. Keyboard: the list is one
 * tab stop; arrow keys, Home and End move between spans; each span reads as one sentence.
 */
export function WaterfallPanel({ run, baseline }: { run: RunView; baseline?: BaselineSpans }) {
  const id = useId();
  const spans = useMemo(() => spansOfRun(run, run.cursor), [run]);
  const { scenario, trace } = run;
  // The time axis spans the whole run, so bars keep their place while playback reveals them.
  const whole = useMemo(() => spansOfRun({ scenario, trace }), [scenario, trace]);
  const atEnd = run.cursor >= run.trace.length;
  const diff = useMemo(() => (baseline ? diffSpans(spans, baseline.spans) : undefined), [spans, baseline]);
  const rows = useMemo(() => waterfallRows(spans, diff, atEnd), [spans, diff, atEnd]);
  const total = Math.max(1, ...whole.map((s) => s.endMs), ...(baseline?.spans.map((s) => s.endMs) ?? []));
  const now = timeAt(run);
  // Focus drives the keyboard (roving tab stop); hovering only previews a span's details.
  const [selected, setSelected] = useState(0);
  const [hovered, setHovered] = useState<number | undefined>(undefined);
  const sel = Math.min(selected, Math.max(0, rows.length - 1));
  const shown = rows[hovered ?? sel] ?? rows[sel];
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const move = (e: KeyboardEvent) => {
    const to = { ArrowDown: sel + 1, ArrowUp: sel - 1, Home: 0, End: rows.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    // Inside the list, Home and End move between spans rather than restarting playback.
    e.stopPropagation();
    const i = Math.max(0, Math.min(rows.length - 1, to));
    setSelected(i);
    buttons.current[i]?.focus();
  };

  const extra = diff?.spans.filter((d) => d.change === 'extra').length ?? 0;
  const slower = diff?.spans.filter((d) => d.change === 'slower' && !d.span.open).length ?? 0;
  return (
    <section className="waterfall" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Trace waterfall</h2>
      <p className="wf-summary">{spans.length > 0 ? summary(spans) : 'No spans yet: play the run.'}</p>
      {baseline && diff && (
        <p className="wf-diff-summary">
          {`Against ${baseline.words}: ${
            atEnd
              ? `the saga took ${signedSecs(diff.totalDeltaMs)} — ${extra} extra spans, ${diff.missing.length} missing, ${slower} slower.`
              : 'each span is marked as it finishes; the totals and the missing spans show when the run has played to its end.'
          }`}
        </p>
      )}
      <div className="wf-axis" aria-hidden="true">
        <span>0 s</span>
        <span>{secs(total / 2)}</span>
        <span>{secs(total)}</span>
      </div>
      <ol className="wf-list" aria-label="Spans in tree order" onKeyDown={move} onMouseLeave={() => setHovered(undefined)}>
        {rows.map((row, i) => {
          const s = row.span;
          return (
            <li key={row.key} className={rowClass(row)}>
              <button
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                className="wf-row"
                tabIndex={i === sel ? 0 : -1}
                aria-current={i === sel ? 'true' : undefined}
                aria-label={describeRow(row)}
                onFocus={() => {
                  setSelected(i);
                  setHovered(undefined);
                }}
                onClick={() => setSelected(i)}
                onMouseEnter={() => setHovered(i)}
              >
                <span className="wf-name" style={{ paddingLeft: `${row.depth * 0.9}rem` }}>
                  <span className="wf-tag">{kindTag(s)}</span> {s.name}
                  {s.attempt && s.attempt > 1 ? <span className="wf-attempt"> #{s.attempt}</span> : null}
                  <span className="wf-service"> {s.service}</span>
                </span>
                <span className="wf-track" aria-hidden="true">
                  {row.backoff && (
                    <span
                      className="wf-gap"
                      style={{ left: pct(row.backoff.fromMs, total), width: pct(row.backoff.ms, total) }}
                      title={`backoff ${secs(row.backoff.ms)}`}
                    />
                  )}
                  <span className="wf-bar" style={{ left: pct(s.startMs, total), width: pct(durationMs(s), total) }} />
                  {s.events.map((e) => (
                    <span
                      key={e.seq}
                      className={`wf-mark mark-${e.name.replace('.', '-')}`}
                      style={{ left: pct(e.atMs, total) }}
                      title={`${e.name} at ${secs(e.atMs)}`}
                    />
                  ))}
                  {labelBeside(row, total)}
                  {!atEnd && <span className="wf-now" style={{ left: pct(now, total) }} />}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      {shown && <WaterfallDetails row={shown} />}
    </section>
  );
}
