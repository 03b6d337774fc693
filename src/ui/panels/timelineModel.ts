import type { SagaStep, StepId, TraceEvent } from '../../core';
import { buyerOf, secs, serviceOf } from './labels';

/** A swimlane: the orchestrator (the event bus in choreography) or one service. */
export type Lane = 'hub' | StepId;
/** What a call is for. */
export type Phase = 'forward' | 'compensation' | 'confirmation';

/** One request from the orchestrator to a service and what became of its response. */
export interface CallMark {
  kind: 'call';
  key: string;
  seq: number;
  saga: string;
  step: StepId;
  phase: Phase;
  attempt: number;
  sentAt: number;
  arrivedAt?: number;
  status?: number;
  replayed: boolean;
  /** The orchestrator heard the answer at this time (success or error). */
  answeredAt?: number;
  answer?: 'ok' | 'error';
  business?: boolean;
  lostAt?: number;
  timedOutAt?: number;
  timeoutMs?: number;
  /** The orchestrator crashed before sending this request. */
  unsent?: boolean;
  /** The answer arrived while the orchestrator was down. */
  undeliveredAt?: number;
}

/** A retry's wait: from the failure to the next attempt. */
export interface BackoffMark {
  kind: 'backoff';
  key: string;
  seq: number;
  saga: string;
  lane: Lane;
  step: StepId;
  phase: Phase;
  from: number;
  delayMs: number;
  nextAttempt: number;
  maxAttempts: number;
}

/** Choreography: an event from a publisher to a subscriber (or dropped, or unheard). */
export interface EventMark {
  kind: 'event';
  key: string;
  seq: number;
  saga: string;
  topic: string;
  from: Lane;
  to?: Lane;
  publishedAt: number;
  deliveredAt?: number;
  dropped: boolean;
  tone: 'forward' | 'compensation' | 'failure';
}

/** A moment on one lane: an alert, an outcome, a local success or failure. */
export interface PointMark {
  kind: 'point';
  key: string;
  seq: number;
  saga: string;
  lane: Lane;
  at: number;
  icon: string;
  label: string;
  tone: 'ok' | 'fail' | 'comp' | 'warn' | 'neutral';
}

/** The orchestrator was down from its crash to its recovery. */
export interface DownMark {
  kind: 'down';
  key: string;
  seq: number;
  saga: string;
  from: number;
  to?: number;
}

export type TimelineMark = CallMark | BackoffMark | EventMark | PointMark | DownMark;

const PHASE_OF: Record<string, Phase> = { step: 'forward', compensation: 'compensation', confirmation: 'confirmation' };
const ACTION_PHASE: Record<string, Phase> = { forward: 'forward', compensate: 'compensation', confirm: 'confirmation' };

/**
 * The marks the timeline draws for the revealed trace. Calls are matched by saga, step, phase
 * and attempt: `*.started` → `request.handled` → `*.succeeded` / `*.failed` / `response.lost`.
 */
