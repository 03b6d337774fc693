/**
 * A saga definition as Amazon States Language (AWS Step Functions): one Task state per call,
 * a `Retry` per state, and a `Catch` that leads into the compensation chain in reverse.
 */
import type { RetryPolicy } from '../basics';
import {
  BUSINESS_FAILURE,
  type CodeAnchor,
  type CodeFile,
  ceilSeconds,
  DEFAULT_TIMEOUT_MS,
  type ExportDefinition,
  type ExportOptions,
  type ExportStep,
  anchorKey,
  type LineRange,
  stepPolicies,
} from './definition';

/** The largest `MaxAttempts` (and `IntervalSeconds`) ASL accepts: our stand-in for "forever". */
export const ASL_MAX_ATTEMPTS = 99_999_999;

/** One element of a state's `Retry` array. */
export interface AslRetrier {
  ErrorEquals: string[];
  IntervalSeconds: number;
  MaxAttempts: number;
  BackoffRate: number;
  MaxDelaySeconds: number;
  JitterStrategy: 'FULL' | 'NONE';
}

/**
 * A retry policy as an ASL retrier. Sharp edges: `MaxAttempts` counts *retries* (the first
 * attempt is not included), so it is `maxAttempts − 1`, and `Infinity` becomes the schema's
 * maximum. `IntervalSeconds` and `MaxDelaySeconds` are whole seconds ≥ 1, so milliseconds are
 * rounded *up* (a 1.5 s interval waits 2 s on Step Functions). `BackoffRate` must be ≥ 1.
 */
export function toAslRetry(policy: RetryPolicy, errorEquals: string[] = ['States.ALL']): AslRetrier {
  const retries = Number.isFinite(policy.maxAttempts) ? Math.max(0, Math.floor(policy.maxAttempts) - 1) : ASL_MAX_ATTEMPTS;
  const seconds = (ms: number) => Math.min(ASL_MAX_ATTEMPTS, Math.max(1, ceilSeconds(ms)));
  return {
    ErrorEquals: errorEquals,
    IntervalSeconds: seconds(policy.initialIntervalMs),
    MaxAttempts: Math.min(ASL_MAX_ATTEMPTS, retries),
    BackoffRate: Math.max(1, policy.backoffCoefficient),
    MaxDelaySeconds: seconds(policy.maxIntervalMs),
    JitterStrategy: policy.jitter === 'full' ? 'FULL' : 'NONE',
  };
}

/** The names of the fixed states every exported saga has. */
export const ASL_STATES = {
  completed: 'Saga completed',
  compensated: 'Saga compensated',
  alert: 'Alert an operator',
  needsAttention: 'Needs attention',
} as const;

/** The state names of a definition's calls, unique and at most 80 characters (the ASL limit). */
export function aslStateNames(def: ExportDefinition): { forward: Map<string, string>; compensation: Map<string, string>; confirm: Map<string, string> } {
  const used = new Set<string>(Object.values(ASL_STATES));
  const take = (text: string, stepId: string): string => {
    const base = (text.charAt(0).toUpperCase() + text.slice(1)).replace(/\s+/g, ' ').slice(0, 80);
    let name = used.has(base) ? `${base.slice(0, 70)} (${stepId})`.slice(0, 80) : base;
    for (let i = 2; used.has(name); i++) name = `${base.slice(0, 74)} (${i})`;
    used.add(name);
    return name;
  };
  const out = { forward: new Map<string, string>(), compensation: new Map<string, string>(), confirm: new Map<string, string>() };
  for (const s of def.steps) {
    out.forward.set(s.id, take(s.action, s.id));
    if (s.compensation) out.compensation.set(s.id, take(s.compensation, s.id));
    if (s.confirm) out.confirm.set(s.id, take(`confirm ${s.id}`, s.id));
  }
  return out;
}

type AslState = Record<string, unknown>;

