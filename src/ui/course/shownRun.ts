import { useEffect } from 'react';
import { create } from 'zustand';
import type { RunResult } from '../../core';

/**
 * Which run is on screen, so the lesson explains that run and not the pinned one. This is a
 * pointer to the view's own result (never a copy of the simulation): the single view publishes
 * its run, the side-by-side view the side a lesson asks about plus the other side.
 */
interface ShownRun {
  run: RunResult | null;
  /** Side by side: the other side's run. */
  other: RunResult | null;
}

export const useShownRun = create<ShownRun>()(() => ({ run: null, other: null }));

/** A view says which run it shows; it stops saying so when it unmounts. */
export function usePublishShownRun(run: RunResult, other: RunResult | null = null): void {
  useEffect(() => {
    useShownRun.setState({ run, other });
  }, [run, other]);
  useEffect(() => () => useShownRun.setState({ run: null, other: null }), []);
}
