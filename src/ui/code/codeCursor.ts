import type { TraceEvent } from '../../core';
import type { CodeAnchor, CodePhase } from '../../core/engines';

const PHASE_OF: Record<string, [CodePhase, CodeAnchor['part']]> = {
  'step.started': ['forward', 'call'],
  'step.retrying': ['forward', 'retry'],
  'compensation.started': ['compensation', 'call'],
  'compensation.retrying': ['compensation', 'retry'],
  'confirmation.started': ['confirmation', 'call'],
  'confirmation.retrying': ['confirmation', 'retry'],
};

/** Trace events that end the saga: nothing is executing any more. */
const ENDS = new Set(['saga.completed', 'saga.compensated', 'saga.needs-attention', 'saga.stuck']);

/**
 * Where the first saga is in its code at the cursor: the call it made last (a step, a
 * compensation, a confirmation), or that call's retry policy while it backs off. `undefined`
 * before the first call, while the orchestrator is down after a crash, and once the saga has ended.
 */
export function anchorAt(trace: readonly TraceEvent[], cursor: number): CodeAnchor | undefined {
  const saga = trace.find((e) => e.type === 'saga.started')?.saga;
  for (let i = Math.min(cursor, trace.length) - 1; i >= 0; i--) {
    const e = trace[i];
    if (e.saga !== saga) continue;
    // Ended, or the orchestrator is down: nothing is executing (after recovery the last call is re-run).
    if (ENDS.has(e.type) || e.type === 'orchestrator.crashed') return undefined;
    const hit = PHASE_OF[e.type];
    if (hit && e.step) return { step: e.step, phase: hit[0], part: hit[1] };
  }
  return undefined;
}

/** The anchor in words, for the line under the code ("inventory's compensation, backing off"). */
export function describeAnchor(a: CodeAnchor): string {
  const what = a.phase === 'forward' ? `the ${a.step} step` : a.phase === 'compensation' ? `${a.step}'s compensation` : `${a.step}'s confirmation`;
  return a.part === 'retry' ? `${what}, backing off before it retries` : what;
}
