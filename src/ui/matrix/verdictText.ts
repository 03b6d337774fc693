import type { FaultKind, MatrixCell, Verdict } from '../../core';

/** A verdict as a symbol and a word: the colour only repeats what these say. */
export const VERDICT: Readonly<Record<Verdict, { symbol: string; word: string; long: string }>> = {
  ok: { symbol: '✓', word: 'ok', long: 'ok: nothing had to be handled' },
  recovered: { symbol: '↻', word: 'recovered', long: 'recovered: the saga fixed it or raised an alert' },
  silent: { symbol: '✗', word: 'silent', long: 'silent inconsistency: an invariant broken and nobody alerted' },
};

/** The small print of a cell: an alert, and the number of retries. */
export function cellNotes(cell: MatrixCell): string {
  const notes: string[] = [];
  if (cell.alerts.length > 0) notes.push('⚠ alert');
  if (cell.retries > 0) notes.push(`${cell.retries} ${cell.retries === 1 ? 'retry' : 'retries'}`);
  return notes.join(' · ');
}

/** The invariants a cell broke, each once. */
export const brokenInvariants = (cell: MatrixCell): string[] => [...new Set(cell.violations.map((v) => v.invariant))];

/** Virtual seconds, as the timeline shows them. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Why a fault has no cell in a choreography. */
export const notApplicableReason = (fault: FaultKind): string =>
  fault === 'timeout-before-commit' ? 'In a choreography no caller waits for a reply, so nothing times out.' : 'In a choreography there is no orchestrator to crash.';
