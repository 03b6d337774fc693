import { resolveDefinition } from '../definitions';
import type { Scenario, TraceEvent } from '../types';
import { buildSpans } from './buildSpans';
import type { SagaSpan, SpanContext } from './spanModel';

/**
 * The spans of a run, without the exporters: what the waterfall and the lessons need. Kept apart
 * from the exporters so that code reading spans does not load the three file formats.
 */

/** A run as far as spans need it: its scenario and (a prefix of) its trace. */
export interface TracedRun {
  scenario: Pick<Scenario, 'seed' | 'mode' | 'definition'>;
  trace: readonly TraceEvent[];
}

/** The span context of a run: its seed, mode and the steps of its saga definition. */
export function spanContextOf(run: TracedRun): SpanContext {
  const steps = resolveDefinition(run.scenario.definition).steps;
  return {
    seed: run.scenario.seed,
    mode: run.scenario.mode,
    steps: steps.map((s) => ({ id: s.id, service: s.service, kind: s.kind })),
  };
}

/** The spans of a run (or of its first `cursor` trace events). */
export function spansOfRun(run: TracedRun, cursor = run.trace.length): SagaSpan[] {
  return buildSpans(run.trace.slice(0, cursor), spanContextOf(run));
}
