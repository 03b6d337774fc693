import { useMemo } from 'react';
import type { RunView } from '../runView';
import { runSummary } from './runSummary';
import './runSummary.css';

/**
 * The run at the playback position in two lines, kept next to the lesson text: on a phone the
 * tables are a long scroll away, so this strip sticks to the bottom of the screen while the
 * lesson is in view. Not a live region: the narration already announces each step.
 */
export function RunSummaryStrip({ run }: { run: RunView }) {
  const summary = useMemo(() => runSummary(run), [run]);
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
