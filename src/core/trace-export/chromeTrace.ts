import type { SagaSpan } from './spanModel';

/** A Chrome trace event: a complete event (`X`) or a metadata event (`M`) naming a process or thread. */
export type ChromeTraceEvent =
  | {
      name: string;
      cat: string;
      ph: 'X';
      ts: number;
      dur: number;
      pid: number;
      tid: number;
      args: Record<string, string | number | boolean>;
    }
  | {
      name: 'process_name' | 'thread_name' | 'process_sort_index';
      ph: 'M';
      pid: number;
      tid: number;
      args: Record<string, string | number>;
    };

/** The Chrome trace event format's object form, which Perfetto and chrome://tracing open. */
export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms';
}

/**
 * The spans as a Chrome trace: one process per service, one thread per saga, each span a
 * complete (`X`) event with its time in microseconds of virtual time. On one service's thread a
 * saga's spans nest (a call's attempts follow each other inside the saga's span), so the viewer
 * stacks them correctly.
 */
export function toChromeTrace(spans: readonly SagaSpan[]): ChromeTrace {
  const pids = new Map<string, number>();
  const tids = new Map<string, number>();
  for (const s of spans) {
    if (!pids.has(s.service)) pids.set(s.service, pids.size + 1);
    if (!tids.has(s.saga)) tids.set(s.saga, tids.size + 1);
  }
  const meta: ChromeTraceEvent[] = [];
  for (const [service, pid] of pids) {
    meta.push({
      name: 'process_name',
      ph: 'M',
      pid,
      tid: 0,
      args: { name: service },
    });
    meta.push({
      name: 'process_sort_index',
      ph: 'M',
      pid,
      tid: 0,
      args: { sort_index: pid },
    });
    for (const [saga, tid] of tids)
      meta.push({
        name: 'thread_name',
        ph: 'M',
        pid,
        tid,
        args: { name: `saga ${saga}` },
      });
  }
  const complete = spans.map((s, i) => ({ s, i }));
  // Parents before children at the same instant (longer first), then trace order: proper nesting for the viewer.
  complete.sort((a, b) => a.s.startMs - b.s.startMs || b.s.endMs - a.s.endMs || a.i - b.i);
  const events: ChromeTraceEvent[] = complete.map(({ s }) => ({
    name: s.name,
    cat: s.compensation ? `${s.kind},compensation` : s.kind,
    ph: 'X',
    ts: Math.round(s.startMs * 1000),
    dur: Math.round((s.endMs - s.startMs) * 1000),
    pid: pids.get(s.service) as number,
    tid: tids.get(s.saga) as number,
    args: {
      spanId: s.spanId,
      ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
      status: s.status,
      ...(s.statusMessage ? { statusMessage: s.statusMessage } : {}),
      ...Object.fromEntries(s.attributes),
      ...(s.events.length ? { events: s.events.map((e) => `${e.name} @ ${e.atMs} ms`).join('; ') } : {}),
    },
  }));
  return { traceEvents: [...meta, ...events], displayTimeUnit: 'ms' };
}
