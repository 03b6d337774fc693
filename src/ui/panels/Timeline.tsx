import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { type RunView, revealed, timeAt } from '../runView';
import { buyerOf, secs, stepsOf } from './labels';
import { timeScale } from './timeScale';
import { useElementWidth } from './useElementWidth';
import { describeMark, type Lane, timelineMarks } from './timelineModel';
import './panels.css';
import './timeline.css';
import { type LabelSpec, labelsRight, layoutLabels } from './timelineLabels';
import { AXIS_H, drawMark, type Geometry, LABELS_TOP, LANE_H, Label, MIN_FIT_W, MIN_PLOT_W, NOW_Y, PAD_L, PAD_R, Reveal, TICK_Y } from './timelineMarks';

interface TimelineProps {
  run: RunView;
  /**
   * Side by side, the one clock both sides share (virtual ms): "now" follows it even after this
   * run has gone quiet, so a stuck saga's silence is drawn growing while the other side plays on.
   */
  clock?: number;
  /** Side by side, when the longer run ends: both charts share that time axis. */
  until?: number;
}

/**
 * Swimlanes over virtual time: calls and responses between the orchestrator and the services
 * (events between services in choreography), lost messages, timeouts, retries with their backoff,
 * compensations in amber with ↩, failures in red with ✗. A text list mirrors the chart.
 */
