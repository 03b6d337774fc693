/**
 * What the code exporters read: a saga definition as plain data (the JSON format of
 * "saga as data") and the retry policy each call gets. Structural on purpose, so the
 * exporters depend on the format, not on the kernel that runs it.
 */
import type { RetryPolicy } from '../basics';
import type { SagaDefinitionJson, SagaStepJson } from '../definitions/definition';
import { stepPolicies as policiesOf, type StepPolicies } from '../retryPolicy';

export { DEFAULT_TIMEOUT_MS } from '../definitions/definition';

/** A step as the exporters read it: the definition JSON's step (`{ id, service, action, kind, … }`). */
export type ExportStep = SagaStepJson;

/** A definition as the exporters read it: the definition JSON (`{ id, title, steps }`), defaults optional. */
export type ExportDefinition = Pick<SagaDefinitionJson, 'id' | 'title'> & { steps: readonly ExportStep[] };

/** What else decides the generated code: the scenario-wide retry override (`Scenario.retry`). */
export interface ExportOptions {
  retry?: Partial<RetryPolicy>;
}

/** The error name a service uses for a business refusal (card declined): never retried, nothing to undo. */
export const BUSINESS_FAILURE = 'BusinessFailure';

/** The policies the simulator applies to a step (the core's one rule, `stepPolicies`), under the export's retry override. */
export function stepPolicies(step: ExportStep, options: ExportOptions = {}): StepPolicies {
  return policiesOf(step, options.retry);
}

/** The part of the saga a line of code or a state belongs to. */
export type CodePhase = 'forward' | 'compensation' | 'confirmation';

/** Where the run can be in the code: a step's call, or its retry policy while it backs off. */
export interface CodeAnchor {
  step: string;
  phase: CodePhase;
  part: 'call' | 'retry';
}

/** The key of an anchor in {@link CodeFile.anchors}. */
export const anchorKey = (a: CodeAnchor): string => `${a.step}/${a.phase}/${a.part}`;

/** Lines `from`–`to` (1-based, inclusive). */
export interface LineRange {
  from: number;
  to: number;
}

/** One generated file, with the lines each anchor covers. */
export interface CodeFile {
  name: string;
  language: 'json' | 'typescript';
  text: string;
  anchors: Record<string, LineRange>;
}

const words = (s: string): string[] => s.split(/[^A-Za-z0-9]+/).filter(Boolean);
const upperFirst = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** `"book the flight"` → `bookTheFlight`; a leading digit gets an underscore. */
export function camelCase(s: string): string {
  const [first = 'step', ...rest] = words(s);
  const id = first.toLowerCase() + rest.map((w) => upperFirst(w.toLowerCase())).join('');
  return /^[0-9]/.test(id) ? `_${id}` : id;
}

/** The function names of every call in a definition, unique (a clash gets the step id appended). */
export interface CallNames {
  forward: Map<string, string>;
  compensation: Map<string, string>;
  confirm: Map<string, string>;
}

/** Unique camelCase names for each step's forward action, compensation and confirmation. */
export function callNames(def: ExportDefinition): CallNames {
  const used = new Set<string>(['confirm', 'input', 'key', 'compensations', 'call']);
  const take = (wanted: string, stepId: string): string => {
    let name = used.has(wanted) ? `${wanted}${upperFirst(camelCase(stepId))}` : wanted;
    for (let i = 2; used.has(name); i++) name = `${wanted}${i}`;
    used.add(name);
    return name;
  };
  const out: CallNames = { forward: new Map(), compensation: new Map(), confirm: new Map() };
  for (const s of def.steps) {
    out.forward.set(s.id, take(camelCase(s.action), s.id));
    if (s.compensation) out.compensation.set(s.id, take(camelCase(s.compensation), s.id));
    if (s.confirm) out.confirm.set(s.id, take(camelCase(`confirm ${s.id}`), s.id));
  }
  return out;
}

/** A string literal safe to paste into generated TypeScript (JSON quoting, no line breaks). */
export const tsString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/[\r\n\u2028\u2029]/g, ' ')}'`;

/** Text safe inside a generated `//` or `/** *\/` comment: one line, no comment terminator. */
export const commentText = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /');

/** Whole seconds for a duration in ms, rounded up (engines that count in seconds). */
export const ceilSeconds = (ms: number): number => Math.ceil(ms / 1000);

/** The workflow / orchestration function's name: `trip` → `tripSaga`. */
export const workflowName = (def: ExportDefinition): string => `${camelCase(def.id)}Saga`;
