import { resolveDefinition } from '../definitions';
import { runScenario } from '../runScenario';
import type { Alert, Outcome, RunResult, Scenario, StepId, Violation } from '../types';
import { FAULT_LABELS, type FaultKind, faultPoints, type MatrixMode } from './faultPoints';

export { FAULT_LABELS, type FaultKind, type MatrixMode } from './faultPoints';

/**
 * What a cell's run amounts to:
 * - `silent`: an invariant is broken and nobody was alerted — the inconsistency nobody will notice;
 * - `recovered`: something visibly went wrong (a failure, a retry, a compensation, a deduplicated
 *   request, a crash recovery, an alert) and the saga either fixed it or raised an alert;
 * - `ok`: no invariant broken, no alert, and nothing in the trace had to be handled (the fault
 *   changed only the timing, such as a slow service in a choreography).
 */
export type Verdict = 'ok' | 'recovered' | 'silent';

/** A column of the matrix: idempotency keys off/on × orchestration/choreography. */
export interface MatrixColumn {
  id: string;
  mode: MatrixMode;
  idempotencyKeys: boolean;
  label: string;
}

/** The four columns, in display order: keys off (orchestration, choreography), then keys on. */
export const MATRIX_COLUMNS: readonly MatrixColumn[] = [false, true].flatMap((keys) =>
  (['orchestration', 'choreography'] as const).map((mode) => ({
    id: `${mode}/${keys ? 'keys-on' : 'keys-off'}`,
    mode,
    idempotencyKeys: keys,
    label: `${mode === 'orchestration' ? 'Orchestration' : 'Choreography'}, keys ${keys ? 'on' : 'off'}`,
  })),
);

/** One run of the matrix: a single fault, in one mode, with keys on or off. */
export interface MatrixCell {
  /** The row: `step/phase/fault`, e.g. `payment/forward/lost-reply`. */
  row: string;
  /** The column: one of {@link MATRIX_COLUMNS}' ids, e.g. `orchestration/keys-off`. */
  column: string;
  step: StepId;
  phase: 'forward' | 'compensation';
  fault: FaultKind;
  mode: MatrixMode;
  idempotencyKeys: boolean;
  /** What was injected, in plain words (for a compensation fault, also the later failure it is paired with). */
  description: string;
  /** Replays the cell exactly: `runScenario(cell.scenario)`. */
  scenario: Partial<Scenario>;
  outcome: Outcome;
  violations: Violation[];
  alerts: Alert[];
  verdict: Verdict;
  /** Retries of forward steps and compensations (`step.retrying` and `compensation.retrying` events). */
  retries: number;
  /** Virtual time of the run's last event, in ms. */
  durationMs: number;
}

/** Options of {@link failureMatrix}. */
export interface MatrixOptions {
  /** The seed of every cell's run. Default 1. */
  seed?: number;
}

/** Trace events that show the saga had to deal with something. */
const HANDLED = new Set<string>([
  'step.failed',
  'step.retrying',
  'step.uncertain',
  'step.deduplicated',
  'compensation.started',
  'compensation.retrying',
  'compensation.deduplicated',
  'confirmation.retrying',
  'confirmation.deduplicated',
  'orchestrator.recovered',
  'alert.raised',
]);

/** The verdict of a finished run (see {@link Verdict}). */
export function verdictOf(run: Pick<RunResult, 'violations' | 'alerts' | 'trace'>): Verdict {
  if (run.violations.length > 0 && run.alerts.length === 0) return 'silent';
  if (run.alerts.length > 0 || run.violations.length > 0 || run.trace.some((e) => HANDLED.has(e.type))) return 'recovered';
  return 'ok';
}

/** Retries in a run: forward steps' and compensations' `*.retrying` events. */
export const retriesOf = (run: Pick<RunResult, 'trace'>): number => run.trace.filter((e) => e.type === 'step.retrying' || e.type === 'compensation.retrying').length;

