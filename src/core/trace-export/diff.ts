import { durationMs, type SagaSpan } from './spanModel';

/** How a span compares with the baseline run. */
export type SpanChange = 'same' | 'slower' | 'faster' | 'extra';

/** One span of the run, set against its counterpart in the baseline. */
export interface SpanDiff {
  span: SagaSpan;
  change: SpanChange;
  /** The baseline's matching span, when there is one. */
  baseline?: SagaSpan;
  /** Duration minus the baseline's, in virtual ms (0 for extra spans). */
  deltaMs: number;
}

/** The run against a baseline run: every span marked, and the baseline spans the run never had. */
export interface TraceDiff {
  spans: SpanDiff[];
  /** Baseline spans with no counterpart in the run. */
  missing: SagaSpan[];
  /** The whole saga's duration minus the baseline's (first saga), in virtual ms: what the failure cost. */
  totalDeltaMs: number;
}

/** Below this a duration difference is noise from the seeded network latency, not a change. */
export const SLOWER_THRESHOLD_MS = 50;

/**
 * What identifies "the same span" across two runs: saga, kind, phase, step, attempt and
 * message topic, plus how many such spans came before (two deliveries of one topic).
 */
export function matchKey(span: SagaSpan): string {
  const topic = span.attributes.find(([k]) => k === 'messaging.destination.name')?.[1] ?? '';
  return [span.saga, span.kind, span.phase, span.step ?? '', span.attempt ?? '', topic].join('|');
}

function keyed(spans: readonly SagaSpan[]): Map<string, SagaSpan> {
  const seen = new Map<string, number>();
  const out = new Map<string, SagaSpan>();
  for (const s of spans) {
    const k = matchKey(s);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    out.set(`${k}#${n}`, s);
  }
  return out;
}

/**
 * Marks each span of `run` as extra (the baseline had no such span), slower or faster (by more
 * than {@link SLOWER_THRESHOLD_MS}) or the same, and lists the baseline spans the run lacks.
 */
export function diffSpans(run: readonly SagaSpan[], baseline: readonly SagaSpan[]): TraceDiff {
  const base = keyed(baseline);
  const mine = keyed(run);
  const spans: SpanDiff[] = [];
  for (const [k, span] of mine) {
    const b = base.get(k);
    if (!b) {
      spans.push({ span, change: 'extra', deltaMs: 0 });
      continue;
    }
    const deltaMs = durationMs(span) - durationMs(b);
    const change = deltaMs > SLOWER_THRESHOLD_MS ? 'slower' : deltaMs < -SLOWER_THRESHOLD_MS ? 'faster' : 'same';
    spans.push({ span, change, baseline: b, deltaMs });
  }
  const missing = [...base].filter(([k]) => !mine.has(k)).map(([, s]) => s);
  const rootOf = (list: readonly SagaSpan[]) => list.find((s) => s.phase === 'saga');
  const a = rootOf(run);
  const b = rootOf(baseline);
  return {
    spans,
    missing,
    totalDeltaMs: a && b ? durationMs(a) - durationMs(b) : 0,
  };
}