export function timelineMarks(events: readonly TraceEvent[], steps: readonly SagaStep[], mode: 'orchestration' | 'choreography'): TimelineMark[] {
  const marks: TimelineMark[] = [];
  const calls = new Map<string, CallMark>();
  const latestCall = new Map<string, CallMark>();
  const openPublications: EventMark[] = [];
  const downs = new Map<string, DownMark>();
  const toneOfTopic = (topic: string): EventMark['tone'] => {
    if (steps.some((s) => s.events.compensated === topic)) return 'compensation';
    if (steps.some((s) => s.events.failed === topic)) return 'failure';
    return 'forward';
  };
  const point = (e: TraceEvent, lane: Lane, icon: string, label: string, tone: PointMark['tone']) =>
    marks.push({ kind: 'point', key: `p${e.seq}`, seq: e.seq, saga: e.saga, lane, at: e.at, icon, label, tone });
  const callOf = (e: TraceEvent, phase: Phase) => calls.get(`${e.saga}|${phase}|${e.step}|${e.attempt}`);

  for (const e of events) {
    const [prefix, verb] = e.type.split('.');
    const phase = PHASE_OF[prefix];
    const step = e.step as StepId;
    if (mode === 'orchestration' && phase && verb === 'started') {
      const call: CallMark = { kind: 'call', key: `c${e.seq}`, seq: e.seq, saga: e.saga, step, phase, attempt: Number(e.attempt) || 1, sentAt: e.at, replayed: false };
      calls.set(`${e.saga}|${phase}|${step}|${call.attempt}`, call);
      latestCall.set(e.saga, call);
      marks.push(call);
      continue;
    }
    if (mode === 'orchestration' && phase && (verb === 'succeeded' || verb === 'failed')) {
      const call = callOf(e, phase);
      if (call && e.reason === 'timeout') {
        call.timedOutAt = e.at;
        call.timeoutMs = Number(e.timeoutMs) || e.at - call.sentAt;
      } else if (call) {
        call.answeredAt = e.at;
        call.answer = verb === 'succeeded' ? 'ok' : 'error';
        call.business = e.business === true;
        if (e.status !== undefined) call.status = Number(e.status);
        if (e.replayed) call.replayed = true;
      }
      continue;
    }
    if (phase && verb === 'retrying') {
      marks.push({
        kind: 'backoff',
        key: `b${e.seq}`,
        seq: e.seq,
        saga: e.saga,
        lane: mode === 'orchestration' ? 'hub' : step,
        step,
        phase,
        from: e.at,
        delayMs: Number(e.delayMs) || 0,
        nextAttempt: Number(e.attempt),
        maxAttempts: Number(e.maxAttempts),
      });
      continue;
    }
    switch (e.type) {
      case 'request.handled': {
        const call = calls.get(`${e.saga}|${ACTION_PHASE[String(e.action)]}|${step}|${e.attempt}`);
        if (call) {
          call.arrivedAt = e.at;
          call.status = Number(e.status);
          if (e.replayed) call.replayed = true;
        }
        break;
      }
      case 'step.deduplicated':
      case 'compensation.deduplicated':
      case 'confirmation.deduplicated': {
        const call = callOf(e, PHASE_OF[prefix]);
        if (call) call.replayed = true;
        break;
      }
      case 'response.lost': {
        const call = calls.get(`${e.saga}|${ACTION_PHASE[String(e.action)]}|${step}|${e.attempt}`);
        if (call) call.lostAt = e.at;
        break;
      }
      case 'response.undelivered': {
        const call = [...calls.values()].reverse().find((c) => c.saga === e.saga && c.step === step && c.attempt === Number(e.attempt));
        if (call) call.undeliveredAt = e.at;
        break;
      }
      case 'orchestrator.crashed': {
        const call = latestCall.get(e.saga);
        if (call && e.when === 'before-call' && call.arrivedAt === undefined) call.unsent = true;
        const down: DownMark = { kind: 'down', key: `d${e.seq}`, seq: e.seq, saga: e.saga, from: e.at };
        downs.set(e.saga, down);
        marks.push(down);
        break;
      }
      case 'orchestrator.recovered': {
        const down = downs.get(e.saga);
        if (down) down.to = e.at;
        point(e, 'hub', '↻', 'recovered from log', 'ok');
        break;
      }
      case 'event.published': {
        const from: Lane = e.from === 'shop' || !e.step ? 'hub' : step;
        const mark: EventMark = { kind: 'event', key: `e${e.seq}`, seq: e.seq, saga: e.saga, topic: String(e.topic), from, publishedAt: e.at, dropped: false, tone: toneOfTopic(String(e.topic)) };
        openPublications.push(mark);
        marks.push(mark);
        break;
      }
      case 'event.delivered': {
        const mark = openPublications.find((p) => p.saga === e.saga && p.topic === e.topic && !p.dropped && p.to === undefined);
        if (mark) {
          mark.to = step;
          mark.deliveredAt = e.at;
        }
        break;
      }
      case 'event.dropped': {
        const mark = [...openPublications].reverse().find((p) => p.saga === e.saga && p.topic === e.topic);
        if (mark) mark.dropped = true;
        break;
      }
      case 'step.succeeded':
        point(e, step, '✓', 'done', 'ok');
        break;
      case 'step.failed':
        point(e, step, '✗', e.business ? 'refused' : 'failed', 'fail');
        break;
      case 'compensation.succeeded':
        point(e, step, '↩', 'undone', 'comp');
        break;
      case 'compensation.failed':
        point(e, step, '✗', `undo failed${e.status ? ` ${e.status}` : ''}`, 'fail');
        break;
      case 'saga.compensating':
        point(e, 'hub', '↩', 'compensate', 'comp');
        break;
      case 'alert.raised':
        point(e, mode === 'orchestration' ? 'hub' : step, '⚠', 'alert', 'warn');
        break;
      case 'operator.retried':
        point(e, 'hub', '↻', 'operator retry', 'comp');
        break;
      case 'operator.resolved':
        point(e, 'hub', '✓', 'operator resolved', 'comp');
        break;
      case 'saga.completed':
        point(e, 'hub', '✓', 'completed', 'ok');
        break;
      case 'saga.compensated':
        point(e, 'hub', '↩', 'compensated', 'comp');
        break;
      case 'saga.needs-attention':
        point(e, 'hub', '⚠', 'needs attention', 'warn');
        break;
      case 'saga.stuck':
        point(e, 'hub', '⚠', 'stuck', 'warn');
        break;
    }
  }
  return marks;
}

