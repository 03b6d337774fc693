/**
 * What the simulator tells the page that embeds it (DESIGN §7). Every message is plain data
 * (postMessage clones it; a stray function or class instance would make it throw) and carries
 * `source: 'saga-sim'`, so a host can tell ours from other widgets'.
 */

import { serializeRun } from '../core/runScenario';
import type { Alert, Outcome, RunResult, Scenario, Violation } from '../core/types';
import type { Warning } from './urlSchema';
import type { XapiMessage } from './xapi';

/** Marks every message of this protocol, both ways. */
export const MESSAGE_SOURCE = 'saga-sim';

/** Sent once the simulator is ready to receive commands, and again in answer to `ping`. */
export interface ReadyMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'ready';
}

/** How a run ended, as a host reads it. */
export interface RunSummary {
  outcome: Outcome;
  violations: Violation[];
  alerts: Alert[];
}

/** Sent once per run, the first time its playback reaches the end. */
export interface RunFinishedMessage extends RunSummary {
  source: typeof MESSAGE_SOURCE;
  type: 'run-finished';
  /** Names this run on this page; `lesson-completed` for the same run carries the same id. */
  runId: string;
  /** The run's complete scenario (every field, defaults filled in). */
  scenario: Scenario;
  /** Side by side: how each side ended (the top-level fields are the scenario's own mode). */
  sides?: { choreography: RunSummary; orchestration: RunSummary };
}

/** Sent on every checked answer in a lesson, right or wrong. */
export interface LessonCompletedMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'lesson-completed';
  lesson: string;
  /** Whether this answer matched the run. */
  correct: boolean;
  /** The learner's answer: an option's value, the values in order, or a number. */
  answer: string | string[] | number;
  /** The run's own answer, in the same form. */
  expected: string | string[] | number;
  /** 1 for the first checked answer to this lesson, 2 for the second, … */
  attempt: number;
  /** Milliseconds from the lesson's question being shown to this answer being checked. */
  durationMs: number;
  /** The run the answer was checked against (see `run-finished`). */
  runId: string;
  /** Whether the lesson now counts as done: answered right, or answered a second time after the explanation. */
  done: boolean;
}

/** Sent whenever the page's content height changes, so the host can size the frame to fit. */
export interface ResizeMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'resize';
  /** CSS pixels, a whole number. */
  height: number;
}

/** A `load` command was obeyed; `warnings` lists what in its params was ignored (as a link's would be). */
export interface LoadedMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'loaded';
  warnings: Warning[];
}

/** A `load` command was refused; the run on screen is unchanged. */
export interface LoadFailedMessage {
  source: typeof MESSAGE_SOURCE;
  type: 'load-failed';
  reasons: string[];
}

/** Everything the simulator posts to its host page. */
export type OutgoingMessage =
  | ReadyMessage
  | RunFinishedMessage
  | LessonCompletedMessage
  | ResizeMessage
  | LoadedMessage
  | LoadFailedMessage
  | XapiMessage;

/** The `ready` event. */
export function readyMessage(): ReadyMessage {
  return { source: MESSAGE_SOURCE, type: 'ready' };
}

/** A run's outcome, violations and alerts, copied field by field. */
export function runSummary(run: Pick<RunResult, 'outcome' | 'violations' | 'alerts'>): RunSummary {
  return {
    outcome: run.outcome,
    violations: run.violations.map((v) => ({ invariant: v.invariant, message: v.message })),
    alerts: run.alerts.map((a) => (a.step === undefined ? { saga: a.saga, message: a.message } : { saga: a.saga, step: a.step, message: a.message })),
  };
}

/** A plain, cloneable copy of a scenario (structuredClone drops nothing we use; JSON keeps it plain). */
// Infinity (maxAttempts) travels as "Infinity", as everywhere a run is serialised; every scenario field reads it back.
const plainScenario = (scenario: Scenario): Scenario => JSON.parse(serializeRun(scenario, 0)) as Scenario;

/** The `run-finished` event for a finished run (with both sides, side by side). */
export function runFinishedMessage(
  run: Pick<RunResult, 'outcome' | 'violations' | 'alerts' | 'scenario'>,
  runId: string,
  sides?: { choreography: Pick<RunResult, 'outcome' | 'violations' | 'alerts'>; orchestration: Pick<RunResult, 'outcome' | 'violations' | 'alerts'> },
): RunFinishedMessage {
  return {
    source: MESSAGE_SOURCE,
    type: 'run-finished',
    runId,
    scenario: plainScenario(run.scenario),
    ...runSummary(run),
    ...(sides ? { sides: { choreography: runSummary(sides.choreography), orchestration: runSummary(sides.orchestration) } } : {}),
  };
}

/** The `resize` event; heights are whole CSS pixels. */
export function resizeMessage(height: number): ResizeMessage {
  return { source: MESSAGE_SOURCE, type: 'resize', height: Math.max(0, Math.ceil(height)) };
}

/** The answer to an obeyed `load`. */
export function loadedMessage(warnings: readonly Warning[]): LoadedMessage {
  return { source: MESSAGE_SOURCE, type: 'loaded', warnings: warnings.map((w) => ({ param: w.param, message: w.message })) };
}

/** The answer to a refused `load`. */
export function loadFailedMessage(reasons: readonly string[]): LoadFailedMessage {
  return { source: MESSAGE_SOURCE, type: 'load-failed', reasons: [...reasons] };
}