export function Timeline({ run, clock, until }: TimelineProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const scrollRef = useRef<HTMLElement>(null);
  const firstPaint = useRef(true);
  useEffect(() => {
    firstPaint.current = false;
  }, []);
  const steps = stepsOf(run.scenario);
  const choreography = run.scenario.mode === 'choreography';
  const hubName = choreography ? 'Event bus' : 'Orchestrator';
  const buyers = run.scenario.buyers ?? 1;
  const shown = useMemo(() => revealed(run), [run]);
  const marks = useMemo(() => timelineMarks(shown, steps, run.scenario.mode), [shown, steps, run.scenario.mode]);
  const now = Math.max(timeAt(run), clock ?? 0);
  // A stuck saga (choreography with a dropped event) goes silent: nobody waits, nothing times out.
  const stuckAt = run.trace.slice(0, run.cursor).find((e) => e.type === 'saga.stuck')?.at;
  // At the end of the run the chart fits the whole run into view; while playing it follows "now".
  // The learner can switch either way with the Fit button (their choice lasts for this run).
  const [choice, setChoice] = useState<{ trace: RunView['trace']; fit: boolean } | null>(null);
  const fit = choice?.trace === run.trace ? choice.fit : run.cursor >= run.trace.length;
  // The chart's visible width, from a ResizeObserver: never read from the DOM per cursor move.
  const viewWidth = useElementWidth(scrollRef);
  const room = viewWidth - PAD_L - PAD_R;
  // The scale comes from the whole run, so it does not jump while playing.
  const fitWidth = fit && room > 0 ? Math.max(room, MIN_FIT_W) : undefined;
  const scale = useMemo(
    () => timeScale([...run.trace.map((e) => e.at), until ?? 0], fitWidth ?? Math.max(MIN_PLOT_W, room), fitWidth),
    [run.trace, until, room, fitWidth],
  );
  const lanes: Lane[] = ['hub', ...steps.map((s) => s.id)];
  const height = AXIS_H + lanes.length * LANE_H + 8;
  const sagaIds = [...new Set(run.trace.filter((e) => e.type === 'saga.started').map((e) => e.saga))];
  const g: Geometry = {
    marker: (tone) => `url(#${uid}-${tone})`,
    hatch: `url(#${uid}-hatch)`,
    x: (ms) => PAD_L + scale.x(ms),
    y: (lane, saga) => {
      const base = AXIS_H + lanes.indexOf(lane) * LANE_H + LANE_H / 2;
      if (lane !== 'hub' || !saga || sagaIds.length < 2) return base;
      return base + (sagaIds.indexOf(saga) - (sagaIds.length - 1) / 2) * 7;
    },
  };
  // Every mark's shapes, then all labels placed together so that none covers another (estimated widths:
  // no DOM read). The chart widens if a label had to slide past its right end.
  const drawn = marks.map((mark) => ({ mark, ...drawMark(mark, g, now, buyers, hubName) }));
  const silence =
    stuckAt !== undefined && now > stuckAt
      ? { id: 'silence', mark: 'silence', at: stuckAt, seq: Number.MAX_SAFE_INTEGER, x: g.x(stuckAt) + 4, y: g.y('hub') - 13, anchor: 'start' as const, lines: [`‖ nobody is waiting · ${secs(now - stuckAt)}`], font: 'strong' as const, tone: 'fail' }
      : undefined;
  const asked = [...drawn.flatMap((d) => d.labels), ...(silence ? [silence] : [])];
  const placed = layoutLabels(asked, { left: 2, top: LABELS_TOP, bottom: height - 2 });
  const labelsOf = new Map<string, LabelSpec[]>();
  for (const label of placed) labelsOf.set(label.mark, [...(labelsOf.get(label.mark) ?? []), label]);
  const width = Math.max(PAD_L + scale.width + PAD_R, labelsRight(placed) + 4);
  const tones = ['call', 'comp', 'fail', 'ok', 'warn', 'buyer-1', 'buyer-2', 'buyer-3', 'buyer-4'];

  // Keep "now" in view while playing; the chart scrolls sideways on narrow screens. The scroll position is
  // tracked from scroll events and the width observed, so a cursor move reads no layout (which below the fold,
  // in a panel the browser skips rendering, would force one); it writes only when "now" leaves the window.
  const nowX = g.x(now);
  const scrolled = useRef(0);
  useEffect(() => {
    if (viewWidth === 0) return;
    const left = scrolled.current;
    const target = fit ? 0 : nowX > left + viewWidth - 60 || nowX < left + 20 ? Math.max(0, nowX - viewWidth * 0.6) : left;
    if (target === left) return;
    const frame = requestAnimationFrame(() => {
      const el = scrollRef.current;
      if (!el) return;
      el.scrollLeft = target;
      scrolled.current = el.scrollLeft;
    });
    return () => cancelAnimationFrame(frame);
  }, [nowX, fit, viewWidth]);

  const counts = {
    calls: marks.filter((k) => k.kind === 'call').length,
    lost: marks.filter((k) => k.kind === 'call' && k.lostAt !== undefined).length,
    backoffs: marks.filter((k) => k.kind === 'backoff').length,
    comps: marks.filter((k) => k.kind === 'call' && k.phase === 'compensation').length,
    events: marks.filter((k) => k.kind === 'event').length,
    dropped: marks.filter((k) => k.kind === 'event' && k.dropped).length,
  };
  const summary = choreography
    ? `Timeline from 0 to ${secs(now)}: ${counts.events} events published, ${counts.dropped} dropped, ${counts.backoffs} retries with backoff.`
    : `Timeline from 0 to ${secs(now)}: ${counts.calls} calls, ${counts.comps} of them compensations, ${counts.lost} responses lost, ${counts.backoffs} retries with backoff.`;
  const titleId = `${uid}-title`;
  const skip = firstPaint.current;

  return (
    <section className="panel timeline" aria-labelledby={titleId}>
      <div className="tl-head">
        <h2 id={titleId}>Timeline</h2>
        <button type="button" className="small" aria-pressed={fit} onClick={() => setChoice({ trace: run.trace, fit: !fit })}>
          Fit the whole run
        </button>
      </div>
      <ul className="tl-legend" aria-label="Legend">
        <li className="tl-call">→ {choreography ? 'event' : 'call'}</li>
        {!choreography && <li className="tl-call">⇢ response (dashed)</li>}
        {!choreography && <li className="tl-ok">→ confirmation</li>}
        <li className="tl-comp">↩ compensation</li>
        <li className="tl-fail">✗ failure · ✕ lost / dropped</li>
        <li className="tl-retry">⌐ backoff before a retry (#n = attempt)</li>
        <li className="tl-warn">⚠ alert</li>
        <li className="tl-neutral tl-note">≈ waits drawn shorter; ticks show real time</li>
        {buyers > 1 &&
          sagaIds.map((s) => (
            <li key={s} className={`tl-buyer buyer-${((buyerOf(s) - 1) % 4) + 1}`}>
              <span className="sp-swatch" aria-hidden="true" /> Buyer {buyerOf(s)}
            </li>
          ))}
      </ul>
      <div className="tl-frame">
        <div className="tl-lanes" aria-hidden="true" style={{ height }}>
          {lanes.map((lane, i) => (
            <div key={lane} className="tl-lane-name" style={{ top: AXIS_H + i * LANE_H, height: LANE_H }}>
              {lane === 'hub' ? hubName : (steps.find((s) => s.id === lane)?.service ?? lane)}
            </div>
          ))}
        </div>
        <section
          className="tl-scroll"
          ref={scrollRef}
          aria-label="Timeline chart (scrolls sideways)"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the chart scrolls sideways; keyboard users must be able to scroll it
          tabIndex={0}
          onScroll={(e) => {
            scrolled.current = e.currentTarget.scrollLeft;
          }}
        >
          <svg className="tl-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
            <defs>
              {tones.map((t) => (
                <marker key={t} id={`${uid}-${t}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                  <path d="M0,0 L10,5 L0,10 z" className={`tl-head tl-${t}`} />
                </marker>
              ))}
              <pattern id={`${uid}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1="0" y1="0" x2="0" y2="6" className="tl-hatch" />
              </pattern>
            </defs>
            {lanes.map((lane, i) => (
              <g key={lane}>
                <rect x={0} y={AXIS_H + i * LANE_H} width={width} height={LANE_H} className={i % 2 ? 'tl-band tl-band-alt' : 'tl-band'} />
                <line x1={PAD_L} x2={width - PAD_R / 2} y1={g.y(lane)} y2={g.y(lane)} className="tl-lane-line" />
              </g>
            ))}
            {scale.compressed
              .filter(([a, b]) => scale.ticks.every((t) => Math.abs(g.x(t) - g.x((a + b) / 2)) > 24))
              .map(([a, b]) => (
                <text key={`z${a}`} x={g.x((a + b) / 2)} y={TICK_Y} textAnchor="middle" className="tl-tick">
                  ≈
                </text>
              ))}
            {scale.ticks.map((t) => (
              <g key={t}>
                <line x1={g.x(t)} x2={g.x(t)} y1={TICK_Y + 4} y2={height} className="tl-grid" />
                <text x={g.x(t)} y={TICK_Y} textAnchor="middle" className="tl-tick">
                  {secs(t)}
                </text>
              </g>
            ))}
            <g>
              {drawn.map(({ mark, shapes }) => (
                <Reveal key={mark.key} skip={skip}>
                  {shapes}
                  {labelsOf.get(mark.key)?.map((label) => (
                    <Label key={label.id} label={label} />
                  ))}
                </Reveal>
              ))}
            </g>
            {stuckAt !== undefined && now > stuckAt && (
              <g className="tl-fail tl-silence">
                <rect x={g.x(stuckAt)} y={g.y('hub') - 9} width={Math.max(2, g.x(now) - g.x(stuckAt))} height={18} className="tl-down" fill={g.hatch} />
                {labelsOf.get('silence')?.map((label) => (
                  <Label key={label.id} label={label} />
                ))}
              </g>
            )}
            <g className="tl-now">
              <line x1={nowX} x2={nowX} y1={NOW_Y - 9} y2={height} />
              <text x={nowX + 3} y={NOW_Y} className="tl-now-label">
                now {secs(now)}
              </text>
            </g>
          </svg>
        </section>
      </div>
      <h3 className="visually-hidden">Timeline as text</h3>
      <ol className="visually-hidden" aria-label="Timeline events">
        {marks.length === 0 && <li>Nothing has happened yet.</li>}
        {marks.map((mark) => (
          <li key={mark.key}>{describeMark(mark, buyers, hubName, steps)}</li>
        ))}
      </ol>
    </section>
  );
}
