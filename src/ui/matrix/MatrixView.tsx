import { useCallback, useId, useMemo, useState } from 'react';
import { BUILT_IN_DEFINITIONS, DEFINITION_NAMES, type DefinitionName, type MatrixCell, type MatrixRow, matrixRows, resolveDefinition, summarizeMatrix, summarySentence } from '../../core';
import { LINK_STEP_IDS } from '../../embed/codecs';
import { useUiStore } from '../../store/uiStore';
import { MatrixGrid } from './MatrixGrid';
import { useMatrix } from './useMatrix';
import { brokenInvariants, cellNotes, notApplicableReason, seconds, VERDICT } from './verdictText';
import './matrix.css';

/** What the focused cell is: the fault in words, and what its run did. */
function CellDetails({ cell, row }: { cell: MatrixCell | undefined; row: MatrixRow }) {
  if (!cell) {
    return (
      <p>
        <strong>{row.label}</strong> — not applicable. {notApplicableReason(row.fault)}
      </p>
    );
  }
  const broken = brokenInvariants(cell);
  const notes = cellNotes(cell);
  return (
    <>
      <p>
        <strong>{row.label}</strong> ({cell.mode}, keys {cell.idempotencyKeys ? 'on' : 'off'}): {cell.description}
      </p>
      <p>
        <span aria-hidden="true">{VERDICT[cell.verdict].symbol}</span> {VERDICT[cell.verdict].long}. Outcome {cell.outcome}
        {broken.length > 0 ? `; broken: ${broken.join(', ')}` : '; no invariant broken'}
        {notes ? `; ${notes.replace('⚠ ', '')}` : ''}; {seconds(cell.durationMs)} of virtual time.
      </p>
    </>
  );
}

// Every cell is a link, so only sagas whose step ids a link can carry are offered (today every built-in).
const LINKABLE = DEFINITION_NAMES.filter((d) => resolveDefinition(d).steps.every((s) => LINK_STEP_IDS.includes(s.id)));
const UNLINKABLE = DEFINITION_NAMES.filter((d) => !LINKABLE.includes(d));

/**
 * The failure matrix of a saga: every single fault point (rows) run in every mode with keys off
 * and on (columns), each cell a link to its run. A filter keeps the rows with a silent cell.
 */
export function MatrixView() {
  const scenario = useUiStore((s) => s.scenario);
  const asked = scenario.definition;
  const [definition, setDefinition] = useState<DefinitionName>(typeof asked === 'string' && LINKABLE.includes(asked) ? asked : 'order');
  const seed = scenario.seed ?? 1;
  const cells = useMatrix(definition, seed);
  const [onlySilent, setOnlySilent] = useState(false);
  const [active, setActive] = useState<{ cell: MatrixCell | undefined; row: MatrixRow }>();
  const allRows = useMemo(() => (cells ? matrixRows(cells, definition) : []), [cells, definition]);
  const rows = onlySilent ? allRows.filter((r) => r.cells.some((c) => c?.verdict === 'silent')) : allRows;
  const summary = cells && summarizeMatrix(cells);
  const ids = { definition: useId(), details: useId() };
  const onActive = useCallback((cell: MatrixCell | undefined, row: MatrixRow) => setActive({ cell, row }), []);

  return (
    <section className="matrix-view" aria-labelledby="matrix-title">
      <h2 id="matrix-title">Failure matrix</h2>
      <p className="matrix-intro">
        Every single fault, one at a time, at every step of the saga — with and without idempotency keys, orchestrated and choreographed. Each cell is one
        replayable run (seed {seed}); open it to watch what happened.
      </p>
      <div className="matrix-tools">
        <label htmlFor={ids.definition}>
          Saga{' '}
          <select id={ids.definition} value={definition} onChange={(e) => setDefinition(e.target.value as DefinitionName)}>
            {LINKABLE.map((name) => (
              <option key={name} value={name}>
                {BUILT_IN_DEFINITIONS[name].title}
              </option>
            ))}
          </select>
        </label>
        {UNLINKABLE.length > 0 && (
          <p className="matrix-note">
            A link cannot carry the steps of {UNLINKABLE.join(', ')} yet; its matrix is in the command line: <code>npm run sim -- --matrix --definition {UNLINKABLE[0]}</code>
          </p>
        )}
        <label className="check">
          <input type="checkbox" checked={onlySilent} onChange={(e) => setOnlySilent(e.target.checked)} /> Only silent
        </label>
      </div>
      <p className="matrix-summary" role="status">
        {summary ? (
          <>
            <strong>{summarySentence(summary)}</strong> {summary.recovered} recovered, {summary.ok} ok.
            {onlySilent && ` Showing the ${rows.length} of ${allRows.length} fault points with a silent cell.`}
          </>
        ) : (
          'Running every fault…'
        )}
      </p>
      <ul className="matrix-legend" aria-label="Legend">
        {Object.entries(VERDICT).map(([k, v]) => (
          <li key={k} className={`matrix-cell ${k}`}>
            <span aria-hidden="true">{v.symbol}</span> {v.long}
          </li>
        ))}
        <li className="matrix-cell na">
          <span aria-hidden="true">—</span> n/a: the fault cannot happen in that mode
        </li>
      </ul>
      <div className="matrix-details" id={ids.details}>
        {active ? <CellDetails cell={active.cell} row={active.row} /> : <p>Tab into the grid and move with the arrow keys to read what each cell injected and what its run did; Enter or a click opens the run.</p>}
      </div>
      {cells && rows.length > 0 && <MatrixGrid rows={rows} onActive={onActive} />}
      {cells && rows.length === 0 && <p>No fault point of this saga has a silent cell.</p>}
    </section>
  );
}
