import type { TraceEvent } from '../types';
import { type SagaSpan, type SpanContext, type SpanPhase, setAttr } from './spanModel';
import { callName, failureMessage, num, PHASE_OF_ACTION, PHASE_OF_PREFIX, type SagaState, SpanSink, str, TERMINAL } from './spanSink';

/**
 * Builds the spans of a trace (or of a prefix of it: spans still in flight come out `open`).
 *
 * - one root span per saga (`internal`, on the orchestrator, or on the shop in a choreography);
 * - orchestration: a `client` span on the orchestrator per call attempt (forward, compensation,
 *   confirmation), with the service's `server` span inside it; a compensation links to the
 *   forward span it undoes; retries are separate attempts, the backoff a gap between them;
 * - choreography: a `producer` span per published event on the publishing service, a
 *   `consumer` span per delivery on the subscriber, linked to its producer. A dropped event is a
 *   producer nobody consumes;
 * - lost and undelivered replies, crashes, recoveries, alerts and operator actions are span events.
 *
 * Unknown event types are ignored and unknown step ids are treated as plain strings, so the
 * builder keeps working as the trace vocabulary grows.
 */
export function buildSpans(trace: readonly TraceEvent[], ctx: SpanContext): SagaSpan[] {
  return new SpanBuilder(ctx).run(trace);
}

class SpanBuilder extends SpanSink {
  run(trace: readonly TraceEvent[]): SagaSpan[] {
    for (const e of trace) if (e.saga !== 'system' && e.type !== 'db.changed') this.on(e);
    const endMs = trace.length > 0 ? trace[trace.length - 1].at : 0;
    // Whatever is still in flight where the trace stops is shown up to there, marked open.
    for (const span of this.spans) {
      if (span.open) span.endMs = Math.max(span.startMs, endMs);
    }
    return this.spans;
  }

  private on(e: TraceEvent): void {
    const s = this.sagaOf(e);
    const step = str(e.step);
    const [prefix, verb] = e.type.split('.', 2);
    const phase = PHASE_OF_PREFIX[prefix];
    if (phase && step && verb) {
      this.onCall(s, e, phase, step, verb);
      return;
    }
    switch (e.type) {
      case 'request.handled':
        this.onRequest(s, e, step);
        return;
      case 'response.lost':
      case 'response.undelivered': {
        // Orchestration: the service's span; choreography: the delivery whose acknowledgement was lost.
        const target = this.serverSpan(step, num(e.attempt), e.saga) ?? this.lastConsumer(step, e.saga) ?? s.root;
        this.event(target, e, e.type, [
          ['saga.step', step ?? ''],
          ['saga.attempt', num(e.attempt) ?? 0],
        ]);
        if (e.type === 'response.lost') setAttr(target, 'saga.response_lost', true);
        return;
      }
      case 'event.published':
        this.onPublished(s, e, step);
        return;
      case 'event.dropped': {
        const producer = s.producers.get(str(e.topic) ?? '');
        if (!producer) return;
        setAttr(producer, 'saga.dropped', true);
        this.event(producer, e, 'event.dropped', [['messaging.destination.name', str(e.topic) ?? '']]);
        return;
      }
      case 'event.delivered':
        this.onDelivered(s, e, step);
        return;
      case 'orchestrator.crashed':
        this.event(s.root, e, e.type, [
          ['saga.step', step ?? ''],
          ['saga.crash.when', str(e.when) ?? ''],
        ]);
        for (const [key, span] of s.open) {
          this.close(
            span,
            e,
            'error',
            e.when === 'before-call' ? 'the orchestrator crashed before sending the request' : 'the orchestrator crashed before the reply arrived',
          );
          s.open.delete(key);
        }
        return;
      case 'orchestrator.recovered':
        this.event(s.root, e, e.type, [
          ['saga.recovery.phase', str(e.phase) ?? ''],
          ['saga.recovery.log_rows', num(e.logRows) ?? 0],
        ]);
        return;
      case 'saga.abandoned':
      case 'saga.compensating':
        this.event(s.root, e, e.type, [
          ['saga.failed_step', str(e.failedStep) ?? ''],
          ['saga.reason', str(e.reason) ?? ''],
        ]);
        return;
      case 'alert.raised':
        this.event(s.root, e, e.type, [
          ['saga.step', step ?? ''],
          ['saga.alert', str(e.message) ?? ''],
        ]);
        return;
      case 'operator.retried':
      case 'operator.resolved':
      case 'step.uncertain':
        this.event(s.root, e, e.type, step ? [['saga.step', step]] : []);
        return;
      default:
        if (TERMINAL.has(e.type)) this.onTerminal(s, e);
    }
  }

