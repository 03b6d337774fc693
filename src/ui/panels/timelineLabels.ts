// Where the timeline's text labels go so that none is drawn over another. A pure function of the label
// list: text widths are estimated from the characters (no DOM measuring), so it is cheap enough for every
// cursor move and gives the same picture for the same trace.

import { LINE_STEP } from './timelineMarks';

/** How a label is set: the sizes and weights of timeline.css (.tl-label, .tl-strong, .tl-topic, .tl-x). */
export type LabelFont = 'label' | 'strong' | 'topic' | 'x';

/** One text label as a mark asks for it. */
export interface LabelSpec {
  /** Unique among the chart's labels. */
  id: string;
  /** The mark it belongs to (it fades in with it). */
  mark: string;
  /** Virtual time the label appears: earlier labels keep their place, later ones make room. */
  at: number;
  /** Order among labels appearing at the same time. */
  seq: number;
  x: number;
  /** Baseline of the first line. */
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** One line per entry (a dropped event's topic, then "dropped"). */
  lines: string[];
  font: LabelFont;
  /** Its colour: tl-{tone} in timeline.css (call, comp, fail, ok, warn, retry, buyer-n…). */
  tone: string;
  /** Drawn exactly where asked (a ✕ at the end of its arrow): others move around it. */
  fixed?: boolean;
  /** Placed right after the fixed labels, before the rest: the word that goes with a fixed ✕ stays beside it. */
  early?: boolean;
}

/** A label where it is drawn (moved from where it asked to be if that spot was taken). */
export type PlacedLabel = LabelSpec;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const SIZE: Record<LabelFont, number> = { label: 11, strong: 11, topic: 10, x: 15 };
const GAP = 2;
/** Moving a label a line up or down is worth this much sliding right (a short slide keeps it on its lane). */
const SLIDE_PER_LINE = 56;
/** Added to a slide that would move a label off its mark: any free line is nearer. */
const LAST_RESORT = 10_000;

/**
 * A generous width for `text` in `font`: wide sans-serif glyphs (DejaVu Sans, the widest common fallback)
 * for letters, a full em for symbols (✓ ✕ ↩ ⚠ come from whatever font has them).
 */
export function textWidth(text: string, font: LabelFont): number {
  const size = SIZE[font];
  const bold = font === 'strong' || font === 'x';
  let em = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) > 0x7f) em += 1;
    else if (ch >= 'A' && ch <= 'Z') em += bold ? 0.8 : 0.72;
    else if (ch === ' ' || ch === '.' || ch === ',' || ch === 'i' || ch === 'l' || ch === '|') em += 0.34;
    else em += bold ? 0.7 : 0.62;
  }
  return em * size;
}

/** The box a label covers (glyph ascent and descent around its baseline, as a browser's getBBox reports). */
export function boxOf(label: Pick<LabelSpec, 'x' | 'y' | 'anchor' | 'lines' | 'font'>): Box {
  const size = SIZE[label.font];
  const w = Math.max(...label.lines.map((l) => textWidth(l, label.font)));
  const left = label.anchor === 'start' ? label.x : label.anchor === 'end' ? label.x - w : label.x - w / 2;
  return { left, right: left + w, top: label.y - size * 0.95, bottom: label.y + size * 0.28 + (label.lines.length - 1) * LINE_STEP };
}

const hits = (a: Box, b: Box) => a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom && b.top < a.bottom;

/**
 * Places the labels so that no two overlap. Fixed labels go first, where asked, then the early ones (the
 * words beside them). The others, in the order
 * they appear (so a label already on screen never moves when a later one comes), keep their spot if it is
 * free; else they take the nearest free spot: a line below or above (two at most, within `top`…`bottom`:
 * the lanes, below the time axis) and/or slid right past whatever is in the way, a line counting as
 * SLIDE_PER_LINE px of sliding. Nothing goes left of `left`.
 */
export function layoutLabels(specs: readonly LabelSpec[], area: { left: number; top: number; bottom: number }): PlacedLabel[] {
  const rank = (l: LabelSpec) => (l.fixed ? 0 : l.early ? 1 : 2);
  const order = [...specs].sort((a, b) => rank(a) - rank(b) || a.at - b.at || a.seq - b.seq);
  const taken: Box[] = [];
  const placed = new Map<string, PlacedLabel>();
  const free = (b: Box) => !taken.some((t) => hits(b, t));
  for (const spec of order) {
    if (spec.fixed) {
      taken.push(boxOf(spec));
      placed.set(spec.id, spec);
      continue;
    }
    // Inside the area: right of its left edge, below the axis, above the chart's bottom.
    let { x, y } = spec;
    const b0 = boxOf(spec);
    if (b0.left < area.left) x += area.left - b0.left;
    if (b0.top < area.top) y += area.top - b0.top;
    else if (b0.bottom > area.bottom) y -= b0.bottom - area.bottom;
    // The box is estimated once; candidate spots only shift it.
    const base = boxOf({ ...spec, x, y });
    const at = (dy: number, dx = 0): Box => ({ left: base.left + dx, right: base.right + dx, top: base.top + dy, bottom: base.bottom + dy });
    const inside = (b: Box) => b.top >= area.top && b.bottom <= area.bottom;
    // Slide right past the boxes in the way; each slide clears at least one, so this ends.
    const slide = (dy: number) => {
      let dx = 0;
      for (let box = at(dy); !free(box); box = at(dy, dx)) {
        dx += Math.max(...taken.filter((t) => hits(box, t)).map((t) => t.right)) + GAP + 1 - box.left;
      }
      return dx;
    };
    // The nearest free spot: for a label that reads on from its mark (anchored at its start) a line up or down
    // costs as much as sliding SLIDE_PER_LINE px along; one that ends at or centres on its mark (a topic left of
    // its arrow, a tag, a span's label) would leave it by sliding, so it slides only if no line is free.
    const slides = spec.anchor === 'start';
    const cost = (c: { dy: number; dx: number }) => (Math.abs(c.dy) / LINE_STEP) * SLIDE_PER_LINE + (c.dx > 0 && !slides ? LAST_RESORT : 0) + c.dx;
    let best = { dy: 0, dx: slide(0) };
    for (const dy of [LINE_STEP, -LINE_STEP, 2 * LINE_STEP, -2 * LINE_STEP]) {
      if (best.dx === 0 || !inside(at(dy))) continue;
      const c = { dy, dx: slide(dy) };
      if (cost(c) < cost(best)) best = c;
    }
    const { dy, dx } = best;
    taken.push(at(dy, dx));
    placed.set(spec.id, { ...spec, x: x + dx, y: y + dy });
  }
  return specs.map((s) => placed.get(s.id) as PlacedLabel);
}

/** The right edge of the rightmost label: the chart widens to show it whole. */
export function labelsRight(labels: readonly PlacedLabel[]): number {
  return Math.max(0, ...labels.map((l) => boxOf(l).right));
}
