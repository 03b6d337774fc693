/**
 * The run on screen, for "Download: Run (JSON)". Kept apart from the download code so the views
 * can record it without loading that code (it loads when the share box opens).
 */

import { type RunResult, serializeRun } from '../../core';

/** The run the view last showed, and side by side both of its sides; set by the views (see `useReportRunEnd`). */
let shown: { run: RunResult; sides?: { choreography: RunResult; orchestration: RunResult } } | null = null;

/** Records the run on screen. */
export function noteShownRun(run: RunResult, sides?: { choreography: RunResult; orchestration: RunResult }): void {
  shown = sides ? { run, sides } : { run };
}

/** The run on screen as indented JSON (side by side: both sides), or null before any run was shown. */
export function shownRunJson(): string | null {
  if (!shown) return null;
  // As every run is serialised: Infinity (maxAttempts) is written "Infinity", never null.
  return serializeRun(shown.sides ?? shown.run);
}
