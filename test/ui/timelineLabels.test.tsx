import { describe, expect, it } from 'vitest';
import { boxOf, type LabelSpec, layoutLabels, textWidth } from '../../src/ui/panels/timelineLabels';
import { LINE_STEP } from '../../src/ui/panels/timelineMarks';

// The timeline's label layout rule (src/ui/panels/timelineLabels.ts), as plain data.

const AREA = { left: 2, top: 40, bottom: 300 };
let n = 0;
function label(over: Partial<LabelSpec>): LabelSpec {
  n++;
  return { id: `l${n}`, mark: `m${n}`, at: n, seq: n, x: 100, y: 100, anchor: 'start', lines: ['✓ done'], font: 'label', tone: 'ok', ...over };
}
const overlap = (a: LabelSpec, b: LabelSpec) => {
  const [p, q] = [boxOf(a), boxOf(b)];
  return p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;
};

describe('layoutLabels', () => {
  it('leaves labels that do not touch where they asked to be', () => {
    const specs = [label({ x: 10 }), label({ x: 200 }), label({ y: 200 })];
    expect(layoutLabels(specs, AREA)).toEqual(specs);
  });

  it('stacks a later label that would cover an earlier one on the next line, and the earlier one stays put', () => {
    const first = label({ lines: ['‖ nobody is waiting · 3.76 s'], font: 'strong', at: 5 });
    const second = label({ x: 110, at: 9 });
    const [a, b] = layoutLabels([second, first], AREA);
    expect(b).toEqual(first);
    expect(a.x).toBe(second.x);
    expect(Math.abs(a.y - second.y)).toBe(LINE_STEP);
    expect(overlap(a, b)).toBe(false);
  });

  it('slides a label right when the lines above and below are taken too', () => {
    const wall = [-2, -1, 0, 1, 2].map((k) => label({ y: 100 + k * LINE_STEP, lines: ['✕ Orchestrator crashed — down'], at: 0 }));
    const late = label({ x: 120, lines: ['#2'], at: 10 });
    const placed = layoutLabels([...wall, late], AREA);
    const moved = placed[placed.length - 1];
    expect(moved.y).toBe(100);
    expect(boxOf(moved).left).toBeGreaterThanOrEqual(boxOf(wall[2]).right);
    for (const w of placed.slice(0, -1)) expect(overlap(w, moved)).toBe(false);
  });

  it('moves nothing fixed (a ✕ on its arrow); a label in its way makes room instead', () => {
    const topic = label({ lines: ['InventoryHeld'], font: 'topic', anchor: 'end', x: 140, at: 1 });
    const cross = label({ lines: ['✕'], font: 'x', anchor: 'middle', x: 130, at: 7, fixed: true });
    const [t, c] = layoutLabels([topic, cross], AREA);
    expect(c).toEqual(cross);
    expect(overlap(t, c)).toBe(false);
  });

  it('keeps labels below the time axis and right of the chart’s left edge', () => {
    const [high, left] = layoutLabels([label({ y: 41 }), label({ x: 60, y: 200, anchor: 'end', lines: ['OrderPlaced'] })], AREA);
    expect(boxOf(high).top).toBeGreaterThanOrEqual(AREA.top);
    expect(boxOf(left).left).toBeGreaterThanOrEqual(AREA.left);
  });

  it('never leaves two labels overlapping, however crowded', () => {
    const crowd = Array.from({ length: 40 }, (_, i) => label({ x: 100 + (i % 5) * 7, y: 60 + (i % 3) * 5, lines: [i % 2 ? '↩ compensated' : '#3'], at: i }));
    const placed = layoutLabels(crowd, AREA);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlap(placed[i], placed[j]), `${i} × ${j}`).toBe(false);
  });

  it('estimates symbols a full em and bold text wider than regular', () => {
    expect(textWidth('✓', 'label')).toBe(11);
    expect(textWidth('stuck', 'strong')).toBeGreaterThan(textWidth('stuck', 'label'));
  });
});
