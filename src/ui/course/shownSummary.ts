import { useEffect } from 'react';
import { create } from 'zustand';
import type { RunSummary } from './runSummary';

/**
 * The summary of the run on screen, for a view whose lesson text sits above it rather than beside
 * it (side by side, the trace): the view knows its cursors, the page puts the strip by the lesson.
 * Derived data of the view's own run, dropped when the view goes away.
 */
export const useShownSummary = create<{ summary: RunSummary | null }>()(() => ({ summary: null }));

/** A view says what its run's summary is now; it stops saying so when it unmounts. */
export function usePublishSummary(summary: RunSummary): void {
  useEffect(() => {
    useShownSummary.setState({ summary });
  }, [summary]);
  useEffect(() => () => useShownSummary.setState({ summary: null }), []);
}
