import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
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
  const ref = useRef<HTMLElement>(null);
  const resting = useActionNearBottom(ref);
  return (
    <section ref={ref} className={resting ? 'run-summary run-summary-resting' : 'run-summary'} aria-label="The run so far">
      {summary.sagas.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one line per saga, in saga order
        <p key={i}>{line}</p>
      ))}
      {summary.key && <p className="run-summary-key">{summary.key}</p>}
    </section>
  );
}

/** How far up from the bottom of the screen the strip may reach (three lines and its padding, with room to spare). */
const STRIP_ZONE_PX = 160;

/**
 * Whether one of the lesson's next-step buttons ("Check my prediction", "Next lesson"…) is in the bottom
 * band of the screen where the strip sticks: then the strip stops sticking (it rests in its place after the
 * lesson) so it never hides the button the learner needs next, also when keyboard focus scrolls it into
 * view. Intersection observers only: no layout is read on scroll or per cursor move. The buttons change with
 * the lesson's step, so a mutation observer on the lesson's steps re-attaches the watch.
 */
function useActionNearBottom(strip: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const block = strip.current?.parentElement;
    if (!block || typeof IntersectionObserver === 'undefined') return;
    let io: IntersectionObserver | undefined;
    const watch = () => {
      io?.disconnect();
      const inBand = new Set<Element>();
      const margin = Math.max(0, window.innerHeight - STRIP_ZONE_PX);
      io = new IntersectionObserver(
        (entries) => {
          for (const e of entries) {
            if (e.isIntersecting) inBand.add(e.target);
            else inBand.delete(e.target);
          }
          setNear(inBand.size > 0);
        },
        { rootMargin: `-${margin}px 0px 0px 0px` },
      );
      for (const button of block.querySelectorAll('section.lesson .lesson-steps .primary')) io.observe(button);
    };
    watch();
    // The strip's own text changes with every step of the run: only changes elsewhere in the lesson count.
    const changes = new MutationObserver((records) => {
      if (records.some((r) => !strip.current?.contains(r.target))) watch();
    });
    changes.observe(block, { childList: true, subtree: true });
    window.addEventListener('resize', watch);
    return () => {
      io?.disconnect();
      changes.disconnect();
      window.removeEventListener('resize', watch);
    };
  }, [strip]);
  return near;
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
