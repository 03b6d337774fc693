import type { ReactNode } from 'react';
import { FadeIn } from '../reveal';
import { buyerOf, secs } from './labels';
import type { CallMark, EventMark, Lane, TimelineMark } from './timelineModel';

// The timeline's canvas and the drawing of each mark on it (calls, events), apart from the panel around them.

export const AXIS_H = 38;
export const LANE_H = 44;
export const PAD_L = 14;
export const PAD_R = 150;
export const MIN_PLOT_W = 640;
/** Squeezed below this the labels overlap too much to read: a phone scrolls a little instead. */
export const MIN_FIT_W = 300;
/** A generous width per character of a topic label (10 px type): estimating wide keeps a label off the chart's edge. */
const TOPIC_CHAR_PX = 6.5;

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

export function Label({ x, y, children, anchor = 'middle', className }: { x: number; y: number; children: ReactNode; anchor?: 'start' | 'middle' | 'end'; className?: string }) {
  return (
    <text x={x} y={y} textAnchor={anchor} className={`tl-label ${className ?? ''}`}>
      {children}
    </text>
  );
}

function callTone(call: CallMark, buyers: number): string {
  if (call.phase === 'compensation') return 'comp';
  if (call.phase === 'confirmation') return 'ok';
  return buyers > 1 ? `buyer-${((buyerOf(call.saga) - 1) % 4) + 1}` : 'call';
}

function Call({ call, g, now, buyers }: { call: CallMark; g: Geometry; now: number; buyers: number }) {
  const tone = callTone(call, buyers);
  const x0 = g.x(call.sentAt);
  const yHub = g.y('hub', call.saga);
  const ySvc = g.y(call.step);
  const dir = ySvc > yHub ? 1 : -1;
  const icon = call.phase === 'compensation' ? '↩' : '';
  const tag = `${icon}${call.attempt > 1 || call.phase === 'compensation' ? `#${call.attempt}` : ''}`;
  const parts: ReactNode[] = [];
  if (call.unsent) {
    parts.push(
      <g key="unsent" className="tl-fail">
        <line x1={x0} y1={yHub} x2={x0 + 8} y2={yHub + dir * 14} className="tl-line tl-dash" />
        <Label x={x0 + 12} y={yHub + dir * 18} anchor="start" className="tl-fail">
          ✕ not sent
        </Label>
      </g>,
    );
  } else if (call.arrivedAt !== undefined) {
    parts.push(<line key="req" x1={x0} y1={yHub} x2={g.x(call.arrivedAt)} y2={ySvc} className={`tl-line tl-${tone}`} markerEnd={g.marker(tone)} />);
  } else {
    // In flight: only the start of the arrow; where it lands is not revealed yet.
    const x1 = Math.max(x0 + 10, g.x(now));
    parts.push(<line key="req" x1={x0} y1={yHub} x2={x1} y2={yHub + dir * 16} className={`tl-line tl-dash tl-${tone}`} markerEnd={g.marker(tone)} />);
  }
  if (tag) {
    parts.push(
      <Label key="tag" x={x0 - 3} y={yHub - dir * 5} anchor="end" className={`tl-${tone} tl-strong`}>
        {tag}
      </Label>,
    );
  }
  if (call.arrivedAt !== undefined) {
    const xa = g.x(call.arrivedAt);
    if (call.replayed) {
      parts.push(
        <Label key="replayed" x={xa + 3} y={ySvc + 18} anchor="start" className="tl-ok">
          ↺ replayed
        </Label>,
      );
    }
    if (call.lostAt !== undefined || call.undeliveredAt !== undefined) {
      const xm = xa + 14;
      const ym = (ySvc + yHub) / 2;
      const word = call.lostAt !== undefined ? 'lost' : 'undelivered';
      parts.push(
        <g key="lost" className="tl-fail">
          <line x1={xa} y1={ySvc} x2={xm} y2={ym} className="tl-line tl-dash" />
          <Label x={xm} y={ym + 4} className="tl-x">
            ✕
          </Label>
          <Label x={xm + 9} y={ym + 4} anchor="start" className="tl-fail tl-strong">
            {word}
          </Label>
        </g>,
      );
    } else if (call.answeredAt !== undefined) {
      const rTone = call.answer === 'ok' ? tone : 'fail';
      const xr = g.x(call.answeredAt);
      parts.push(<line key="res" x1={xa} y1={ySvc} x2={xr} y2={yHub} className={`tl-line tl-dash tl-${rTone}`} markerEnd={g.marker(rTone)} />);
      if (call.answer === 'error') {
        parts.push(
          <Label key="err" x={(xa + xr) / 2 + 5} y={(ySvc + yHub) / 2} anchor="start" className="tl-fail tl-strong">
            ✗ {call.status ?? ''}
          </Label>,
        );
      }
    }
  }
  if (call.timedOutAt !== undefined) {
    const xt = g.x(call.timedOutAt);
    const yt = yHub - dir * 16;
    parts.push(
      <g key="timeout" className="tl-fail">
        <path d={`M${x0},${yt - 4} v8 M${x0},${yt} H${xt} M${xt},${yt - 4} v8`} className="tl-line tl-thin" />
        <Label x={(x0 + xt) / 2} y={yt - 5} className="tl-fail">
          ✗ timeout {secs(call.timeoutMs ?? call.timedOutAt - call.sentAt)}
        </Label>
      </g>,
    );
  }
  return <>{parts}</>;
}

