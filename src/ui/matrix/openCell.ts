import { type MatrixCell, resolveScenario } from '../../core';
import { toQuery } from '../../embed';
import { useUiStore } from '../../store/uiStore';
import { minimalScenario } from '../course/location';
import { useRaceStore } from '../race/raceStore';

/** The link to a cell's run in the single-run view (only what differs from the defaults). */
export const cellHref = (cell: MatrixCell): string => `?${toQuery(minimalScenario(resolveScenario(cell.scenario)))}`;

/**
 * Opens a cell's run in the single-run view, in place, with a history entry, so Back returns to
 * the matrix. The store gets the cell's scenario itself, so the run is exactly the cell's.
 */
export function openCell(cell: MatrixCell): void {
  try {
    window.history.pushState(null, '', cellHref(cell));
  } catch {
    // Some sandboxes forbid history changes; the run still opens.
  }
  useRaceStore.setState({ mode: 'seeded', picks: [] });
  useUiStore.setState({ scenario: minimalScenario(resolveScenario(cell.scenario)), view: 'single', cursor: 0, playing: false });
}
