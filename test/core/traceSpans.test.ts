import { describe, expect, it } from 'vitest';
import { runScenario, type TraceEvent } from '../../src/core';
import { attr, buildSpans, diffSpans, type SagaSpan, spansOfRun } from '../../src/core/trace-export';

const find = (spans: SagaSpan[], pred: (s: SagaSpan) => boolean) => spans.filter(pred);

describe('spans of an orchestrated saga', () => {
  const spans = spansOfRun(runScenario({ failAt: 'payment', lostResponses: { order: 1 } }));

  it('has one root per saga, a client span per attempt with the service’s server span inside it', () => {
    const [root] = spans;
    expect(root).toMatchObject({ kind: 'internal', service: 'orchestrator', status: 'error', statusMessage: 'saga compensated' });
    expect(attr(root, 'saga.outcome')).toBe('compensated');
    const orders = find(spans, (s) => s.kind === 'client' && s.step === 'order' && s.phase === 'forward');
    expect(orders.map((s) => [s.attempt, s.status, s.statusMessage])).toEqual([
      [1, 'error', 'no response within 2000 ms'],
      [2, 'ok', undefined],
    ]);
    for (const server of find(spans, (s) => s.kind === 'server')) {
      const client = spans.find((s) => s.spanId === server.parentSpanId) as SagaSpan;
      expect(client.kind).toBe('client');
      expect(server.startMs).toBeGreaterThanOrEqual(client.startMs);
      expect(server.endMs).toBeLessThanOrEqual(client.endMs);
    }
  });

  it('shows the lost reply on the server span and the backoff as the gap before the next attempt', () => {
    const [first, second] = find(spans, (s) => s.kind === 'client' && s.step === 'order' && s.phase === 'forward');
    const retry = first.events.find((e) => e.name === 'retry.scheduled');
    expect(retry?.attributes).toEqual([
      ['saga.attempt', 2],
      ['saga.backoff_ms', 1000],
    ]);
    expect(second.startMs - first.endMs).toBe(1000);
    const lost = spans.find((s) => s.kind === 'server' && s.step === 'order' && s.attempt === 1) as SagaSpan;
    expect(lost.events.map((e) => e.name)).toEqual(['response.lost']);
    expect(attr(second, 'saga.idempotency_key')).toBe('s-1:order:forward');
  });

  it('links each compensation to the forward call it undoes', () => {
    const comps = find(spans, (s) => s.kind === 'client' && s.compensation);
    expect(comps.map((s) => s.step)).toEqual(['order', 'inventory']);
    for (const c of comps) {
      const undone = spans.find((s) => s.spanId === c.links[0].spanId) as SagaSpan;
      expect(undone).toMatchObject({ step: c.step, phase: 'forward', status: 'ok' });
    }
  });
});

