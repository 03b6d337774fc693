/**
 * A saga run as an APM sees it: spans built from the trace, three export formats, and a diff
 * against a baseline run. Pure and deterministic: same run, byte-identical files.
 */
import { toChromeTrace } from './chromeTrace';
import { toJaeger } from './jaeger';
import { toOtlp } from './otlp';
import { spansOfRun, type TracedRun } from './runSpans';

export { buildSpans } from './buildSpans';
export { spanContextOf, spansOfRun, type TracedRun } from './runSpans';
export {
  type ChromeTrace,
  type ChromeTraceEvent,
  toChromeTrace,
} from './chromeTrace';
export {
  diffSpans,
  matchKey,
  SLOWER_THRESHOLD_MS,
  type SpanChange,
  type SpanDiff,
  type TraceDiff,
} from './diff';
export {
  type JaegerFile,
  type JaegerSpan,
  type JaegerTag,
  type JaegerTrace,
  toJaeger,
} from './jaeger';
export {
  OTLP_SPAN_KIND,
  OTLP_STATUS_CODE,
  type OtlpSpan,
  type OtlpTraceRequest,
  SCOPE,
  toKeyValues,
  toOtlp,
} from './otlp';
export {
  type Attributes,
  type AttributeValue,
  attr,
  durationMs,
  EPOCH_UNIX_NANO,
  type SagaSpan,
  type SpanContext,
  type SpanEvent,
  type SpanKind,
  type SpanLink,
  type SpanPhase,
  type SpanStepInfo,
  spanIdFor,
  traceIdFor,
  unixMicros,
  unixNano,
} from './spanModel';

/** The three export formats. */
export const TRACE_FORMATS = ['otlp', 'jaeger', 'chrome-trace'] as const;
/** One of {@link TRACE_FORMATS}. */
export type TraceFormat = (typeof TRACE_FORMATS)[number];

/** A file name and media type per format. */
export const TRACE_FILES: Record<TraceFormat, { suffix: string; label: string }> = {
  otlp: { suffix: '.otlp.json', label: 'OTLP/JSON' },
  jaeger: { suffix: '.jaeger.json', label: 'Jaeger JSON' },
  'chrome-trace': {
    suffix: '.chrome-trace.json',
    label: 'Chrome trace (Perfetto)',
  },
};

/** The run's trace in one format, as pretty-printed JSON text (byte-identical for the same run). */
export function exportTrace(run: TracedRun, format: TraceFormat): string {
  const spans = spansOfRun(run);
  const doc = format === 'otlp' ? toOtlp(spans) : format === 'jaeger' ? toJaeger(spans) : toChromeTrace(spans);
  return `${JSON.stringify(doc, null, 2)}\n`;
}