  /** `step|compensation|confirmation` . `started|succeeded|failed|retrying|deduplicated`. */
  private onCall(s: SagaState, e: TraceEvent, phase: SpanPhase, step: string, verb: string): void {
    const key = `${phase}|${step}`;
    const attempt = num(e.attempt);
    const choreography = this.ctx.mode === 'choreography';
    if (verb === 'started') {
      if (choreography && s.consumer?.open && s.consumer.step === step) {
        // The delivery being handled turns out to be this step's work.
        this.describeCall(s, s.consumer, phase, step, attempt, e);
        s.open.set(key, s.consumer);
        s.last.set(key, s.consumer);
        return;
      }
      const span = this.open(e, {
        name: callName(phase, step),
        service: 'orchestrator',
        kind: 'client',
        phase,
        compensation: false,
        attributes: [['saga.id', e.saga]],
      });
      span.parentSpanId = s.root.spanId;
      this.describeCall(s, span, phase, step, attempt, e);
      s.open.set(key, span);
      s.last.set(key, span);
      return;
    }
    const span = s.open.get(key);
    if (verb === 'succeeded' || verb === 'failed') {
      if (!span) return;
      s.open.delete(key);
      if (verb === 'succeeded') {
        if (e.replayed === true) setAttr(span, 'saga.replayed', true);
        this.close(span, e, 'ok');
        if (phase === 'forward') s.done.set(step, span);
      } else {
        setAttr(span, 'saga.failure', e.reason === 'timeout' ? 'timeout' : e.business === true ? 'business' : 'transient');
        if (num(e.status)) setAttr(span, 'http.response.status_code', num(e.status));
        this.close(span, e, 'error', failureMessage(e));
      }
      return;
    }
    if (verb === 'retrying') {
      const last = s.last.get(key);
      if (last)
        this.event(last, e, 'retry.scheduled', [
          ['saga.attempt', attempt ?? 0],
          ['saga.backoff_ms', num(e.delayMs) ?? 0],
        ]);
    }
  }

  private describeCall(s: SagaState, span: SagaSpan, phase: SpanPhase, step: string, attempt: number | undefined, e: TraceEvent): void {
    span.phase = phase;
    span.step = step;
    span.attempt = attempt;
    span.compensation = phase === 'compensate';
    setAttr(span, 'saga.step', step);
    setAttr(span, 'saga.step.kind', str(e.kind) ?? this.kindOf.get(step));
    setAttr(span, 'saga.attempt', attempt);
    setAttr(span, 'saga.compensation', span.compensation);
    setAttr(span, 'saga.idempotency_key', str(e.key));
    if (phase === 'compensate') {
      const undone = s.done.get(step);
      if (undone)
        span.links.push({
          traceId: undone.traceId,
          spanId: undone.spanId,
          relation: 'undoes',
        });
    }
  }