describe('spans of other runs', () => {
  it('marks a dropped event as a producer nobody consumes', () => {
    const spans = spansOfRun(runScenario({ mode: 'choreography', dropEvent: 'payment' }));
    const dropped = spans.find((s) => attr(s, 'saga.dropped') === true) as SagaSpan;
    expect(dropped).toMatchObject({ kind: 'producer', service: 'Payments', name: 'publish PaymentCharged' });
    expect(spans.some((s) => s.links.some((l) => l.spanId === dropped.spanId))).toBe(false);
    // Every other producer has its consumer.
    for (const p of find(spans, (s) => s.kind === 'producer' && s !== dropped))
      expect(spans.some((s) => s.links.some((l) => l.spanId === p.spanId))).toBe(true);
  });

  it('records a crash and the recovery on the root, ending the call that was in flight', () => {
    const spans = spansOfRun(runScenario({ crash: { step: 'payment', when: 'after-commit' } }));
    expect(spans[0].events.map((e) => e.name)).toEqual(['orchestrator.crashed', 'orchestrator.recovered']);
    const cut = spans.find((s) => s.kind === 'client' && s.step === 'payment' && s.attempt === 1) as SagaSpan;
    expect(cut).toMatchObject({ status: 'error', statusMessage: 'the orchestrator crashed before the reply arrived', open: false });
    expect(spans.find((s) => s.kind === 'server' && s.step === 'payment' && s.attempt === 1)?.events.map((e) => e.name)).toEqual(['response.undelivered']);
  });

  it('builds open spans from a prefix of the trace, with the ids they have in the whole run', () => {
    const run = runScenario({ failAt: 'delivery' });
    const whole = spansOfRun(run);
    const cursor = run.trace.findIndex((e) => e.type === 'step.started' && e.step === 'payment') + 1;
    const part = spansOfRun(run, cursor);
    const open = part.filter((s) => s.open);
    expect(open.map((s) => s.name)).toEqual(['saga s-1', 'payment']);
    for (const s of part) expect(whole.map((w) => w.spanId)).toContain(s.spanId);
  });

  it('treats an unknown step as a plain string and ignores unknown event types', () => {
    const spans = buildSpans(
      [
        { seq: 0, at: 0, saga: 's-1', type: 'saga.started' },
        { seq: 1, at: 0, saga: 's-1', type: 'step.started', step: 'book-hotel', attempt: 1 },
        { seq: 2, at: 5, saga: 's-1', type: 'something.new', step: 'book-hotel' },
        { seq: 3, at: 9, saga: 's-1', type: 'request.handled', step: 'book-hotel', action: 'forward', attempt: 1, status: 200, ok: true },
        { seq: 4, at: 12, saga: 's-1', type: 'step.succeeded', step: 'book-hotel', attempt: 1 },
        { seq: 5, at: 12, saga: 's-1', type: 'saga.completed' },
        // A step of another saga definition: today's StepId type only names the order saga's steps.
      ] as unknown as TraceEvent[],
      { seed: 1, mode: 'orchestration', steps: [] },
    );
    expect(spans.map((s) => [s.kind, s.service, s.name, s.startMs, s.endMs, s.status])).toEqual([
      ['internal', 'orchestrator', 'saga s-1', 0, 12, 'ok'],
      ['client', 'orchestrator', 'book-hotel', 0, 12, 'ok'],
      ['server', 'book-hotel', 'book-hotel', 9, 9, 'ok'],
    ]);
  });
});

describe('spans of other saga definitions', () => {
  it('name services after the run’s definition (the trip saga)', () => {
    const spans = spansOfRun(runScenario({ definition: 'trip', failAt: 'car' }));
    expect(spans.filter((s) => s.kind === 'server').map((s) => `${s.service}: ${s.name}`)).toEqual([
      'Flights: flight',
      'Hotels: hotel',
      'Cars: car',
      'Hotels: compensate hotel',
      'Flights: compensate flight',
    ]);
  });

  it('starts a slow service’s span when the request arrived, when the trace says so', () => {
    const spans = buildSpans(
      [
        { seq: 0, at: 0, saga: 's-1', type: 'saga.started' },
        { seq: 1, at: 0, saga: 's-1', type: 'step.started', step: 'payment', attempt: 1 },
        { seq: 2, at: 2600, saga: 's-1', type: 'request.handled', step: 'payment', action: 'forward', attempt: 1, status: 200, ok: true, receivedAt: 100 },
      ] as unknown as TraceEvent[],
      { seed: 1, mode: 'orchestration', steps: [{ id: 'payment', service: 'Payments' }] },
    );
    expect(spans[2]).toMatchObject({ kind: 'server', service: 'Payments', startMs: 100, endMs: 2600 });
  });
});

describe('diff against a baseline', () => {
  it('marks what the failure added, what it removed, and what it cost', () => {
    const baseline = spansOfRun(runScenario({}));
    const failed = spansOfRun(runScenario({ failAt: 'payment', lostResponses: { order: 1 } }));
    const diff = diffSpans(failed, baseline);
    const extra = diff.spans.filter((d) => d.change === 'extra').map((d) => `${d.span.kind} ${d.span.name} #${d.span.attempt ?? ''}`);
    expect(extra).toContain('client order #2');
    expect(extra).toContain('client compensate inventory #1');
    expect(diff.missing.map((s) => s.name)).toContain('delivery');
    const firstOrder = diff.spans.find((d) => d.span.kind === 'client' && d.span.step === 'order' && d.span.attempt === 1);
    expect(firstOrder?.change).toBe('slower');
    expect(firstOrder?.deltaMs).toBeGreaterThan(1800);
    expect(diff.totalDeltaMs).toBe(failed[0].endMs - baseline[0].endMs);
  });

  it('finds nothing to mark between a run and itself', () => {
    const spans = spansOfRun(runScenario({ failAt: 'warehouse' }));
    const diff = diffSpans(spans, spans);
    expect(diff.spans.every((d) => d.change === 'same' && d.deltaMs === 0)).toBe(true);
    expect(diff.missing).toEqual([]);
  });
});
