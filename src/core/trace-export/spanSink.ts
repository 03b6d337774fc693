import type { TraceEvent } from '../types';
import { type Attributes, type SagaSpan, type SpanContext, type SpanEvent, type SpanPhase, setAttr, spanIdFor, traceIdFor } from './spanModel';

/**
 * Opening, closing and annotating spans, and each saga's bookkeeping while a trace is read.
 * {@link SpanBuilder} (buildSpans.ts) decides what each trace event means.
 */

export const PHASE_OF_PREFIX: Record<string, SpanPhase> = {
  step: 'forward',
  compensation: 'compensate',
  confirmation: 'confirm',
};
export const PHASE_OF_ACTION: Record<string, SpanPhase> = {
  forward: 'forward',
  compensate: 'compensate',
  confirm: 'confirm',
  // An operator's compensation done by hand: a compensation with no orchestrator call around it.
  operator: 'compensate',
};
export const TERMINAL = new Set(['saga.completed', 'saga.compensated', 'saga.needs-attention', 'saga.stuck']);

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The name of a call span: the step for a forward call, the action otherwise. */
export const callName = (phase: SpanPhase, step: string) => (phase === 'forward' ? step : `${phase} ${step}`);

/** Why a call failed, in words. */
export function failureMessage(e: TraceEvent): string {
  if (e.reason === 'timeout') return `no response within ${num(e.timeoutMs) ?? '?'} ms`;
  return str(e.reason) ?? `failed with status ${num(e.status) ?? '?'}`;
}

export interface SagaState {
  root: SagaSpan;
  /** Calls in flight (orchestration) or deliveries being handled (choreography), by `phase|step`. */
  open: Map<string, SagaSpan>;
  /** The last call span per `phase|step`, open or closed (retry events and late replies attach to it). */
  last: Map<string, SagaSpan>;
  /** The forward span that last succeeded per step: what a compensation undoes. */
  done: Map<string, SagaSpan>;
  /** The latest producer per topic. */
  producers: Map<string, SagaSpan>;
  /** The latest consumer span (choreography), which publishes what its handler publishes. */
  consumer?: SagaSpan;
}

/** The span store a builder writes to. */
export class SpanSink {
  protected readonly spans: SagaSpan[] = [];
  protected readonly sagas = new Map<string, SagaState>();
  protected readonly serviceOf: Map<string, string>;
  protected readonly kindOf: Map<string, string>;

  constructor(protected readonly ctx: SpanContext) {
    this.serviceOf = new Map(ctx.steps.map((s) => [s.id, s.service]));
    this.kindOf = new Map(ctx.steps.flatMap((s) => (s.kind ? [[s.id, s.kind] as const] : [])));
  }

  protected service(step: string | undefined): string {
    return (step && this.serviceOf.get(step)) ?? step ?? 'unknown';
  }

  protected open(
    e: TraceEvent,
    fields: Omit<SagaSpan, 'spanId' | 'traceId' | 'startMs' | 'endMs' | 'open' | 'status' | 'events' | 'links' | 'startSeq' | 'saga'>,
  ): SagaSpan {
    const span: SagaSpan = {
      spanId: spanIdFor(this.ctx.seed, e.seq),
      traceId: traceIdFor(this.ctx.seed, e.saga),
      saga: e.saga,
      startMs: e.at,
      endMs: e.at,
      open: true,
      status: 'unset',
      events: [],
      links: [],
      startSeq: e.seq,
      ...fields,
    };
    this.spans.push(span);
    return span;
  }

  protected close(span: SagaSpan, e: TraceEvent, status: 'ok' | 'error' | 'unset', message?: string): void {
    span.endMs = Math.max(span.startMs, e.at);
    span.open = false;
    span.status = status;
    if (message !== undefined) span.statusMessage = message;
    const root = this.sagas.get(span.saga)?.root;
    if (root && root !== span) root.endMs = Math.max(root.endMs, span.endMs);
  }

  protected event(span: SagaSpan, e: TraceEvent, name: string, attributes: Attributes = []): SpanEvent {
    const ev = { name, atMs: e.at, attributes, seq: e.seq };
    span.events.push(ev);
    return ev;
  }

  protected sagaOf(e: TraceEvent): SagaState {
    let s = this.sagas.get(e.saga);
    if (!s) {
      // The first event of a saga opens its root, even when the trace starts mid-saga.
      const orchestrated = this.ctx.mode === 'orchestration';
      const root = this.open(e, {
        name: `saga ${e.saga}`,
        service: orchestrated ? 'orchestrator' : 'shop',
        kind: 'internal',
        phase: 'saga',
        compensation: false,
        attributes: [['saga.id', e.saga]],
      });
      setAttr(root, 'saga.order_id', str(e.orderId));
      setAttr(root, 'saga.mode', this.ctx.mode);
      s = {
        root,
        open: new Map(),
        last: new Map(),
        done: new Map(),
        producers: new Map(),
      };
      this.sagas.set(e.saga, s);
    }
    return s;
  }
}