  private onRequest(s: SagaState, e: TraceEvent, step: string | undefined): void {
    const phase = PHASE_OF_ACTION[str(e.action) ?? ''] ?? 'forward';
    const attempt = num(e.attempt);
    const byHand = e.action === 'operator';
    const client = byHand ? undefined : s.last.get(`${phase}|${step}`);
    const span = this.open(e, {
      name: byHand ? `compensate ${step ?? 'unknown'} by hand` : callName(phase, step ?? 'unknown'),
      service: this.service(step),
      kind: 'server',
      phase,
      step,
      attempt,
      compensation: phase === 'compensate',
      attributes: [['saga.id', e.saga]],
    });
    span.parentSpanId = client && client.attempt === attempt ? client.spanId : s.root.spanId;
    setAttr(span, 'saga.step', step);
    setAttr(span, 'saga.step.kind', step ? this.kindOf.get(step) : undefined);
    setAttr(span, 'saga.attempt', attempt);
    setAttr(span, 'saga.compensation', span.compensation);
    setAttr(span, 'saga.idempotency_key', str(e.key));
    if (e.replayed === true) setAttr(span, 'saga.replayed', true);
    setAttr(span, 'http.response.status_code', num(e.status));
    // The key travels with the request even when the orchestrator's event did not name it.
    if (client && client.attempt === attempt) setAttr(client, 'saga.idempotency_key', str(e.key));
    // A slow service's span starts when the request arrived, if the trace says when (`receivedAt`).
    const received = num(e.receivedAt);
    if (received !== undefined && received <= e.at) span.startMs = received;
    this.close(span, e, e.ok === true ? 'ok' : 'error', e.ok === true ? undefined : `answered ${num(e.status) ?? 'an error'}`);
  }

  private serverSpan(step: string | undefined, attempt: number | undefined, saga: string): SagaSpan | undefined {
    for (let i = this.spans.length - 1; i >= 0; i--) {
      const sp = this.spans[i];
      if (sp.kind === 'server' && sp.saga === saga && sp.step === step && sp.attempt === attempt) return sp;
    }
    return undefined;
  }

  private lastConsumer(step: string | undefined, saga: string): SagaSpan | undefined {
    for (let i = this.spans.length - 1; i >= 0; i--) {
      const sp = this.spans[i];
      if (sp.kind === 'consumer' && sp.saga === saga && sp.step === step) return sp;
    }
    return undefined;
  }

  private onPublished(s: SagaState, e: TraceEvent, step: string | undefined): void {
    const topic = str(e.topic) ?? 'event';
    const from = str(e.from);
    const consumer = s.consumer && s.consumer.step === step && s.consumer.endMs === e.at ? s.consumer : undefined;
    const span = this.open(e, {
      name: `publish ${topic}`,
      service: from === 'shop' ? 'shop' : this.service(step),
      kind: 'producer',
      phase: 'publish',
      step,
      compensation: consumer?.compensation ?? false,
      attributes: [['saga.id', e.saga]],
    });
    span.parentSpanId = (consumer ?? s.root).spanId;
    setAttr(span, 'saga.step', step);
    setAttr(span, 'saga.compensation', span.compensation);
    setAttr(span, 'messaging.destination.name', topic);
    setAttr(span, 'messaging.operation.type', 'publish');
    s.producers.set(topic, span);
    this.close(span, e, 'ok');
  }

  private onDelivered(s: SagaState, e: TraceEvent, step: string | undefined): void {
    const topic = str(e.topic) ?? 'event';
    if (s.consumer?.open) this.close(s.consumer, { ...e, at: s.consumer.startMs }, 'unset');
    const span = this.open(e, {
      name: `process ${topic}`,
      service: this.service(step),
      kind: 'consumer',
      phase: 'consume',
      step,
      compensation: false,
      attributes: [['saga.id', e.saga]],
    });
    span.parentSpanId = s.root.spanId;
    setAttr(span, 'saga.step', step);
    setAttr(span, 'messaging.destination.name', topic);
    setAttr(span, 'messaging.operation.type', 'process');
    const producer = s.producers.get(topic);
    if (producer)
      span.links.push({
        traceId: producer.traceId,
        spanId: producer.spanId,
        relation: 'message',
      });
    s.consumer = span;
  }

  private onTerminal(s: SagaState, e: TraceEvent): void {
    const outcome = e.type.slice('saga.'.length);
    // A delivery that did nothing (nothing to compensate) ends where it began.
    if (s.consumer?.open) this.close(s.consumer, { ...e, at: s.consumer.startMs }, 'unset');
    setAttr(s.root, 'saga.outcome', outcome);
    this.close(s.root, e, outcome === 'completed' ? 'ok' : 'error', outcome === 'completed' ? undefined : `saga ${outcome}`);
    // An operator can move a saga on after needs-attention: its root stays extendable.
    s.root.endMs = Math.max(s.root.endMs, e.at);
  }
}
