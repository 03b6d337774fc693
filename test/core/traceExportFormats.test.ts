import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario } from '../../src/core';
import { type ChromeTraceEvent, exportTrace, type SagaSpan, spansOfRun, toChromeTrace, toJaeger, toOtlp } from '../../src/core/trace-export';

const SCENARIOS: Partial<Scenario>[] = [
  { failAt: 'payment', lostResponses: { order: 1 } },
  { mode: 'choreography', dropEvent: 'payment' },
  { mode: 'choreography', failAt: 'warehouse', compensationFailures: { order: 1 } },
  { crash: { step: 'payment', when: 'after-commit' }, compensationFailures: { inventory: 'always' }, failAt: 'delivery' },
  { buyers: 2, semanticLock: false, seed: 3 },
];

// The OpenTelemetry SDK's SpanKind is 0-based (INTERNAL = 0); the OTLP wire enum is that plus one.
const SDK_KIND: Record<SagaSpan['kind'], number> = { internal: 0, server: 1, client: 2, producer: 3, consumer: 4 };
const SDK_STATUS: Record<SagaSpan['status'], number> = { unset: 0, ok: 1, error: 2 };

/** The same virtual ms as an SDK HrTime, computed without BigInt: [Unix seconds, nanoseconds]. */
const hrTime = (ms: number): [number, number] => [1_735_689_600 + Math.floor(ms / 1000), (ms % 1000) * 1_000_000];

/** Our spans as the OpenTelemetry SDK would hold them, one Resource object per service. */
function asReadableSpans(spans: SagaSpan[]): ReadableSpan[] {
  const resources = new Map<string, { attributes: Record<string, string> }>();
  return spans.map((s) => {
    if (!resources.has(s.service)) resources.set(s.service, { attributes: { 'service.name': s.service } });
    return {
      name: s.name,
      kind: SDK_KIND[s.kind],
      spanContext: () => ({ traceId: s.traceId, spanId: s.spanId, traceFlags: 1 }),
      parentSpanId: s.parentSpanId,
      startTime: hrTime(s.startMs),
      endTime: hrTime(s.endMs),
      status: { code: SDK_STATUS[s.status], message: s.statusMessage },
      attributes: Object.fromEntries(s.attributes),
      links: s.links.map((l) => ({ context: { traceId: l.traceId, spanId: l.spanId, traceFlags: 1 }, attributes: { 'saga.link': l.relation } })),
      events: s.events.map((e) => ({ name: e.name, time: hrTime(e.atMs), attributes: Object.fromEntries(e.attributes) })),
      duration: [0, 0],
      ended: true,
      resource: resources.get(s.service),
      instrumentationLibrary: { name: 'saga-simulator', version: '0.1.0' },
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    } as unknown as ReadableSpan;
  });
}

describe('OTLP/JSON export', () => {
  it.each(SCENARIOS.map((s) => [JSON.stringify(s), s] as const))('encodes %s exactly as OpenTelemetry JS’s JsonTraceSerializer does', (_, scenario) => {
    const spans = spansOfRun(runScenario(scenario));
    const theirs = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(asReadableSpans(spans))));
    const ours = JSON.parse(JSON.stringify(toOtlp(spans)));
    expect(ours).toEqual(theirs);
  });

  it('has one resourceSpans per service, the orchestrator first, with ids, kinds and times in OTLP’s encoding', () => {
    const doc = toOtlp(spansOfRun(runScenario({ failAt: 'payment' })));
    const services = doc.resourceSpans.map((r) => r.resource.attributes.find((a) => a.key === 'service.name')?.value);
    expect(services).toEqual([{ stringValue: 'orchestrator' }, { stringValue: 'Inventory' }, { stringValue: 'Orders' }, { stringValue: 'Payments' }]);
    const all = doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    for (const span of all) {
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(span.traceId).not.toMatch(/^0+$/);
      expect(span.spanId).not.toMatch(/^0+$/);
      expect(BigInt(span.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(span.startTimeUnixNano));
      expect([1, 2, 3]).toContain(span.kind);
    }
    expect(new Set(all.map((s) => s.spanId)).size).toBe(all.length);
    // The inventory request is handled at virtual 38 ms: 2025-01-01T00:00:00.038Z in nanoseconds, past 2^53.
    const server = doc.resourceSpans[1].scopeSpans[0].spans[0];
    expect(server).toMatchObject({ kind: 2, startTimeUnixNano: '1735689600038000000', status: { code: 1 } });
    const declined = all.find((s) => s.name === 'payment' && s.kind === 3);
    expect(declined?.status).toEqual({ code: 2, message: 'card declined for order o-1' });
    for (const comp of all.filter((s) => s.name.startsWith('compensate '))) {
      expect(comp.attributes).toContainEqual({ key: 'saga.compensation', value: { boolValue: true } });
      // The orchestrator's call links to the forward call it undoes.
      if (comp.kind === 3) expect(comp.links).toHaveLength(1);
    }
    expect(declined?.attributes).toContainEqual({ key: 'saga.attempt', value: { intValue: 1 } });
  });

  it('puts choreography producers (kind 4) and consumers (kind 5) on the services, the root on the shop', () => {
    const doc = toOtlp(spansOfRun(runScenario({ mode: 'choreography' })));
    const all = doc.resourceSpans.flatMap((r) => r.scopeSpans[0].spans);
    expect(doc.resourceSpans[0].resource.attributes[0].value).toEqual({ stringValue: 'shop' });
    expect(all.filter((s) => s.kind === 4).length).toBeGreaterThan(5);
    expect(all.filter((s) => s.kind === 5).length).toBeGreaterThan(5);
  });
});

