/**
 * A small declarative vocabulary of facts about a finished run, so a lesson written as JSON can
 * say where its answer comes from without code: `{ "fact": "outcome" }`,
 * `{ "fact": "compensationOrder" }`, `{ "fact": "rowCount", "table": "payments", "where": { "kind": "charge" } }`,
 * `{ "fact": "alertRaised" }`, … Each fact reads the run's trace or tables, nothing else.
 */

import type { RunResult } from '../../core';
import type { Answer } from '../types';

/** A fact about a run, as a lesson file writes it. */
export type Fact =
  /** The first saga's outcome: completed, compensated, needs-attention or stuck. */
  | { fact: 'outcome' }
  /** The steps whose compensation succeeded, first to last (the first saga). */
  | { fact: 'compensationOrder' }
  /** The steps that succeeded going forward, first to last (the first saga). */
  | { fact: 'completedSteps' }
  /** How many rows a table holds, optionally only those whose fields equal `where`'s values. */
  | { fact: 'rowCount'; table: string; where?: Record<string, string | number | boolean> }
  /** "yes" when any alert was raised, else "no". */
  | { fact: 'alertRaised' }
  /** How many sagas (buyers) completed. */
  | { fact: 'completedSagas' }
  /** How many trace events of one type there are, optionally for one step. */
  | { fact: 'eventCount'; type: string; step?: string }
  /** "yes" when the invariant is violated at the end of the run, else "no". */
  | { fact: 'violated'; invariant: string };

/** The fact names, for validation and documentation. */
export const FACT_NAMES = ['outcome', 'compensationOrder', 'completedSteps', 'rowCount', 'alertRaised', 'completedSagas', 'eventCount', 'violated'] as const;

/** What kind of answer each fact gives: a question must ask for that kind. */
export const FACT_ANSWER: Record<Fact['fact'], 'choice' | 'order' | 'number'> = {
  outcome: 'choice',
  compensationOrder: 'order',
  completedSteps: 'order',
  rowCount: 'number',
  alertRaised: 'choice',
  completedSagas: 'number',
  eventCount: 'number',
  violated: 'choice',
};

const FIRST_SAGA = 's-1';
const stepsWith = (run: RunResult, type: string) => run.trace.filter((e) => e.saga === FIRST_SAGA && e.type === type && e.step !== undefined).map((e) => String(e.step));
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/** The fact's value in the run. */
export function readFact(fact: Fact, run: RunResult): Answer {
  switch (fact.fact) {
    case 'outcome':
      return run.outcome;
    case 'compensationOrder':
      return stepsWith(run, 'compensation.succeeded');
    case 'completedSteps':
      return stepsWith(run, 'step.succeeded');
    case 'rowCount': {
      const rows = (run.databases as Record<string, { rows: Record<string, unknown>[] } | undefined>)[fact.table]?.rows ?? [];
      const where = Object.entries(fact.where ?? {});
      return rows.filter((r) => where.every(([k, v]) => r[k] === v)).length;
    }
    case 'alertRaised':
      return yesNo(run.alerts.length > 0);
    case 'completedSagas':
      return run.trace.filter((e) => e.type === 'saga.completed').length;
    case 'eventCount':
      return run.trace.filter((e) => e.type === fact.type && (fact.step === undefined || e.step === fact.step)).length;
    case 'violated':
      return yesNo(run.violations.some((v) => v.invariant === fact.invariant));
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const FIELDS: Record<Fact['fact'], readonly string[]> = {
  outcome: [],
  compensationOrder: [],
  completedSteps: [],
  rowCount: ['table', 'where'],
  alertRaised: [],
  completedSagas: [],
  eventCount: ['type', 'step'],
  violated: ['invariant'],
};

/** Problems with a fact as written (any JSON), each at its path under `at`. */
export function factProblems(value: unknown, at: string): { path: string; message: string }[] {
  if (!isObject(value) || !(FACT_NAMES as readonly unknown[]).includes(value.fact)) {
    return [{ path: `${at}.fact`, message: `must be one of ${FACT_NAMES.join(', ')}` }];
  }
  const name = value.fact as Fact['fact'];
  const out: { path: string; message: string }[] = [];
  for (const k of Object.keys(value)) if (k !== 'fact' && !FIELDS[name].includes(k)) out.push({ path: `${at}.${k}`, message: `is not a field of the ${name} fact` });
  const text = (k: string, required: boolean) => {
    const v = value[k];
    if (v === undefined ? required : typeof v !== 'string' || v.length === 0 || v.length > 60) out.push({ path: `${at}.${k}`, message: 'must be a name (1–60 characters)' });
  };
  if (name === 'rowCount') {
    text('table', true);
    const w = value.where;
    if (w !== undefined && (!isObject(w) || !Object.values(w).every((x) => ['string', 'number', 'boolean'].includes(typeof x)))) {
      out.push({ path: `${at}.where`, message: 'must map field names to a text, number or true/false' });
    }
  }
  if (name === 'eventCount') {
    text('type', true);
    text('step', false);
  }
  if (name === 'violated') text('invariant', true);
  return out;
}
