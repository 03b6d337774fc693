import { type Attributes, type AttributeValue, type SagaSpan, type SpanKind, unixNano } from './spanModel';

/** The instrumentation scope every exported span carries. */
export const SCOPE = { name: 'saga-simulator', version: '0.1.0' } as const;

/** OTLP's SpanKind numbers (the protobuf enum: 0 is "unspecified"). */
export const OTLP_SPAN_KIND: Record<SpanKind, number> = {
  internal: 1,
  server: 2,
  client: 3,
  producer: 4,
  consumer: 5,
};
/** OTLP's StatusCode numbers. */
export const OTLP_STATUS_CODE = { unset: 0, ok: 1, error: 2 } as const;

/** An OTLP/JSON `AnyValue`. */
export type OtlpAnyValue = { stringValue: string } | { intValue: number } | { doubleValue: number } | { boolValue: boolean };
/** An OTLP/JSON `KeyValue`. */
export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

/** An OTLP/JSON span, field for field as the OpenTelemetry JS JSON serializer writes one. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKeyValue[];
  droppedAttributesCount: 0;
  events: {
    attributes: OtlpKeyValue[];
    name: string;
    timeUnixNano: string;
    droppedAttributesCount: 0;
  }[];
  droppedEventsCount: 0;
  status: { code: number; message?: string };
  links: {
    attributes: OtlpKeyValue[];
    spanId: string;
    traceId: string;
    droppedAttributesCount: 0;
  }[];
  droppedLinksCount: 0;
}

/** An OTLP/JSON `ExportTraceServiceRequest`: what `POST /v1/traces` accepts. */
export interface OtlpTraceRequest {
  resourceSpans: {
    resource: { attributes: OtlpKeyValue[]; droppedAttributesCount: 0 };
    scopeSpans: {
      scope: { name: string; version: string };
      spans: OtlpSpan[];
    }[];
  }[];
}

function anyValue(v: AttributeValue): OtlpAnyValue {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  return Number.isInteger(v) ? { intValue: v } : { doubleValue: v };
}

/** Attributes as OTLP key-values, in their fixed order. */
export const toKeyValues = (attributes: Attributes): OtlpKeyValue[] => attributes.map(([key, v]) => ({ key, value: anyValue(v) }));

function toOtlpSpan(span: SagaSpan): OtlpSpan {
  return {
    traceId: span.traceId,
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    name: span.name,
    kind: OTLP_SPAN_KIND[span.kind],
    startTimeUnixNano: unixNano(span.startMs),
    endTimeUnixNano: unixNano(span.endMs),
    attributes: toKeyValues(span.attributes),
    droppedAttributesCount: 0,
    events: span.events.map((e) => ({
      attributes: toKeyValues(e.attributes),
      name: e.name,
      timeUnixNano: unixNano(e.atMs),
      droppedAttributesCount: 0,
    })),
    droppedEventsCount: 0,
    status: {
      code: OTLP_STATUS_CODE[span.status],
      ...(span.statusMessage !== undefined ? { message: span.statusMessage } : {}),
    },
    links: span.links.map((l) => ({
      attributes: toKeyValues([['saga.link', l.relation]]),
      spanId: l.spanId,
      traceId: l.traceId,
      droppedAttributesCount: 0,
    })),
    droppedLinksCount: 0,
  };
}

/**
 * The spans as an OTLP/JSON `ExportTraceServiceRequest`: one `resourceSpans` per service (with
 * `service.name`), in the order the services first appear; hex ids; nanosecond timestamps as
 * decimal strings. Any OTLP/HTTP receiver accepts it at `/v1/traces`.
 */
export function toOtlp(spans: readonly SagaSpan[]): OtlpTraceRequest {
  const byService = new Map<string, OtlpSpan[]>();
  for (const span of spans) {
    const list = byService.get(span.service) ?? [];
    list.push(toOtlpSpan(span));
    byService.set(span.service, list);
  }
  return {
    resourceSpans: [...byService].map(([service, list]) => ({
      resource: {
        attributes: toKeyValues([['service.name', service]]),
        droppedAttributesCount: 0,
      },
      scopeSpans: [{ scope: { name: SCOPE.name, version: SCOPE.version }, spans: list }],
    })),
  };
}