describe('Jaeger JSON export', () => {
  it('has one trace per saga, every span referencing a process and an existing parent', () => {
    const file = toJaeger(spansOfRun(runScenario({ buyers: 2, failAt: 'payment' })));
    expect(file.data).toHaveLength(2);
    for (const trace of file.data) {
      const ids = new Set(trace.spans.map((s) => s.spanID));
      expect(trace.spans.filter((s) => s.references.every((r) => r.refType !== 'CHILD_OF'))).toHaveLength(1);
      for (const span of trace.spans) {
        expect(span.traceID).toBe(trace.traceID);
        expect(trace.processes[span.processID]).toBeDefined();
        for (const ref of span.references) expect(ids.has(ref.spanID)).toBe(true);
        expect(Number.isSafeInteger(span.startTime)).toBe(true);
        expect(span.duration).toBeGreaterThanOrEqual(0);
      }
      expect(Object.values(trace.processes).map((p) => p.serviceName)).toContain('orchestrator');
    }
    const failed = file.data[0].spans.find((s) => s.operationName === 'payment' && s.tags.some((t) => t.key === 'span.kind' && t.value === 'client'));
    expect(failed?.tags).toContainEqual({ key: 'error', type: 'bool', value: true });
    const refund = file.data[0].spans.find((s) => s.operationName === 'compensate order');
    expect(refund?.references.map((r) => r.refType)).toEqual(['CHILD_OF', 'FOLLOWS_FROM']);
  });
});

describe('Chrome trace export', () => {
  it('uses the object form with complete events, one named process per service, nested properly', () => {
    for (const scenario of SCENARIOS) {
      const doc = toChromeTrace(spansOfRun(runScenario(scenario)));
      const complete = doc.traceEvents.filter((e): e is Extract<ChromeTraceEvent, { ph: 'X' }> => e.ph === 'X');
      const names = doc.traceEvents.filter((e) => e.ph === 'M' && e.name === 'process_name');
      expect(new Set(complete.map((e) => e.pid)).size).toBe(names.length);
      const lanes = new Map<string, { ts: number; end: number }[]>();
      for (const e of complete) lanes.set(`${e.pid}/${e.tid}`, [...(lanes.get(`${e.pid}/${e.tid}`) ?? []), { ts: e.ts, end: e.ts + e.dur }]);
      for (const list of lanes.values()) {
        for (const a of list)
          for (const b of list) {
            const disjoint = a.end <= b.ts || b.end <= a.ts;
            const nested = (a.ts <= b.ts && b.end <= a.end) || (b.ts <= a.ts && a.end <= b.end);
            expect(disjoint || nested).toBe(true);
          }
      }
    }
  });
});

describe('determinism of exports', () => {
  it.each(['otlp', 'jaeger', 'chrome-trace'] as const)(
    '%s: two runs of the same scenario give byte-identical files; another seed gives other ids',
    (format) => {
      const scenario = { failAt: 'warehouse' as const, lostResponses: { payment: 1 }, seed: 42 };
      const a = exportTrace(runScenario(scenario), format);
      expect(exportTrace(runScenario(scenario), format)).toBe(a);
      expect(exportTrace(runScenario({ ...scenario, seed: 43 }), format)).not.toBe(a);
    },
  );
});
