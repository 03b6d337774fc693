import type { ReactNode } from 'react';
import { FadeIn } from '../reveal';
import { buyerOf, secs } from './labels';
import type { LabelFont, LabelSpec, PlacedLabel } from './timelineLabels';
import type { CallMark, EventMark, Lane, TimelineMark } from './timelineModel';

// The timeline's canvas and the drawing of each mark on it (calls, events), apart from the panel around them.

/** The strip above the lanes: tick times on one row, the "now" time under it, then room for labels above the first lane. */
export const AXIS_H = 46;
export const TICK_Y = 16;
export const NOW_Y = 31;
/** Mark labels stay below this (under the "now" time, which moves with the cursor). */
export const LABELS_TOP = 35;
export const LANE_H = 44;
export const PAD_L = 14;
export const PAD_R = 150;
export const MIN_PLOT_W = 640;
/** Distance between stacked label lines, and between two lines of one label. */
export const LINE_STEP = 14;
/** Squeezed below this the labels overlap too much to read: a phone scrolls a little instead. */
export const MIN_FIT_W = 300;

/** Where things go on the canvas, plus the ids of its arrowheads and hatch pattern. */
export interface Geometry {
  x: (ms: number) => number;
  y: (lane: Lane, saga?: string) => number;
  marker: (tone: string) => string;
  hatch: string;
}

/** Fades a newly revealed mark in, unless it was there on first paint (reduced motion: see `FadeIn`). */
export function Reveal({ skip, children, className }: { skip: boolean; children: ReactNode; className?: string }) {
  return (
    <FadeIn as="g" className={className} still={skip}>
      {children}
    </FadeIn>
  );
}

/** The classes that set each label font (timeline.css). */
const FONT_CLASS: Record<LabelFont, string> = { label: '', strong: 'tl-strong', topic: 'tl-topic', x: 'tl-x' };

