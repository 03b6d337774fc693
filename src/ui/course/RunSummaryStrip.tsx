import { useMemo } from 'react';
import type { RunView } from '../runView';
import { type RunSummary, runSummary } from './runSummary';
import { useShownSummary } from './shownSummary';
import './runSummary.css';

/**
 * The run at the playback position in two lines, kept next to the lesson text: on a phone the
 * tables are a long scroll away, so this strip sticks to the bottom of the screen while the
 * lesson is in view. Not a live region: the narration already announces each step.
 */
function Strip({ summary }: { summary: RunSummary }) {
  return (
    <section className="run-summary" aria-label="The run so far">
      {summary.sagas.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one line per saga, in saga order
        <p key={i}>{line}</p>
      ))}
      {summary.key && <p className="run-summary-key">{summary.key}</p>}
    </section>
  );
}

/** The strip for the run beside the lesson (the single run, the race). */
export function RunSummaryStrip({ run }: { run: RunView }) {
  const summary = useMemo(() => runSummary(run), [run]);
  return <Strip summary={summary} />;
}

/** The strip for a view below the lesson (side by side, the trace), from the summary that view publishes. */
export function ShownSummaryStrip() {
  const summary = useShownSummary((s) => s.summary);
  return summary && <Strip summary={summary} />;
}
