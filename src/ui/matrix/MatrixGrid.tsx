import { type KeyboardEvent, memo, useCallback, useRef, useState } from 'react';
import { MATRIX_COLUMNS, type MatrixCell, type MatrixRow } from '../../core';
import { type GridPos, nextPos } from './gridKeys';
import { cellHref, openCell } from './openCell';
import { brokenInvariants, cellNotes, notApplicableReason, VERDICT } from './verdictText';

interface Props {
  rows: readonly MatrixRow[];
  /** Called when a cell gets the focus, to show its details (pointer users also get the fault as a tooltip). */
  onActive: (cell: MatrixCell | undefined, row: MatrixRow) => void;
}

/** What a screen reader hears for a cell, beyond its row and column headers. */
function cellLabel(cell: MatrixCell): string {
  const broken = brokenInvariants(cell);
  const parts = [`${VERDICT[cell.verdict].word}: ${cell.outcome}`];
  if (broken.length) parts.push(`broken: ${broken.join(', ')}`);
  const notes = cellNotes(cell).replace('⚠ ', '');
  if (notes) parts.push(notes);
  return `${parts.join('; ')}. Open this run.`;
}

const plainClick = (e: React.MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

/**
 * The matrix as an ARIA grid: one row per fault point, one column per mode × keys. One cell at a
 * time is in the tab order (roving tabindex); the arrow keys, Home, End (with Ctrl: the corners),
 * Page Up and Page Down move between cells. A cell is a link to its run: Enter or a click opens it.
 */
export function MatrixGrid({ rows, onActive }: Props) {
  const [active, setActive] = useState<GridPos>({ row: 0, col: 0 });
  const table = useRef<HTMLTableElement>(null);
  // Rows change with the filter: keep the roving cell inside the grid.
  const at = { row: Math.min(active.row, Math.max(0, rows.length - 1)), col: active.col };

  // Stable, so a move re-renders only the two rows whose roving cell changed.
  const onFocusCell = useCallback(
    (pos: GridPos, cell: MatrixCell | undefined, row: MatrixRow) => {
      setActive(pos);
      onActive(cell, row);
    },
    [onActive],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const pos = nextPos(e.key, at, rows.length, MATRIX_COLUMNS.length, e.ctrlKey || e.metaKey);
    if (!pos) return;
    e.preventDefault();
    setActive(pos);
    table.current?.querySelector<HTMLElement>(`[data-pos="${pos.row}:${pos.col}"]`)?.focus();
  };

  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern: a table whose cells are navigated with the arrow keys
    <table ref={table} role="grid" className="matrix-grid" aria-label="Failure matrix: fault points by mode and idempotency keys" onKeyDown={onKeyDown}>
      <thead>
        <tr className="matrix-row matrix-head">
          <th scope="col" className="matrix-corner">
            Fault point
          </th>
          {MATRIX_COLUMNS.map((c) => (
            <th key={c.id} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <GridRow key={row.id} row={row} index={r} stepStart={r > 0 && rows[r - 1].step !== row.step} activeCol={at.row === r ? at.col : -1} onFocusCell={onFocusCell} />
        ))}
      </tbody>
    </table>
  );
}

interface RowProps {
  row: MatrixRow;
  index: number;
  stepStart: boolean;
  /** The column of the roving cell when it is in this row, else -1. */
  activeCol: number;
  onFocusCell: (pos: GridPos, cell: MatrixCell | undefined, row: MatrixRow) => void;
}

/** One fault point: its header and its four cells. */
const GridRow = memo(function GridRow({ row, index: r, stepStart, activeCol, onFocusCell }: RowProps) {
  const [where, fault] = row.label.split(': ');
  return (
    <tr className={stepStart ? 'matrix-row matrix-step-start' : 'matrix-row'}>
      <th scope="row" className="matrix-row-head">
        <span className="matrix-where">{where}</span> <span className="matrix-fault">{fault}</span>
      </th>
      {row.cells.map((cell, c) => {
        const focusable = { tabIndex: activeCol === c ? 0 : -1, 'data-pos': `${r}:${c}` };
        const activate = () => onFocusCell({ row: r, col: c }, cell, row);
        if (!cell) {
          // A cell with nothing to open is still a stop for the arrow keys.
          return (
            <td key={MATRIX_COLUMNS[c].id} className="matrix-cell na" {...focusable} onFocus={activate}>
              <span className="matrix-col-tag" aria-hidden="true">
                {MATRIX_COLUMNS[c].label}
              </span>
              <span aria-hidden="true">— n/a</span>
              <span className="visually-hidden">not applicable. {notApplicableReason(row.fault)}</span>
            </td>
          );
        }
        const v = VERDICT[cell.verdict];
        const notes = cellNotes(cell);
        return (
          <td key={MATRIX_COLUMNS[c].id} className={`matrix-cell ${cell.verdict}`}>
            <a
              href={cellHref(cell)}
              {...focusable}
              aria-label={cellLabel(cell)}
              title={cell.description}
              onFocus={activate}
              onClick={(e) => {
                if (!plainClick(e)) return;
                e.preventDefault();
                openCell(cell);
              }}
            >
              <span className="matrix-col-tag" aria-hidden="true">
                {MATRIX_COLUMNS[c].label}
              </span>
              <span className="matrix-verdict">
                <span aria-hidden="true">{v.symbol}</span> {v.word}
              </span>
              <span className="matrix-outcome">{cell.outcome}</span>
              {notes && <span className="matrix-notes">{notes}</span>}
            </a>
          </td>
        );
      })}
    </tr>
  );
});
