/**
 * The span model: a saga run seen the way an APM sees it. Spans are a pure function of the
 * run's trace, so every exporter (OTLP, Jaeger, Chrome trace) and the waterfall view read the
 * same spans. Ids are derived from the seed and the trace index of the event that opened the
 * span, and virtual time 0 is a fixed instant, so an export is byte-identical run to run.
 */

/** OpenTelemetry's span kinds, by name (each exporter encodes them its own way). */
export type SpanKind = 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/** Which part of a saga a span belongs to. */
export type SpanPhase = 'saga' | 'forward' | 'compensate' | 'confirm' | 'publish' | 'consume';

/** An attribute value, as OTLP can carry it. */
export type AttributeValue = string | number | boolean;

/** Attributes in a fixed order, so exports are stable. */
export type Attributes = [key: string, value: AttributeValue][];

/** Something that happened at an instant during a span: a lost reply, a crash, a retry being scheduled. */
export interface SpanEvent {
  name: string;
  /** Virtual ms. */
  atMs: number;
  attributes: Attributes;
  /** The trace index of the event this came from. */
  seq: number;
}

/** A causal link to another span (a compensation to the step it undoes, a consumer to its producer). */
export interface SpanLink {
  traceId: string;
  spanId: string;
  /** Why the spans are linked (`undoes`, `message`). */
  relation: string;
}

/** One span. */
export interface SagaSpan {
  /** 16 lowercase hex characters, never all zero. */
  spanId: string;
  /** 32 lowercase hex characters, never all zero; one trace per saga. */
  traceId: string;
  parentSpanId?: string;
  name: string;
  /** The service the span runs in: `orchestrator`, `shop`, or a service of the saga definition. */
  service: string;
  kind: SpanKind;
  phase: SpanPhase;
  saga: string;
  step?: string;
  attempt?: number;
  /** Whether the span is part of a compensation. */
  compensation: boolean;
  /** Virtual ms. */
  startMs: number;
  /** Virtual ms; equal to `startMs` for an instant (a service's local transaction takes no virtual time here). */
  endMs: number;
  /** True when the trace ends before the span does (playback cursor mid-run, or a saga stuck in flight). */
  open: boolean;
  status: 'unset' | 'ok' | 'error';
  /** Why the span failed, in words (`card declined for order o-1`, `no response within 2000 ms`). */
  statusMessage?: string;
  /** The `saga.*` attributes and a few OpenTelemetry semantic-convention ones, in a fixed order. */
  attributes: Attributes;
  events: SpanEvent[];
  links: SpanLink[];
  /** Trace index of the event that opened the span. */
  startSeq: number;
}

/** The steps of the run's saga definition, as far as spans need them. */
export interface SpanStepInfo {
  id: string;
  service: string;
  kind?: string;
}

/** What a span builder needs besides the trace. */
export interface SpanContext {
  seed: number;
  mode: 'orchestration' | 'choreography';
  steps: readonly SpanStepInfo[];
}

/** Virtual time 0: 2025-01-01T00:00:00Z, as Unix nanoseconds. Never the wall clock. */
export const EPOCH_UNIX_NANO = 1_735_689_600_000_000_000n;

/** Virtual ms → Unix nanoseconds as a decimal string (BigInt: ms × 10⁶ overflows a JS number). */
export function unixNano(ms: number): string {
  return (EPOCH_UNIX_NANO + BigInt(Math.round(ms * 1000)) * 1000n).toString();
}

/** Virtual ms → Unix microseconds (fits a JS number exactly until the year 2255). */
export function unixMicros(ms: number): number {
  return Number(EPOCH_UNIX_NANO / 1000n) + Math.round(ms * 1000);
}

const MASK64 = (1n << 64n) - 1n;

/** SplitMix64: a well-mixed 64-bit value from a 64-bit input. */
function mix64(x: bigint): bigint {
  let z = (x + 0x9e3779b97f4a7c15n) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

const hex16 = (v: bigint): string => (v === 0n ? 1n : v).toString(16).padStart(16, '0');

/** The span id for the span opened by trace event `seq` of a run with `seed`. */
export function spanIdFor(seed: number, seq: number, salt = 0): string {
  return hex16(mix64((BigInt(seed) << 32n) ^ (BigInt(seq) << 4n) ^ BigInt(salt)));
}

/** The trace id of a saga (`s-1`, …) in a run with `seed`. */
export function traceIdFor(seed: number, saga: string): string {
  let h = 0xcbf29ce484222325n;
  for (const ch of saga) h = ((h ^ BigInt(ch.codePointAt(0) ?? 0)) * 0x100000001b3n) & MASK64;
  const base = mix64(BigInt(seed) ^ h);
  return hex16(base) + hex16(mix64(base ^ 0x5a5a5a5an));
}

/** Reads an attribute by key. */
export function attr(span: Pick<SagaSpan, 'attributes'>, key: string): AttributeValue | undefined {
  return span.attributes.find(([k]) => k === key)?.[1];
}

/** Sets (or replaces) an attribute, keeping its first position. */
export function setAttr(span: Pick<SagaSpan, 'attributes'>, key: string, value: AttributeValue | undefined): void {
  if (value === undefined) return;
  const i = span.attributes.findIndex(([k]) => k === key);
  if (i >= 0) span.attributes[i] = [key, value];
  else span.attributes.push([key, value]);
}

/** Duration in virtual ms. */
export const durationMs = (span: Pick<SagaSpan, 'startMs' | 'endMs'>): number => span.endMs - span.startMs;
