/** A position in a grid of data cells: row and column, from 0. */
export interface GridPos {
  row: number;
  col: number;
}

/** Rows a Page Up / Page Down moves. */
const PAGE = 5;

/**
 * Where a key moves the focus in a `rows` × `cols` grid (the ARIA grid pattern): arrows by one
 * cell, Home / End to the row's ends, Ctrl+Home / Ctrl+End to the grid's corners, Page Up / Page
 * Down by five rows; it stops at the edges. `undefined` for a key the grid does not handle.
 */
export function nextPos(key: string, at: GridPos, rows: number, cols: number, ctrl = false): GridPos | undefined {
  if (rows <= 0 || cols <= 0) return undefined;
  const clamp = (row: number, col: number): GridPos => ({ row: Math.min(rows - 1, Math.max(0, row)), col: Math.min(cols - 1, Math.max(0, col)) });
  switch (key) {
    case 'ArrowUp':
      return clamp(at.row - 1, at.col);
    case 'ArrowDown':
      return clamp(at.row + 1, at.col);
    case 'ArrowLeft':
      return clamp(at.row, at.col - 1);
    case 'ArrowRight':
      return clamp(at.row, at.col + 1);
    case 'Home':
      return ctrl ? clamp(0, 0) : clamp(at.row, 0);
    case 'End':
      return ctrl ? clamp(rows - 1, cols - 1) : clamp(at.row, cols - 1);
    case 'PageUp':
      return clamp(at.row - PAGE, at.col);
    case 'PageDown':
      return clamp(at.row + PAGE, at.col);
    default:
      return undefined;
  }
}
