import { attr, durationMs, type SagaSpan, type SpanChange, type TraceDiff } from '../../core/trace-export';
import { secs } from '../panels/labels';

/** One row of the waterfall: a span of the run, or a baseline span the run never had. */
export interface WaterfallRow {
  key: string;
  span: SagaSpan;
  /** Nesting depth: 0 for a saga's root. */
  depth: number;
  /** How the span compares with the baseline; `missing` for a baseline span the run lacks. */
  change?: SpanChange | 'missing';
  /** Duration minus the baseline's, in virtual ms. */
  deltaMs?: number;
  /** The wait before this attempt (the backoff after the previous one), in virtual ms. */
  backoff?: { fromMs: number; ms: number };
}

/** Signed seconds: "+1.9 s", "−0.2 s". */
export const signedSecs = (ms: number): string => `${ms >= 0 ? '+' : '−'}${secs(Math.abs(ms))}`;

/** The rows in tree order: each span followed by its children, siblings by start time. */
export function waterfallRows(spans: readonly SagaSpan[], diff?: TraceDiff, showMissing = false): WaterfallRow[] {
  const children = new Map<string, SagaSpan[]>();
  const ids = new Set(spans.map((s) => s.spanId));
  const roots: SagaSpan[] = [];
  for (const s of spans) {
    if (s.parentSpanId && ids.has(s.parentSpanId)) children.set(s.parentSpanId, [...(children.get(s.parentSpanId) ?? []), s]);
    else roots.push(s);
  }
  const changes = new Map(diff?.spans.map((d) => [d.span.spanId, d]) ?? []);
  const rows: WaterfallRow[] = [];
  const visit = (s: SagaSpan, depth: number) => {
    const d = changes.get(s.spanId);
    // A span still in flight has no duration to compare yet.
    const change = d && !(s.open && d.change !== 'extra') ? d.change : undefined;
    rows.push({ key: s.spanId, span: s, depth, change, deltaMs: change ? d?.deltaMs : undefined, backoff: backoffBefore(s, spans) });
    const kids = [...(children.get(s.spanId) ?? [])].sort((a, b) => a.startMs - b.startMs || a.startSeq - b.startSeq);
    for (const k of kids) visit(k, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  if (showMissing && diff)
    for (const s of diff.missing) rows.push({ key: `missing-${s.spanId}`, span: s, depth: s.phase === 'saga' ? 0 : 1, change: 'missing' });
  return rows;
}

/** The backoff before attempt n: from the end of attempt n−1 (which scheduled the retry) to this start. */
function backoffBefore(span: SagaSpan, spans: readonly SagaSpan[]): WaterfallRow['backoff'] {
  if (!span.attempt || span.attempt < 2 || span.kind === 'server') return undefined;
  const before = span.attempt - 1;
  const prev = spans.find((s) => s.saga === span.saga && s.kind === span.kind && s.phase === span.phase && s.step === span.step && s.attempt === before);
  if (!prev?.events.some((e) => e.name === 'retry.scheduled')) return undefined;
  return { fromMs: prev.endMs, ms: span.startMs - prev.endMs };
}

const KIND_WORDS: Record<SagaSpan['kind'], string> = {
  internal: 'saga',
  client: 'call',
  server: 'handled',
  producer: 'publish',
  consumer: 'receive',
};

/** What the span is, in a few words: "call from the orchestrator", "handled by Payments". */
export function kindWords(span: SagaSpan): string {
  if (span.kind === 'internal') return `the whole saga, on the ${span.service}`;
  if (span.kind === 'client') return `call from the ${span.service}`;
  if (span.kind === 'server') return `handled by ${span.service}`;
  if (span.kind === 'producer') return `published by ${span.service}`;
  return `received by ${span.service}`;
}

/** A short tag for the row: "call", "handled", … */
export const kindTag = (span: SagaSpan): string => KIND_WORDS[span.kind];

/** Status in words, with the reason for an error. */
export function statusWords(span: SagaSpan): string {
  if (span.open) return 'still in flight';
  if (span.status === 'error') return `error: ${span.statusMessage ?? 'failed'}`;
  if (span.status === 'ok') return 'ok';
  return 'no status';
}

/** The marks a row carries besides its status (lost reply, dropped event, crash, retry, …). */
export function markWords(span: SagaSpan): string[] {
  const marks: string[] = [];
  if (attr(span, 'saga.response_lost') === true) marks.push('reply lost');
  if (span.events.some((e) => e.name === 'response.undelivered')) marks.push('reply undelivered (orchestrator down)');
  if (attr(span, 'saga.dropped') === true) marks.push('event dropped: no consumer');
  if (attr(span, 'saga.replayed') === true) marks.push('replayed (idempotency key)');
  for (const e of span.events) {
    if (e.name === 'orchestrator.crashed') marks.push(`orchestrator crashed at ${secs(e.atMs)}`);
    if (e.name === 'orchestrator.recovered') marks.push(`recovered at ${secs(e.atMs)}`);
    if (e.name === 'alert.raised') marks.push('alert raised');
  }
  return marks;
}

/** The change against the baseline, in words. */
export function changeWords(row: WaterfallRow): string | undefined {
  switch (row.change) {
    case 'extra':
      return 'extra: not in the baseline';
    case 'missing':
      return 'missing: only in the baseline';
    case 'slower':
    case 'faster':
      return `${row.change} than the baseline by ${secs(Math.abs(row.deltaMs ?? 0))}`;
    default:
      return undefined;
  }
}

/** The whole row in one sentence, for screen readers and the details box. */
export function describeRow(row: WaterfallRow): string {
  const s = row.span;
  const parts = [
    `${s.name}: ${kindWords(s)}`,
    s.attempt ? `attempt ${s.attempt}` : '',
    s.compensation ? 'compensation' : '',
    statusWords(s),
    `${secs(durationMs(s))} from ${secs(s.startMs)}`,
    row.backoff ? `after waiting ${secs(row.backoff.ms)}` : '',
    ...markWords(s),
    changeWords(row) ?? '',
  ];
  return parts.filter(Boolean).join('; ');
}

/** The longest finished call (client or consumer span), which the summary names. */
export function longestCall(spans: readonly SagaSpan[]): SagaSpan | undefined {
  let best: SagaSpan | undefined;
  for (const s of spans) if ((s.kind === 'client' || s.kind === 'consumer') && !s.open && (!best || durationMs(s) > durationMs(best))) best = s;
  return best;
}
