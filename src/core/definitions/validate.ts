import { checkRetryPolicy } from '../retryPolicy';
import type { SagaStepJson, StepKind } from './definition';

/** One rule a definition breaks, at its JSON path (`steps[2].kind`). */
export interface DefinitionProblem {
  path: string;
  message: string;
}

/** What ids (of a saga, a step, a table) look like. The JSON Schema (`jsonSchema.ts`) reads these constants too. */
export const ID = /^[a-z0-9][a-z0-9-]*$/;
export const KINDS: readonly StepKind[] = ['compensatable', 'pivot', 'retriable'];
/** Every field a step may have. */
export const STEP_FIELDS = ['id', 'service', 'action', 'compensation', 'kind', 'table', 'retry', 'compensationRetry', 'timeoutMs', 'confirm', 'events'] as const;
const STEP_KEYS = new Set<string>(STEP_FIELDS);
/** Longest texts, in characters: sentences (title, action, compensation), names (service, topic), ids. */
export const MAX_LENGTH = { sentence: 80, name: 40, sagaId: 40, stepId: 32 } as const;
/** The three choreography topics a step's `events` names. */
export const EVENT_KEYS = ['succeeded', 'failed', 'compensated'] as const;
export const MAX_STEPS = 8;
/** Longest reply timeout a step may set, in virtual ms (one hour). */
export const MAX_TIMEOUT_MS = 3_600_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number = MAX_LENGTH.sentence) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

function checkStep(s: unknown, i: number, out: DefinitionProblem[]): void {
  const at = (field: string) => `steps[${i}].${field}`;
  if (!isObject(s)) {
    out.push({ path: `steps[${i}]`, message: 'must be an object with id, service, action and kind' });
    return;
  }
  for (const k of Object.keys(s)) if (!STEP_KEYS.has(k)) out.push({ path: at(k), message: `is not a step field (fields: ${[...STEP_KEYS].join(', ')})` });
  if (typeof s.id !== 'string' || !ID.test(s.id) || s.id.length > MAX_LENGTH.stepId) out.push({ path: at('id'), message: `must be 1–${MAX_LENGTH.stepId} characters: a-z, 0-9 and -` });
  if (!text(s.service, MAX_LENGTH.name)) out.push({ path: at('service'), message: `must be a service name (1–${MAX_LENGTH.name} characters)` });
  if (!text(s.action)) out.push({ path: at('action'), message: `must say what the step does, in words (1–${MAX_LENGTH.sentence} characters)` });
  if (s.compensation !== undefined && !text(s.compensation)) out.push({ path: at('compensation'), message: `must say what undoes the step, in words (1–${MAX_LENGTH.sentence} characters)` });
  if (!KINDS.includes(s.kind as StepKind)) out.push({ path: at('kind'), message: `must be one of ${KINDS.join(', ')}; got ${JSON.stringify(s.kind)}` });
  if (s.kind === 'compensatable' && s.compensation === undefined) out.push({ path: at('compensation'), message: 'a compensatable step needs a compensation (what undoes it)' });
  if (s.table !== undefined && (typeof s.table !== 'string' || !ID.test(s.table) || s.table === 'sagaLog')) {
    out.push({ path: at('table'), message: 'must be a table name: a-z, 0-9 and - (not sagaLog)' });
  }
  if (s.timeoutMs !== undefined && !(Number.isInteger(s.timeoutMs) && (s.timeoutMs as number) >= 1 && (s.timeoutMs as number) <= MAX_TIMEOUT_MS)) {
    out.push({ path: at('timeoutMs'), message: `must be a whole number of ms from 1 to ${MAX_TIMEOUT_MS}` });
  }
  if (s.confirm !== undefined && typeof s.confirm !== 'boolean') out.push({ path: at('confirm'), message: 'must be true or false' });
  for (const field of ['retry', 'compensationRetry'] as const) {
    if (s[field] === undefined) continue;
    for (const p of checkRetryPolicy(s[field])) out.push({ path: p.path ? at(`${field}.${p.path}`) : at(field), message: p.message });
  }
  if (s.events !== undefined) {
    const e = s.events;
    if (!isObject(e) || !EVENT_KEYS.every((k) => text(e[k], MAX_LENGTH.name))) {
      out.push({ path: at('events'), message: 'must name three topics: succeeded, failed, compensated' });
    }
  }
}

/**
 * Checks a definition (any JSON value) against every rule and returns the problems, each at
 * its JSON path; empty when the definition can run. Rules: 1–8 steps; unique ids (a
 * duplicate is reported at the later step); a compensatable step has a compensation; at
 * most one pivot; compensatable steps come before the pivot and retriable ones after it.
 */
export function definitionProblems(json: unknown): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  if (!isObject(json)) return [{ path: '', message: 'a saga definition must be a JSON object with id, title and steps' }];
  if (typeof json.id !== 'string' || !ID.test(json.id) || json.id.length > MAX_LENGTH.sagaId) out.push({ path: 'id', message: `must be 1–${MAX_LENGTH.sagaId} characters: a-z, 0-9 and -` });
  if (!text(json.title)) out.push({ path: 'title', message: `must be a title (1–${MAX_LENGTH.sentence} characters)` });
  if (!Array.isArray(json.steps) || json.steps.length < 1 || json.steps.length > MAX_STEPS) {
    out.push({ path: 'steps', message: `must be a list of 1 to ${MAX_STEPS} steps` });
    return out;
  }
  const steps = json.steps as unknown[];
  for (const [i, s] of steps.entries()) checkStep(s, i, out);
  const seen = new Set<unknown>();
  const tables = new Set<unknown>();
  let pivot = -1;
  steps.forEach((raw, i) => {
    if (!isObject(raw)) return;
    const s = raw as Partial<SagaStepJson>;
    if (seen.has(s.id)) out.push({ path: `steps[${i}].id`, message: `"${String(s.id)}" is already the id of an earlier step` });
    seen.add(s.id);
    const table = s.table ?? s.id;
    if (tables.has(table) && !out.some((p) => p.path === `steps[${i}].id`)) out.push({ path: `steps[${i}].table`, message: `"${String(table)}" is already an earlier step's table` });
    tables.add(table);
    if (s.kind === 'pivot') {
      if (pivot >= 0) out.push({ path: `steps[${i}].kind`, message: `a saga has at most one pivot; steps[${pivot}] is already the pivot` });
      else pivot = i;
    }
  });
  steps.forEach((raw, i) => {
    if (!isObject(raw)) return;
    if (raw.kind === 'compensatable' && pivot >= 0 && i > pivot) {
      out.push({ path: `steps[${i}].kind`, message: `a compensatable step must come before the pivot (steps[${pivot}]): after it the saga can no longer be undone` });
    }
    if (raw.kind === 'retriable' && (pivot < 0 || i < pivot)) {
      out.push({ path: `steps[${i}].kind`, message: 'a retriable step must come after a pivot step' });
    }
  });
  return out;
}