/**
 * Every single fault point of a saga definition, each run in every column: orchestration and
 * choreography, idempotency keys off and on. `definition` is what `runScenario` takes (a built-in
 * name such as `'trip'`, or a definition object); default `'order'`.
 *
 * Per step, the forward faults — business failure, timeout before commit, lost reply after commit,
 * slow service (the 409 path), dropped message, orchestrator crash before the call, crash after
 * commit — then, for a step with a compensation, its compensation faults — failing twice, failing
 * always, crash before the call, crash after commit — each paired with a business failure of the
 * first later step that can fail for good, since a compensation only runs when something fails
 * after its step (a step with no compensation, or nothing after it that can fail, has none).
 *
 * Faults that cannot happen in a mode are **omitted**: in a choreography there is no orchestrator
 * to crash, and no caller waits for a reply, so the orchestrator crashes and the timeout before
 * commit have no choreography cells (the slow-service row shows a late handler there). In a
 * choreography a lost reply is a lost acknowledgement (the bus redelivers the event) and a dropped
 * message is a dropped event.
 *
 * Pure and deterministic: the same definition and seed give the same cells.
 *
 * @example
 * const cells = failureMatrix('order');
 * cells.filter((c) => c.verdict === 'silent').map((c) => `${c.row} ${c.column}`);
 * runScenario(cells[0].scenario); // replays the first cell
 */
export function failureMatrix(definition: Scenario['definition'] = 'order', options: MatrixOptions = {}): MatrixCell[] {
  const def = resolveDefinition(definition);
  const seed = options.seed ?? 1;
  const cells: MatrixCell[] = [];
  for (const point of faultPoints(def)) {
    for (const column of MATRIX_COLUMNS) {
      if (!point.modes.includes(column.mode)) continue;
      const scenario: Partial<Scenario> = { definition, mode: column.mode, seed, idempotencyKeys: column.idempotencyKeys, ...point.inject };
      const run = runScenario(scenario);
      cells.push({
        row: `${point.step}/${point.phase}/${point.fault}`,
        column: column.id,
        step: point.step,
        phase: point.phase,
        fault: point.fault,
        mode: column.mode,
        idempotencyKeys: column.idempotencyKeys,
        description: point.describe(column.mode),
        scenario,
        outcome: run.outcome,
        violations: run.violations,
        alerts: run.alerts,
        verdict: verdictOf(run),
        retries: retriesOf(run),
        durationMs: run.trace.at(-1)?.at ?? 0,
      });
    }
  }
  return cells;
}

/** A row of the matrix: one fault point and its cell per column (`undefined` where the fault cannot happen). */
export interface MatrixRow {
  id: string;
  step: StepId;
  phase: 'forward' | 'compensation';
  fault: FaultKind;
  /** "Payments — charge the card: lost reply after commit". */
  label: string;
  cells: (MatrixCell | undefined)[];
}

/** The cells laid out as rows of {@link MATRIX_COLUMNS}, in the matrix's order. */
export function matrixRows(cells: readonly MatrixCell[], definition: Scenario['definition'] = 'order'): MatrixRow[] {
  const def = resolveDefinition(definition);
  const rows = new Map<string, MatrixRow>();
  for (const c of cells) {
    let row = rows.get(c.row);
    if (!row) {
      const step = def.steps.find((s) => s.id === c.step);
      const what = c.phase === 'forward' ? step?.action : step?.compensation;
      row = { id: c.row, step: c.step, phase: c.phase, fault: c.fault, label: `${step?.service ?? c.step} — ${what ?? c.phase}: ${FAULT_LABELS[c.fault]}`, cells: MATRIX_COLUMNS.map(() => undefined) };
      rows.set(c.row, row);
    }
    row.cells[MATRIX_COLUMNS.findIndex((k) => k.id === c.column)] = c;
  }
  return [...rows.values()];
}

/** How many cells have each verdict. */
export interface MatrixSummary {
  total: number;
  ok: number;
  recovered: number;
  silent: number;
}

/** Counts the cells by verdict. */
export function summarizeMatrix(cells: readonly MatrixCell[]): MatrixSummary {
  const count = (v: Verdict) => cells.filter((c) => c.verdict === v).length;
  return { total: cells.length, ok: count('ok'), recovered: count('recovered'), silent: count('silent') };
}

/** "7 of 120 cells are silent inconsistencies." */
export function summarySentence(s: MatrixSummary): string {
  return `${s.silent} of ${s.total} cells ${s.silent === 1 ? 'is a silent inconsistency' : 'are silent inconsistencies'}.`;
}
