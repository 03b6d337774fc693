/**
 * Pure helpers for the saga editor's draft: a definition as the author types it (any JSON; it may
 * break rules), edited by JSON path, plus the scenario adjustments a new set of steps needs.
 */

import { BUILT_IN_DEFINITIONS, type DefinitionProblem, type Scenario, type StepKind } from '../../core';

/** A definition being typed: the shape of a definition, with any values. */
export interface Draft {
  id?: unknown;
  title?: unknown;
  steps: Record<string, unknown>[];
  [key: string]: unknown;
}

/** Where an editor can start from: a built-in, or one blank step. */
export const STARTS = ['order', 'order-with-pivot', 'trip', 'empty'] as const;
export type Start = (typeof STARTS)[number];

export const STEP_KINDS: readonly StepKind[] = ['compensatable', 'pivot', 'retriable'];

/** A step with nothing filled in but its id and kind: the rules then say what is missing. */
export const blankStep = (id: string): Record<string, unknown> => ({ id, service: '', action: '', kind: 'compensatable' });

/** The draft a start gives (a deep copy: editing never changes a built-in). */
export function startDraft(start: Start): Draft {
  if (start === 'empty') return { id: 'my-saga', title: 'My saga', steps: [blankStep('step-1')] };
  return JSON.parse(JSON.stringify(BUILT_IN_DEFINITIONS[start])) as Draft;
}

/** A value the form can show: an object with a list of step objects. Anything else is shown only as problems. */
export function asDraft(value: unknown): Draft | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const steps = (value as Draft).steps;
  if (!Array.isArray(steps) || !steps.every((s) => typeof s === 'object' && s !== null && !Array.isArray(s))) return null;
  return value as Draft;
}

/**
 * A typed field's JSON value: blank removes an optional field; numbers become numbers; any other
 * text stays text, so the rules report it next to the field instead of it being silently dropped.
 */
export function fieldValue(text: string, kind: 'text' | 'number'): unknown {
  if (text === '') return undefined;
  if (kind === 'text') return text;
  const trimmed = text.trim();
  if (trimmed === 'Infinity') return 'Infinity';
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

/** How a JSON value shows in a text field. */
export const fieldText = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

const without = (o: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));
const withField = (o: Record<string, unknown>, key: string, value: unknown) => (value === undefined ? without(o, key) : { ...o, [key]: value });

/** The draft with one step's field set (a nested `retry.maxAttempts` too); undefined removes it, and an emptied policy goes. */
export function setStepField(d: Draft, index: number, path: string, value: unknown): Draft {
  const steps = d.steps.map((s, i) => {
    if (i !== index) return s;
    const [head, sub] = path.split('.');
    if (!sub) return withField(s, head, value);
    const inner = typeof s[head] === 'object' && s[head] !== null ? (s[head] as Record<string, unknown>) : {};
    const next = withField(inner, sub, value);
    return withField(s, head, Object.keys(next).length ? next : undefined);
  });
  return { ...d, steps };
}

/** The draft with a top-level field (id, title) set. */
export const setTopField = (d: Draft, key: 'id' | 'title', value: unknown): Draft => withField(d, key, value) as Draft;

/** The draft with step `from` moved to `to`. */
export function moveStep(d: Draft, from: number, to: number): Draft {
  if (to < 0 || to >= d.steps.length) return d;
  const steps = [...d.steps];
  const [s] = steps.splice(from, 1);
  steps.splice(to, 0, s);
  return { ...d, steps };
}

export const removeStep = (d: Draft, index: number): Draft => ({ ...d, steps: d.steps.filter((_, i) => i !== index) });

/** The draft with a blank step at the end, under the first free `step-N` id. */
export function addStep(d: Draft): Draft {
  const ids = new Set(d.steps.map((s) => s.id));
  let n = d.steps.length + 1;
  while (ids.has(`step-${n}`)) n++;
  return { ...d, steps: [...d.steps, blankStep(`step-${n}`)] };
}

/** Problems grouped by JSON path, for showing each next to its field. */
export function problemsByPath(problems: readonly DefinitionProblem[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const p of problems) out.set(p.path, [...(out.get(p.path) ?? []), p.message]);
  return out;
}

/** Scenario fields that name steps of the definition. */
const STEP_FIELDS = ['lostResponses', 'compensationFailures', 'serviceDelays'] as const;

/**
 * The scenario with a new definition, keeping every fault that still names one of its steps and
 * dropping the others (a failure at a step that no longer exists cannot run).
 */
export function withDefinition(scenario: Partial<Scenario>, definition: Scenario['definition'], steps: readonly string[]): Partial<Scenario> {
  const out: Partial<Scenario> = { ...scenario, definition };
  if (out.failAt !== undefined && !steps.includes(out.failAt)) delete out.failAt;
  if (out.dropEvent !== undefined && !steps.includes(out.dropEvent)) delete out.dropEvent;
  if (out.crash !== undefined && !steps.includes(out.crash.step)) delete out.crash;
  for (const f of STEP_FIELDS) {
    const map = out[f] as Record<string, unknown> | undefined;
    if (map) (out as Record<string, unknown>)[f] = Object.fromEntries(Object.entries(map).filter(([k]) => steps.includes(k)));
  }
  return out;
}
