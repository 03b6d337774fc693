import type { StepId, TraceEvent } from '../../core';
import { stepLabel } from './labels';

/**
 * Where a saga's orchestrator is: a state path of the machine as it stamped it on its events
 * (`executing.backingOff`, `pivotUnknown`, …), or one of the kernel's facts about it:
 * `idle` (not started), `starting` (the machine is being started or restarted from its log),
 * `down` (crashed), `stuck` (observed: nothing will move it again).
 */
export type OrchestratorStateId = string;

/** What the saga was last doing, from its latest event that names a step. */
interface Focus {
  type: TraceEvent['type'];
  step: StepId;
  attempt?: number;
  maxAttempts?: number;
}

/** Where one saga's orchestrator stands at the cursor. */
export interface ActiveState {
  saga: string;
  state: OrchestratorStateId;
  /** The latest step-level fact of this saga since it (re)started, if any. */
  focus?: Focus;
}

/** The orchestrator's own state after this event, or a kernel fact about it (null: the event says nothing of it). */
function stateAfter(e: TraceEvent): OrchestratorStateId | null {
  if (typeof e.state === 'string') return e.state;
  switch (e.type) {
    case 'saga.started':
    case 'orchestrator.recovered':
      return 'starting';
    case 'orchestrator.crashed':
      return 'down';
    case 'saga.completed':
      return 'completed';
    case 'saga.compensated':
      return 'compensated';
    case 'saga.stuck':
      return 'stuck';
    default:
      return null;
  }
}

const phaseOf = (type: string): 'forward' | 'compensation' | 'confirmation' | undefined =>
  type.startsWith('step.') ? 'forward' : type.startsWith('compensation.') ? 'compensation' : type.startsWith('confirmation.') ? 'confirmation' : undefined;

/** The step an event is about, when it is a step-level fact the orchestrator (or the crash) produced. */
function stepOf(e: TraceEvent): StepId | undefined {
  if (e.type === 'saga.compensating' || e.type === 'saga.abandoned') return e.failedStep;
  const own = phaseOf(e.type) !== undefined || e.type === 'alert.raised' || e.type.startsWith('operator.') || e.type === 'orchestrator.crashed';
  return own && typeof e.step === 'string' ? e.step : undefined;
}

/**
 * The orchestrator state of one saga after the first `cursor` trace events: the state the
 * machine stamped on its latest event, or the kernel's latest fact about it (started, crashed,
 * recovered, observed stuck). Service-side facts (`request.handled`, `db.changed`,
 * `response.lost`) leave it where it was. Nothing here re-derives the machine's transitions.
 */
export function activeState(trace: readonly TraceEvent[], cursor: number, saga = 's-1'): ActiveState {
  let state: OrchestratorStateId = 'idle';
  let focus: Focus | undefined;
  const limits = new Map<string, number>();
  for (let i = 0; i < Math.min(cursor, trace.length); i++) {
    const e = trace[i];
    if (e.saga !== saga) continue;
    const next = stateAfter(e);
    if (next !== null) state = next;
    // A (re)started machine begins from its log: what the dead one was doing is no longer "current".
    if (e.type === 'saga.started' || e.type === 'orchestrator.recovered') focus = undefined;
    const step = stepOf(e);
    if (!step) continue;
    const key = `${phaseOf(e.type)}:${step}`;
    if (typeof e.maxAttempts === 'number') limits.set(key, e.maxAttempts);
    const attempt = typeof e.attempt === 'number' ? e.attempt : focus?.step === step ? focus.attempt : undefined;
    focus = { type: e.type, step, attempt, maxAttempts: limits.get(key) };
  }
  return { saga, state, focus };
}

/** The active state of every saga in the trace (one per buyer), in saga order. */
export function activeStates(trace: readonly TraceEvent[], cursor: number): ActiveState[] {
  const sagas = [...new Set(trace.filter((e) => e.type === 'saga.started').map((e) => e.saga))];
  return (sagas.length ? sagas : ['s-1']).map((s) => activeState(trace, cursor, s));
}

/** Facts after which the step is still in progress (being called, failed and about to be retried). */
const IN_PROGRESS = new Set(['step.started', 'step.failed', 'step.retrying', 'step.deduplicated', 'compensation.started', 'compensation.failed', 'compensation.retrying', 'compensation.deduplicated', 'confirmation.started', 'confirmation.failed', 'confirmation.retrying', 'operator.retried']);

const FIXED: Record<string, string> = {
  idle: 'Not started yet',
  starting: 'Starting: reading where the saga stands',
  completed: 'Done: the saga completed',
  compensated: 'Done: every completed step was undone',
  stuck: 'Stuck: nobody is driving the saga',
};

function current(f: Focus, phase: string | undefined): string {
  const of = f.maxAttempts === undefined ? '' : ` of ${Number.isFinite(f.maxAttempts) ? f.maxAttempts : '∞'}`;
  const what = phase === 'compensation' ? ' (compensation)' : phase === 'confirmation' ? ' (confirmation)' : '';
  return `Current step: ${stepLabel(f.step)}${what}, attempt ${f.attempt ?? 1}${of}`;
}

/**
 * "Current step: Payment, attempt 2 of 3" — or, when no step is in progress, what the saga is doing.
 * A choreography has no orchestrator reading a log: started, it waits for its first service to react.
 */
export function describeActive(a: ActiveState, mode: 'orchestration' | 'choreography' = 'orchestration'): string {
  const f = a.focus;
  const top = a.state.split('.')[0];
  if (!f && a.state === 'starting' && mode === 'choreography') return 'Started: no service has acted yet';
  if (a.state === 'down') return f ? `Orchestrator down (crashed) at ${stepLabel(f.step)}; its saga log survives` : 'Orchestrator down (crashed); its saga log survives';
  if (!f) return FIXED[a.state] ?? (top === 'compensating' ? 'Compensating: undoing the completed steps in reverse order' : `In state ${a.state}`);
  const step = stepLabel(f.step);
  if (a.state === 'pivotUnknown') return `${step} never answered: the pivot's outcome is unknown, so an operator must check and retry it`;
  if (a.state === 'needsAttention') return `${step} (compensation) failed every attempt: an operator must retry or resolve it`;
  if (a.state === 'abandoned') return `Abandoned: compensation is off, so the failure at ${step} is left as it is`;
  if (FIXED[a.state] && a.state !== 'starting') return FIXED[a.state];
  const phase = phaseOf(f.type);
  const machinePhase = top === 'executing' ? 'forward' : top === 'compensating' ? 'compensation' : top === 'confirming' ? 'confirmation' : undefined;
  // Choreography has no machine: the saga's own latest step fact is all there is.
  const noMachine = a.state === 'starting';
  if (IN_PROGRESS.has(f.type) && (phase === machinePhase || noMachine || f.type === 'operator.retried')) return current(f, noMachine ? phase : machinePhase);
  if (noMachine) return f.type === 'step.succeeded' ? `${step} done` : `${step}: ${f.type}`;
  if (top === 'executing') return `${step} done; calling the next step`;
  if (top === 'confirming') return f.type === 'confirmation.succeeded' ? `${step} confirmed; confirming the next step` : `${step} done; confirming the steps that wait for the saga's end`;
  if (top === 'compensating') return phase === 'compensation' || f.type === 'operator.resolved' ? `${step} undone; on to the next compensation` : `${step} failed; undoing the completed steps in reverse order`;
  return `In state ${a.state}`;
}