/** Plain words for one mark, for the text alternative of the chart. */
export function describeMark(mark: TimelineMark, buyers: number, hubName: string, steps?: readonly SagaStep[]): string {
  const who = buyers > 1 ? `Buyer ${buyerOf(mark.saga)}: ` : '';
  switch (mark.kind) {
    case 'call': {
      const svc = serviceOf(mark.step, steps);
      const what = mark.phase === 'compensation' ? '↩ compensation call' : mark.phase === 'confirmation' ? 'confirmation call' : 'call';
      const parts = [`${secs(mark.sentAt)}: ${who}${what} to ${svc}, attempt #${mark.attempt}`];
      if (mark.unsent) parts.push('never sent — the orchestrator crashed');
      if (mark.arrivedAt !== undefined) parts.push(`handled at ${secs(mark.arrivedAt)} (${mark.status}${mark.replayed ? ', replayed' : ''})`);
      if (mark.lostAt !== undefined) parts.push('response lost');
      if (mark.undeliveredAt !== undefined) parts.push('response undelivered: the orchestrator is down');
      if (mark.timedOutAt !== undefined) parts.push(`timeout after ${secs(mark.timeoutMs ?? 0)}`);
      if (mark.answeredAt !== undefined) parts.push(mark.answer === 'ok' ? `✓ answer heard at ${secs(mark.answeredAt)}` : `✗ failed at ${secs(mark.answeredAt)}`);
      else if (mark.arrivedAt === undefined && !mark.unsent && mark.timedOutAt === undefined) parts.push('in flight');
      return parts.join('; ');
    }
    case 'backoff':
      return `${secs(mark.from)}: ${who}backoff ${secs(mark.delayMs)} before ${mark.phase === 'compensation' ? 'compensation ' : ''}attempt #${mark.nextAttempt} at ${serviceOf(mark.step, steps)}`;
    case 'event': {
      const head = `${secs(mark.publishedAt)}: ${who}${mark.from === 'hub' ? 'the shop' : serviceOf(mark.from, steps)} publishes ${mark.topic}`;
      if (mark.dropped) return `${head}; ✕ dropped — nobody receives it`;
      if (mark.to) return `${head}; ${serviceOf(mark.to, steps)} receives it at ${secs(mark.deliveredAt ?? mark.publishedAt)}`;
      return `${head}; no subscriber receives it`;
    }
    case 'point':
      return `${secs(mark.at)}: ${who}${mark.icon} ${mark.label}${mark.lane === 'hub' ? '' : ` at ${serviceOf(mark.lane, steps)}`}`;
    case 'down':
      return `${secs(mark.from)}: ${who}✕ ${hubName} crashed${mark.to !== undefined ? `; down until ${secs(mark.to)}` : '; still down'}`;
  }
}
