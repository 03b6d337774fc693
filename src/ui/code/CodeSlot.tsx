import { lazy, Suspense, useState } from 'react';
import type { RunView } from '../runView';
import './code.css';

// The generators and the highlighter load only once the learner opens the panel.
const CodePanel = lazy(() => import('./CodePanel').then((m) => ({ default: m.CodePanel })));

interface CodeSlotProps {
  run: RunView;
  /** Start expanded (a lesson that reads the code beside the run). */
  defaultOpen?: boolean;
}

/** The Code panel's frame: a disclosure whose contents load on first opening. */
export function CodeSlot({ run, defaultOpen = false }: CodeSlotProps) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details className="code-panel" open={defaultOpen} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        <h2>The same saga as code</h2>
        <span className="code-summary-note">Step Functions, Temporal, Durable Functions, hand-rolled — following the run</span>
      </summary>
      {open && (
        <Suspense fallback={<p className="loading">Loading the code…</p>}>
          <CodePanel run={run} />
        </Suspense>
      )}
    </details>
  );
}
