import { failureMatrix, MATRIX_COLUMNS, type MatrixCell, matrixRows, resolveDefinition, resolveScenario, type Scenario, serializeRun, summarizeMatrix, summarySentence, type Verdict } from '../core';
import { scenarioToArgs, UsageError } from './flags';

/** A verdict as a symbol and a word, so the table does not rely on colour. */
export const VERDICT_MARK: Readonly<Record<Verdict, string>> = { ok: '✓ ok', recovered: '↻ recovered', silent: '✗ SILENT' };

/** Scenario fields `--matrix` takes; every other field is set by the matrix itself, cell by cell. */
const MATRIX_FIELDS: readonly (keyof Scenario)[] = ['definition', 'seed'];

/** The cells that break the promise of keys and an orchestrator: `--strict` fails on any. */
export const strictFailures = (cells: readonly MatrixCell[]): MatrixCell[] => cells.filter((c) => c.column === 'orchestration/keys-on' && c.verdict === 'silent');

// The widest cell, "↻ recovered needs-attention", plus a gap.
const COL = 29;
const pad = (text: string) => `${text.padEnd(COL - 1)} `;
const cellText = (c: MatrixCell | undefined) => pad(c ? `${VERDICT_MARK[c.verdict]} ${c.outcome}` : '— n/a');

/**
 * `--matrix`: the failure matrix of the definition as a table (or JSON), with every silent cell's
 * replay line. `violated` is true when a keys-on orchestration cell is silent (for `--strict`).
 */
export function matrixOutput(scenario: Partial<Scenario>, json: boolean): { text: string; violated: boolean } {
  const extra = Object.keys(scenario).filter((k) => !MATRIX_FIELDS.includes(k as keyof Scenario));
  if (extra.length > 0) throw new UsageError(`--matrix sets every fault itself; it takes only --definition and --seed (got ${extra.map((k) => `the ${k} field`).join(', ')}).`);
  const definition = scenario.definition ?? 'order';
  const cells = failureMatrix(definition, { seed: scenario.seed });
  const violated = strictFailures(cells).length > 0;
  if (json) return { text: serializeRun(cells), violated };
  const summary = summarizeMatrix(cells);
  const lines = [
    `Failure matrix: ${resolveDefinition(definition).title}, seed ${scenario.seed ?? 1} — every single fault, one run per cell.`,
    `    ${MATRIX_COLUMNS.map((c) => pad(c.label)).join('')}`,
  ];
  let step = '';
  for (const row of matrixRows(cells, definition)) {
    const [head, fault] = row.label.split(': ');
    if (head !== step) lines.push(head);
    step = head;
    lines.push(`    ${fault}`);
    lines.push(`    ${row.cells.map(cellText).join('')}`);
  }
  lines.push('');
  lines.push(`${summarySentence(summary)} ${summary.recovered} recovered, ${summary.ok} ok. — n/a: the fault cannot happen in that mode.`);
  lines.push('✓ ok: nothing had to be handled · ↻ recovered: the saga fixed it or raised an alert · ✗ SILENT: an invariant broken and nobody alerted');
  const silent = cells.filter((c) => c.verdict === 'silent');
  if (silent.length > 0) lines.push('', 'Silent cells (replay one with the line after it):');
  for (const c of silent) {
    lines.push(`  ✗ ${c.row} (${c.column}): ${[...new Set(c.violations.map((v) => v.invariant))].join(', ')}`);
    lines.push(`    npm run sim -- ${scenarioToArgs(resolveScenario(c.scenario)).join(' ')}`);
  }
  if (violated) lines.push('', `${strictFailures(cells).length} silent cell(s) with keys on and an orchestrator: that should never happen.`);
  return { text: lines.map((l) => l.trimEnd()).join('\n'), violated };
}
