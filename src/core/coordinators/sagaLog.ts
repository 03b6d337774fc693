import type { SagaDefinition } from '../definitions/definition';
import type { Row } from '../types';
import type { Recovery } from './machineFacts';

type StepId = string;

/**
 * The trace events the orchestrator writes durably to its saga log: each call as it leaves
 * (`step.started`, `compensation.started` — written when the request is sent, so a crash
 * just before a call uses up no attempt) and each result. After a crash it rebuilds its
 * state from these rows alone.
 */
export const LOGGED_EVENTS: ReadonlySet<string> = new Set([
  'saga.started',
  'step.started',
  'step.succeeded',
  'step.failed',
  'step.uncertain',
  'saga.compensating',
  'compensation.started',
  'compensation.succeeded',
  'confirmation.succeeded',
  'alert.raised',
  'operator.resolved',
  'saga.abandoned',
  'saga.completed',
  'saga.compensated',
  'saga.needs-attention',
]);

/** Rebuilds where a saga stands from its log rows: what finished, what was in flight, which phase. */
export function recoverFromLog(definition: SagaDefinition, rows: readonly Row[]): Recovery {
  const completed: StepId[] = [];
  const compensated: StepId[] = [];
  const confirmed: StepId[] = [];
  let failedStep: StepId | undefined;
  for (const row of rows) {
    const step = row.step as StepId | undefined;
    if ((row.entry === 'step.succeeded' || row.entry === 'step.uncertain') && step && !completed.includes(step)) completed.push(step);
    if ((row.entry === 'compensation.succeeded' || row.entry === 'operator.resolved') && step && !compensated.includes(step)) compensated.push(step);
    if (row.entry === 'confirmation.succeeded' && step && !confirmed.includes(step)) confirmed.push(step);
    if (row.entry === 'saga.compensating') failedStep = (row.failedStep as StepId | undefined) ?? completed[completed.length - 1];
  }
  // The step in flight when the orchestrator went down is re-run as its next attempt.
  const startedEntry = failedStep !== undefined ? 'compensation.started' : 'step.started';
  const lastStarted = [...rows].reverse().find((r) => r.entry === startedEntry)?.step as StepId | undefined;
  const attemptsSoFar = rows.filter((r) => r.entry === startedEntry && r.step === lastStarted).length;
  const phase = failedStep !== undefined ? 'compensating' : completed.length === definition.steps.length ? 'confirming' : 'forward';
  const inFlightDone = lastStarted !== undefined && (completed.includes(lastStarted) || compensated.includes(lastStarted));
  return { phase, completed, compensated, confirmed, failedStep, attempt: inFlightDone ? 1 : attemptsSoFar + 1 };
}