function Event({ ev, g }: { ev: EventMark; g: Geometry }) {
  const tone = ev.tone === 'compensation' ? 'comp' : ev.tone === 'failure' ? 'fail' : 'call';
  const x0 = g.x(ev.publishedAt);
  const y0 = g.y(ev.from, ev.saga);
  if (ev.dropped || ev.to === undefined) {
    // Toward the bus; a dropped event stops halfway and vanishes.
    const yBus = g.y('hub', ev.saga);
    const target = ev.from === 'hub' ? y0 + 20 : yBus;
    const xm = x0 + 16;
    const ym = ev.dropped ? (y0 + target) / 2 : target;
    return (
      <g className={ev.dropped ? 'tl-fail' : `tl-${tone}`}>
        <line x1={x0} y1={y0} x2={xm} y2={ym} className={`tl-line ${ev.dropped ? 'tl-dash' : ''}`} markerEnd={ev.dropped ? undefined : g.marker(tone)} />
        {ev.dropped && (
          <Label x={xm} y={ym + 4} className="tl-x">
            ✕
          </Label>
        )}
        {/* "dropped" goes under the topic: on one line the label ran past a phone's chart ("✕ PaymentCharged dr"). */}
        <Label x={xm + 9} y={ym + 4} anchor="start" className={ev.dropped ? 'tl-fail tl-strong' : `tl-${tone}`}>
          {ev.topic}
          {/* The space keeps the label's text "PaymentCharged dropped"; the line break is the tspan's. */}
          {ev.dropped && ' '}
          {ev.dropped && (
            <tspan x={xm + 9} dy={12}>
              dropped
            </tspan>
          )}
        </Label>
      </g>
    );
  }
  const x1 = g.x(ev.deliveredAt ?? ev.publishedAt);
  const y1 = g.y(ev.to, ev.saga);
  const text = `${ev.tone === 'compensation' ? '↩ ' : ev.tone === 'failure' ? '✗ ' : ''}${ev.topic}`;
  const mid = (x0 + x1) / 2;
  // Downward arrows carry their topic on the left, upward ones on the right, so back-to-back events do not
  // collide. Near the chart's start a topic on the left is moved right until it starts at the edge (the first
  // events were cut to "ced", "ryHeld"); its halo keeps it readable where it crosses its own arrow.
  const down = y1 > y0;
  const x = down ? Math.max(mid - 5, 2 + text.length * TOPIC_CHAR_PX) : mid + 5;
  return (
    <g className={`tl-${tone}`}>
      <line x1={x0} y1={y0} x2={x1} y2={y1} className={`tl-line tl-${tone}`} markerEnd={g.marker(tone)} />
      <Label x={x} y={(y0 + y1) / 2 + 3} anchor={down ? 'end' : 'start'} className={`tl-${tone} tl-topic`}>
        {text}
      </Label>
    </g>
  );
}

export function Mark({ mark, g, now, buyers, hubName }: { mark: TimelineMark; g: Geometry; now: number; buyers: number; hubName: string }) {
  switch (mark.kind) {
    case 'call':
      return <Call call={mark} g={g} now={now} buyers={buyers} />;
    case 'event':
      return <Event ev={mark} g={g} />;
    case 'backoff': {
      const x0 = g.x(mark.from);
      const x1 = g.x(mark.from + mark.delayMs);
      const y = g.y(mark.lane, mark.saga) + 12;
      const tone = mark.phase === 'compensation' ? 'comp' : 'retry';
      return (
        <g className={`tl-${tone}`}>
          <path d={`M${x0},${y - 5} V${y} H${x1} V${y - 5}`} className="tl-line tl-dash tl-bracket" />
          <Label x={(x0 + x1) / 2} y={y + 13} className={`tl-${tone} tl-strong`}>
            backoff {secs(mark.delayMs)}
          </Label>
        </g>
      );
    }
    case 'point': {
      const x = g.x(mark.at);
      const y = g.y(mark.lane, mark.saga);
      return (
        <g className={`tl-${mark.tone}`}>
          <circle cx={x} cy={y} r={3.5} className="tl-dot" />
          <Label x={x + 5} y={y - (mark.lane === 'hub' ? 19 : 7)} anchor="start" className={`tl-${mark.tone}`}>
            {mark.icon} {mark.label}
          </Label>
        </g>
      );
    }
    case 'down': {
      const x0 = g.x(mark.from);
      const x1 = g.x(mark.to ?? now);
      const y = g.y('hub', mark.saga);
      return (
        <g className="tl-fail">
          <rect x={x0} y={y - 10} width={Math.max(2, x1 - x0)} height={20} className="tl-down" fill={g.hatch} />
          <Label x={x0 + 4} y={y - 14} anchor="start" className="tl-fail tl-strong">
            ✕ {buyers > 1 ? `Buyer ${buyerOf(mark.saga)}'s orchestrator` : hubName} crashed — down
          </Label>
        </g>
      );
    }
  }
}