/** A laid-out label (see `layoutLabels`): one <text>, a <tspan> per further line. */
export function Label({ label }: { label: PlacedLabel }) {
  const [first, ...more] = label.lines;
  return (
    <text x={label.x} y={label.y} textAnchor={label.anchor} className={`tl-label tl-${label.tone} ${FONT_CLASS[label.font]}`}>
      {first}
      {/* The space keeps the label's text one phrase ("PaymentCharged dropped"); the line break is the tspan's. */}
      {more.length > 0 && ' '}
      {more.map((line) => (
        <tspan key={line} x={label.x} dy={LINE_STEP}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** What one mark draws: its lines and shapes, and the labels it asks for (placed later, all together). */
export interface Drawn {
  shapes: ReactNode;
  labels: LabelSpec[];
}

/** A label request for `mark`; `n` tells its labels apart. */
function ask(mark: TimelineMark, n: string, at: number, x: number, y: number, text: string | string[], font: LabelFont, tone: string, anchor: LabelSpec['anchor'] = 'start', place?: 'fixed' | 'early'): LabelSpec {
  return { id: `${mark.key}-${n}`, mark: mark.key, at, seq: mark.seq, x, y, anchor, lines: Array.isArray(text) ? text : [text], font, tone, fixed: place === 'fixed', early: place === 'early' };
}

function callTone(call: CallMark, buyers: number): string {
  if (call.phase === 'compensation') return 'comp';
  if (call.phase === 'confirmation') return 'ok';
  return buyers > 1 ? `buyer-${((buyerOf(call.saga) - 1) % 4) + 1}` : 'call';
}

function drawCall(call: CallMark, g: Geometry, now: number, buyers: number): Drawn {
  const tone = callTone(call, buyers);
  const x0 = g.x(call.sentAt);
  const yHub = g.y('hub', call.saga);
  const ySvc = g.y(call.step);
  const dir = ySvc > yHub ? 1 : -1;
  const icon = call.phase === 'compensation' ? '↩' : '';
  const tag = `${icon}${call.attempt > 1 || call.phase === 'compensation' ? `#${call.attempt}` : ''}`;
  const shapes: ReactNode[] = [];
  const labels: LabelSpec[] = [];
  if (call.unsent) {
    shapes.push(<line key="unsent" x1={x0} y1={yHub} x2={x0 + 8} y2={yHub + dir * 14} className="tl-line tl-dash tl-fail" />);
    labels.push(ask(call, 'unsent', call.sentAt, x0 + 12, yHub + dir * 18, '✕ not sent', 'label', 'fail'));
  } else if (call.arrivedAt !== undefined) {
    shapes.push(<line key="req" x1={x0} y1={yHub} x2={g.x(call.arrivedAt)} y2={ySvc} className={`tl-line tl-${tone}`} markerEnd={g.marker(tone)} />);
  } else {
    // In flight: only the start of the arrow; where it lands is not revealed yet.
    const x1 = Math.max(x0 + 10, g.x(now));
    shapes.push(<line key="req" x1={x0} y1={yHub} x2={x1} y2={yHub + dir * 16} className={`tl-line tl-dash tl-${tone}`} markerEnd={g.marker(tone)} />);
  }
  if (tag) labels.push(ask(call, 'tag', call.sentAt, x0 - 3, yHub - dir * 5, tag, 'strong', tone, 'end'));
  if (call.arrivedAt !== undefined) {
    const xa = g.x(call.arrivedAt);
    if (call.replayed) labels.push(ask(call, 'replayed', call.arrivedAt, xa + 3, ySvc + 18, '↺ replayed', 'label', 'ok'));
    const gone = call.lostAt ?? call.undeliveredAt;
    if (gone !== undefined) {
      const xm = xa + 14;
      const ym = (ySvc + yHub) / 2;
      shapes.push(<line key="lost" x1={xa} y1={ySvc} x2={xm} y2={ym} className="tl-line tl-dash tl-fail" />);
      labels.push(ask(call, 'x', gone, xm, ym + 4, '✕', 'x', 'fail', 'middle', 'fixed'));
      labels.push(ask(call, 'lost', gone, xm + 9, ym + 4, call.lostAt !== undefined ? 'lost' : 'undelivered', 'strong', 'fail', 'start', 'early'));
    } else if (call.answeredAt !== undefined) {
      const rTone = call.answer === 'ok' ? tone : 'fail';
      const xr = g.x(call.answeredAt);
      shapes.push(<line key="res" x1={xa} y1={ySvc} x2={xr} y2={yHub} className={`tl-line tl-dash tl-${rTone}`} markerEnd={g.marker(rTone)} />);
      if (call.answer === 'error') labels.push(ask(call, 'err', call.answeredAt, (xa + xr) / 2 + 5, (ySvc + yHub) / 2, `✗ ${call.status ?? ''}`, 'strong', 'fail'));
    }
  }
  if (call.timedOutAt !== undefined) {
    const xt = g.x(call.timedOutAt);
    const yt = yHub - dir * 16;
    shapes.push(<path key="timeout" d={`M${x0},${yt - 4} v8 M${x0},${yt} H${xt} M${xt},${yt - 4} v8`} className="tl-line tl-thin tl-fail" />);
    labels.push(ask(call, 'timeout', call.timedOutAt, (x0 + xt) / 2, yt - 5, `✗ timeout ${secs(call.timeoutMs ?? call.timedOutAt - call.sentAt)}`, 'label', 'fail', 'middle'));
  }
  return { shapes, labels };
}

function drawEvent(ev: EventMark, g: Geometry): Drawn {
  const tone = ev.tone === 'compensation' ? 'comp' : ev.tone === 'failure' ? 'fail' : 'call';
  const x0 = g.x(ev.publishedAt);
  const y0 = g.y(ev.from, ev.saga);
  if (ev.dropped || ev.to === undefined) {
    // Toward the bus; a dropped event stops halfway and vanishes.
    const yBus = g.y('hub', ev.saga);
    const target = ev.from === 'hub' ? y0 + 20 : yBus;
    const xm = x0 + 16;
    const ym = ev.dropped ? (y0 + target) / 2 : target;
    const cls = ev.dropped ? 'tl-fail' : `tl-${tone}`;
    const shapes = <line x1={x0} y1={y0} x2={xm} y2={ym} className={`tl-line ${cls} ${ev.dropped ? 'tl-dash' : ''}`} markerEnd={ev.dropped ? undefined : g.marker(tone)} />;
    // "dropped" goes under the topic: on one line the label ran past a phone's chart ("✕ PaymentCharged dr").
    const labels = ev.dropped
      ? [ask(ev, 'x', ev.publishedAt, xm, ym + 4, '✕', 'x', 'fail', 'middle', 'fixed'), ask(ev, 'topic', ev.publishedAt, xm + 9, ym + 4, [ev.topic, 'dropped'], 'strong', 'fail', 'start', 'early')]
      : [ask(ev, 'topic', ev.publishedAt, xm + 9, ym + 4, ev.topic, 'label', tone)];
    return { shapes, labels };
  }
  const x1 = g.x(ev.deliveredAt ?? ev.publishedAt);
  const y1 = g.y(ev.to, ev.saga);
  const text = `${ev.tone === 'compensation' ? '↩ ' : ev.tone === 'failure' ? '✗ ' : ''}${ev.topic}`;
  const mid = (x0 + x1) / 2;
  // Downward arrows carry their topic on the left, upward ones on the right, so back-to-back events do not
  // collide (a topic on the left near the chart's start is moved right by the layout, whole).
  const down = y1 > y0;
  return {
    shapes: <line x1={x0} y1={y0} x2={x1} y2={y1} className={`tl-line tl-${tone}`} markerEnd={g.marker(tone)} />,
    labels: [ask(ev, 'topic', ev.publishedAt, down ? mid - 5 : mid + 5, (y0 + y1) / 2 + 3, text, 'topic', tone, down ? 'end' : 'start')],
  };
}

/** The shapes and label requests of one mark. */
export function drawMark(mark: TimelineMark, g: Geometry, now: number, buyers: number, hubName: string): Drawn {
  switch (mark.kind) {
    case 'call':
      return drawCall(mark, g, now, buyers);
    case 'event':
      return drawEvent(mark, g);
    case 'backoff': {
      const x0 = g.x(mark.from);
      const x1 = g.x(mark.from + mark.delayMs);
      const y = g.y(mark.lane, mark.saga) + 12;
      const tone = mark.phase === 'compensation' ? 'comp' : 'retry';
      return {
        shapes: <path d={`M${x0},${y - 5} V${y} H${x1} V${y - 5}`} className={`tl-line tl-dash tl-bracket tl-${tone}`} />,
        labels: [ask(mark, 'backoff', mark.from, (x0 + x1) / 2, y + 13, `backoff ${secs(mark.delayMs)}`, 'strong', tone, 'middle')],
      };
    }
    case 'point': {
      const x = g.x(mark.at);
      const y = g.y(mark.lane, mark.saga);
      return {
        shapes: <circle cx={x} cy={y} r={3.5} className={`tl-dot tl-${mark.tone}`} />,
        labels: [ask(mark, 'point', mark.at, x + 5, y - (mark.lane === 'hub' ? 19 : 7), `${mark.icon} ${mark.label}`, 'label', mark.tone)],
      };
    }
    case 'down': {
      const x0 = g.x(mark.from);
      const x1 = g.x(mark.to ?? now);
      const y = g.y('hub', mark.saga);
      const who = buyers > 1 ? `Buyer ${buyerOf(mark.saga)}'s orchestrator` : hubName;
      return {
        shapes: <rect x={x0} y={y - 10} width={Math.max(2, x1 - x0)} height={20} className="tl-down tl-fail" fill={g.hatch} />,
        labels: [ask(mark, 'down', mark.from, x0 + 4, y - 14, `✕ ${who} crashed — down`, 'strong', 'fail')],
      };
    }
  }
}
