import { type Attributes, type SagaSpan, unixMicros } from './spanModel';

/** A Jaeger tag (its JSON model names the value's type). */
export interface JaegerTag {
  key: string;
  type: 'string' | 'bool' | 'int64' | 'float64';
  value: string | number | boolean;
}

/** A span in Jaeger's own JSON model (what its UI loads from a file, and its query API returns). */
export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references: {
    refType: 'CHILD_OF' | 'FOLLOWS_FROM';
    traceID: string;
    spanID: string;
  }[];
  flags: 1;
  /** Unix microseconds. */
  startTime: number;
  /** Microseconds. */
  duration: number;
  tags: JaegerTag[];
  logs: { timestamp: number; fields: JaegerTag[] }[];
  processID: string;
  warnings: null;
}

/** One trace in Jaeger's JSON: its spans and the processes (services) they ran in. */
export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string; tags: JaegerTag[] }>;
  warnings: null;
}

/** Jaeger's JSON file format: `{ data: [trace, …] }`, one trace per saga. */
export interface JaegerFile {
  data: JaegerTrace[];
  total: number;
  limit: 0;
  offset: 0;
  errors: null;
}

function tags(attributes: Attributes): JaegerTag[] {
  return attributes.map(([key, v]) => ({
    key,
    type: typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : Number.isInteger(v) ? 'int64' : 'float64',
    value: v,
  }));
}

function spanTags(span: SagaSpan): JaegerTag[] {
  const extra: Attributes = [['span.kind', span.kind]];
  if (span.status === 'ok') extra.push(['otel.status_code', 'OK']);
  if (span.status === 'error') {
    extra.push(['otel.status_code', 'ERROR'], ['error', true]);
    if (span.statusMessage) extra.push(['otel.status_description', span.statusMessage]);
  }
  return tags([...span.attributes, ...extra]);
}

/**
 * The spans in Jaeger's JSON format, which Jaeger UI opens from a file entirely in the browser
 * ("Search" → "JSON File"). Parents are `CHILD_OF` references; links (a compensation to the step
 * it undoes, a consumer to its producer) are `FOLLOWS_FROM`.
 */
export function toJaeger(spans: readonly SagaSpan[]): JaegerFile {
  const traces = new Map<string, SagaSpan[]>();
  for (const span of spans) traces.set(span.traceId, [...(traces.get(span.traceId) ?? []), span]);
  const data = [...traces].map(([traceID, list]): JaegerTrace => {
    const processIds = new Map<string, string>();
    for (const s of list) if (!processIds.has(s.service)) processIds.set(s.service, `p${processIds.size + 1}`);
    return {
      traceID,
      spans: list.map((s) => ({
        traceID,
        spanID: s.spanId,
        operationName: s.name,
        references: [
          ...(s.parentSpanId
            ? [
                {
                  refType: 'CHILD_OF' as const,
                  traceID,
                  spanID: s.parentSpanId,
                },
              ]
            : []),
          ...s.links.map((l) => ({
            refType: 'FOLLOWS_FROM' as const,
            traceID: l.traceId,
            spanID: l.spanId,
          })),
        ],
        flags: 1,
        startTime: unixMicros(s.startMs),
        duration: Math.round((s.endMs - s.startMs) * 1000),
        tags: spanTags(s),
        logs: s.events.map((e) => ({
          timestamp: unixMicros(e.atMs),
          fields: tags([['event', e.name], ...e.attributes]),
        })),
        processID: processIds.get(s.service) as string,
        warnings: null,
      })),
      processes: Object.fromEntries([...processIds].map(([service, id]) => [id, { serviceName: service, tags: [] }])),
      warnings: null,
    };
  });
  return { data, total: data.length, limit: 0, offset: 0, errors: null };
}