/** Escapes text for a literal inside `States.Format('…')`. */
const intrinsicLiteral = (s: string): string => s.replace(/[\\'{}]/g, (c) => `\\${c}`);
const functionName = (service: string, action: string): string =>
  `${service} ${action}`.split(/[^A-Za-z0-9]+/).filter(Boolean).join('-').toLowerCase().slice(0, 64) || 'saga-step';

/** A Task calling the step's Lambda function with the saga input and an idempotency key. */
function task(step: ExportStep, action: 'forward' | 'compensate' | 'confirm', words: string): AslState {
  return {
    Type: 'Task',
    Comment: `${step.service}: ${words}`,
    Resource: 'arn:aws:states:::lambda:invoke',
    Parameters: {
      FunctionName: functionName(step.service, words),
      Payload: {
        'input.$': '$$.Execution.Input',
        // The same key on every retry and after a restart: the service replays its stored answer.
        'idempotencyKey.$': `States.Format('{}:${intrinsicLiteral(step.id)}:${action}', $$.Execution.Name)`,
      },
    },
    TimeoutSeconds: Math.max(1, ceilSeconds(step.timeoutMs ?? DEFAULT_TIMEOUT_MS)),
  };
}

/** The ASL state machine of a definition, as an object ready for `JSON.stringify`. */
export function toAsl(def: ExportDefinition, options: ExportOptions = {}): Record<string, unknown> {
  const names = aslStateNames(def);
  const states: Record<string, AslState> = {};
  const steps = def.steps;
  const pivot = steps.findIndex((s) => s.kind === 'pivot');
  const confirms = steps.filter((s) => s.confirm);
  const afterForward = confirms.length > 0 ? (names.confirm.get(confirms[0].id) as string) : ASL_STATES.completed;
  // Undo the compensatable steps before index i, newest first; nothing to undo → compensated.
  const undoFrom = (i: number): string => {
    for (let j = i; j >= 0; j--) if (steps[j].kind === 'compensatable' && names.compensation.has(steps[j].id)) return names.compensation.get(steps[j].id) as string;
    return ASL_STATES.compensated;
  };
  const caught = (next: string, errors: string[] = ['States.ALL']) => ({ ErrorEquals: errors, Next: next, ResultPath: '$.error' });
  steps.forEach((s, i) => {
    const p = stepPolicies(s, options);
    const state = task(s, 'forward', s.action);
    state.ResultSelector = { 'result.$': '$.Payload' };
    state.ResultPath = `$.results.${s.id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    if (s.kind === 'retriable') {
      state.Retry = [toAslRetry(p.forward)];
      state.Catch = [caught(ASL_STATES.alert)];
    } else {
      // A business refusal is never retried (MaxAttempts 0); anything else is retried by the policy.
      state.Retry = [{ ErrorEquals: [BUSINESS_FAILURE], MaxAttempts: 0 }, toAslRetry(p.forward)];
      // Refused: undo what came before. Retries ran out: the outcome is unknown, so undo this step
      // too — or, for the pivot, alert a human instead of guessing.
      state.Catch = [caught(undoFrom(i - 1), [BUSINESS_FAILURE]), caught(s.kind === 'pivot' ? ASL_STATES.alert : undoFrom(i))];
    }
    state.Next = i + 1 < steps.length ? names.forward.get(steps[i + 1].id) : afterForward;
    states[names.forward.get(s.id) as string] = state;
  });
  steps.forEach((s, i) => {
    const name = names.compensation.get(s.id);
    if (!name || s.kind !== 'compensatable' || (pivot >= 0 && i > pivot)) return;
    const state = task(s, 'compensate', s.compensation as string);
    state.ResultPath = null;
    state.Retry = [toAslRetry(stepPolicies(s, options).compensation)];
    // A compensation that keeps failing is not swallowed: a human is alerted and the run fails.
    state.Catch = [caught(ASL_STATES.alert)];
    state.Next = undoFrom(i - 1);
    states[name] = state;
  });
  confirms.forEach((s, i) => {
    const state = task(s, 'confirm', `confirm ${s.id}`);
    state.ResultPath = null;
    state.Retry = [toAslRetry(stepPolicies(s, options).confirm)];
    state.Catch = [caught(ASL_STATES.alert)];
    state.Next = i + 1 < confirms.length ? names.confirm.get(confirms[i + 1].id) : ASL_STATES.completed;
    states[names.confirm.get(s.id) as string] = state;
  });
  states[ASL_STATES.completed] = { Type: 'Succeed' };
  states[ASL_STATES.compensated] = { Type: 'Fail', Error: 'SagaCompensated', Cause: 'A step failed; every completed step was undone.' };
  states[ASL_STATES.alert] = {
    Type: 'Task',
    Comment: 'Replace the topic with your own; the operator retries or finishes the compensation by hand.',
    Resource: 'arn:aws:states:::sns:publish',
    Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:saga-alerts', 'Message.$': 'States.JsonToString($.error)' },
    ResultPath: null,
    Next: ASL_STATES.needsAttention,
  };
  states[ASL_STATES.needsAttention] = { Type: 'Fail', Error: 'SagaNeedsAttention', Cause: 'A call kept failing; an operator was alerted.' };
  return {
    Comment: `${def.title} (saga "${def.id}"), generated by Saga Simulator. Tasks fail with "${BUSINESS_FAILURE}" for a business refusal. Replace each FunctionName with your own.`,
    StartAt: steps.length > 0 ? names.forward.get(steps[0].id) : ASL_STATES.completed,
    States: states,
  };
}

/** Lines of `text` from the line starting with `opener` to its closing line at the same indent. */
function rangeOf(lines: string[], opener: string, start = 0): LineRange | undefined {
  const at = lines.findIndex((l, i) => i >= start && l === opener);
  if (at < 0) return undefined;
  const indent = opener.length - opener.trimStart().length;
  const end = lines.findIndex((l, i) => i > at && l.length - l.trimStart().length === indent && /^\s*[\]}]/.test(l));
  return { from: at + 1, to: end + 1 };
}

/** `statemachine.asl.json`, with each call's state and `Retry` block as anchors. */
export function exportAsl(def: ExportDefinition, options: ExportOptions = {}): CodeFile {
  // One-element string arrays on one line (`"ErrorEquals": ["States.ALL"]`): easier to read.
  const text = `${JSON.stringify(toAsl(def, options), null, 2).replace(/\[\n\s+("[^"\n]*")\n\s+\]/g, '[$1]')}\n`;
  const lines = text.split('\n');
  const names = aslStateNames(def);
  const anchors: Record<string, LineRange> = {};
  const add = (name: string | undefined, step: string, phase: CodeAnchor['phase']) => {
    if (!name) return;
    const state = rangeOf(lines, `    ${JSON.stringify(name)}: {`);
    if (!state) return;
    anchors[anchorKey({ step, phase, part: 'call' })] = state;
    const retry = rangeOf(lines, '      "Retry": [', state.from - 1);
    if (retry && retry.to <= state.to) anchors[anchorKey({ step, phase, part: 'retry' })] = retry;
  };
  for (const s of def.steps) {
    add(names.forward.get(s.id), s.id, 'forward');
    add(names.compensation.get(s.id), s.id, 'compensation');
    add(names.confirm.get(s.id), s.id, 'confirmation');
  }
  return { name: 'statemachine.asl.json', language: 'json', text, anchors };
}
