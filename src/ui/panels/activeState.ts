import { resolveDefinition, resolveRetryPolicy, type Scenario, type StepId, type TraceEvent } from '../../core';

/** The orchestrator states the statechart draws, plus "not started" and "down (crashed)". */
export type OrchestratorStateId =
  | 'idle'
  | 'starting'
  | 'executing.calling'
  | 'executing.attemptFailed'
  | 'executing.backingOff'
  | 'advancing'
  | 'confirming'
  | 'completed'
  | 'compensating.choosing'
  | 'compensating.calling'
  | 'compensating.attemptFailed'
  | 'compensating.backingOff'
  | 'needsAttention'
  | 'compensated'
  | 'down'
  | 'stuck';

/** Where one saga's orchestrator stands at the cursor. */
export interface ActiveState {
  saga: string;
  state: OrchestratorStateId;
  /** The step being executed, compensated or confirmed, if any. */
  step?: StepId;
  phase?: 'forward' | 'compensation' | 'confirmation';
  attempt?: number;
  /** Attempts allowed for that step and phase (`Infinity` for retriable steps). */
  maxAttempts?: number;
}

type Derived = Pick<ActiveState, 'state'> & Partial<Pick<ActiveState, 'phase'>>;

/** The state a saga's orchestrator is in right after this event (null: the event does not move it). */
function stateAfter(e: TraceEvent): Derived | null {
  switch (e.type) {
    case 'saga.started':
    case 'orchestrator.recovered':
      return { state: 'starting' };
    case 'step.started':
      return { state: 'executing.calling', phase: 'forward' };
    case 'step.succeeded':
      return { state: 'advancing', phase: 'forward' };
    case 'step.failed':
      // A business answer is not retried: the machine goes straight to compensating.
      return e.business ? { state: 'compensating.choosing', phase: 'forward' } : { state: 'executing.attemptFailed', phase: 'forward' };
    case 'step.retrying':
      return { state: 'executing.backingOff', phase: 'forward' };
    case 'saga.compensating':
    case 'compensation.succeeded':
    case 'operator.resolved':
      return { state: 'compensating.choosing', phase: 'compensation' };
    case 'compensation.started':
    case 'operator.retried':
      return { state: 'compensating.calling', phase: 'compensation' };
    case 'compensation.failed':
      return { state: 'compensating.attemptFailed', phase: 'compensation' };
    case 'compensation.retrying':
      return { state: 'compensating.backingOff', phase: 'compensation' };
    case 'confirmation.started':
    case 'confirmation.succeeded':
      return { state: 'confirming', phase: 'confirmation' };
    case 'alert.raised':
    case 'saga.needs-attention':
      return { state: 'needsAttention', phase: 'compensation' };
    case 'saga.completed':
      return { state: 'completed' };
    case 'saga.compensated':
      return { state: 'compensated' };
    case 'saga.stuck':
      return { state: 'stuck' };
    case 'orchestrator.crashed':
      return { state: 'down' };
    default:
      return null;
  }
}

function maxAttemptsFor(scenario: Scenario | undefined, step: StepId, phase: ActiveState['phase']): number | undefined {
  if (!scenario || !phase || phase === 'confirmation') return undefined;
  const def = resolveDefinition(scenario.definition).steps.find((s) => s.id === step);
  if (!def) return undefined;
  if (phase === 'compensation') return resolveRetryPolicy(def.compensationRetry, scenario.retry).maxAttempts;
  return resolveRetryPolicy(def.retry, scenario.retry, def.kind === 'retriable' ? { maxAttempts: Number.POSITIVE_INFINITY } : undefined).maxAttempts;
}

/**
 * The orchestrator state of one saga after the first `cursor` trace events, derived from the
 * last event that moves it (db writes, service-side facts such as `request.handled` or
 * `response.lost` leave it where it was: still calling). Also which step and attempt it is on.
 */
export function activeState(trace: readonly TraceEvent[], cursor: number, saga = 's-1', scenario?: Scenario): ActiveState {
  let current: ActiveState = { saga, state: 'idle' };
  for (let i = 0; i < Math.min(cursor, trace.length); i++) {
    const e = trace[i];
    if (e.saga !== saga) continue;
    const next = stateAfter(e);
    if (!next) continue;
    const step = (e.step as StepId | undefined) ?? current.step;
    const terminal = next.state === 'completed' || next.state === 'compensated' || next.state === 'starting';
    current = {
      saga,
      state: next.state,
      step: terminal ? undefined : step,
      phase: terminal ? undefined : (next.phase ?? current.phase),
      attempt: terminal ? undefined : e.attempt !== undefined ? Number(e.attempt) : current.attempt,
      maxAttempts: e.maxAttempts !== undefined ? Number(e.maxAttempts) : undefined,
    };
    if (e.type === 'saga.compensating') current = { saga, state: current.state, phase: 'compensation' };
    if (current.maxAttempts === undefined && current.step) current.maxAttempts = maxAttemptsFor(scenario, current.step, current.phase);
  }
  return current;
}

/** The active state of every saga in the trace (one per buyer), in saga order. */
export function activeStates(trace: readonly TraceEvent[], cursor: number, scenario?: Scenario): ActiveState[] {
  const sagas = [...new Set(trace.filter((e) => e.type === 'saga.started').map((e) => e.saga))];
  return (sagas.length ? sagas : ['s-1']).map((s) => activeState(trace, cursor, s, scenario));
}

/** "Current step: Payment, attempt 2 of 3" — or what the saga is doing when no step is current. */
export function describeActive(a: ActiveState): string {
  const names: Partial<Record<OrchestratorStateId, string>> = {
    idle: 'Not started yet',
    starting: 'Starting: reading where the saga stands',
    completed: 'Done: the saga completed',
    compensated: 'Done: every completed step was undone',
    stuck: 'Stuck: nobody is driving the saga',
    down: 'The orchestrator is down (crashed); its saga log survives',
  };
  if (!a.step) return names[a.state] ?? 'Choosing the next compensation';
  const step = a.step.charAt(0).toUpperCase() + a.step.slice(1);
  const of = a.maxAttempts === undefined ? '' : ` of ${Number.isFinite(a.maxAttempts) ? a.maxAttempts : '∞'}`;
  const what = a.phase === 'compensation' ? ' (compensation)' : a.phase === 'confirmation' ? ' (confirmation)' : '';
  const down = a.state === 'down' ? ' — orchestrator down (crashed)' : '';
  return `Current step: ${step}${what}, attempt ${a.attempt ?? 1}${of}${down}`;
}
