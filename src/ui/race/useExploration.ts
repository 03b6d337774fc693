import { useEffect, useRef, useState } from 'react';
import type { ExploreResult, Scenario } from '../../core';
import { type Exploration, startExploration } from './exploreClient';

/** Where an exploration stands. */
export type ExploreState =
  | { status: 'off' }
  | { status: 'running'; explored: number }
  | { status: 'stopped'; explored: number }
  | { status: 'done'; result: ExploreResult }
  | { status: 'error'; message: string };

/**
 * Explores every interleaving of `scenario` (null: off) off the critical path, restarting
 * when the scenario changes (its `schedule` aside: replaying a counterexample keeps the
 * results), cancelling the previous run. `stop` ends it early; `again` starts it over.
 */
export function useExploration(scenario: Scenario | null): { state: ExploreState; stop: () => void; again: () => void } {
  const key = scenario ? JSON.stringify({ ...scenario, schedule: undefined }) : '';
  const [state, setState] = useState<ExploreState>({ status: 'off' });
  const [round, setRound] = useState(0);
  const current = useRef<Exploration | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: round restarts the same scenario on purpose
  useEffect(() => {
    if (!key) {
      setState({ status: 'off' });
      return;
    }
    let live = true;
    setState({ status: 'running', explored: 0 });
    const exploration = startExploration(JSON.parse(key) as Scenario, (explored) => {
      if (live) setState({ status: 'running', explored });
    });
    current.current = exploration;
    exploration.done.then(
      (result) => {
        if (live && result) setState({ status: 'done', result });
      },
      (err: unknown) => {
        if (live) setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      live = false;
      exploration.cancel();
    };
  }, [key, round]);

  const stop = () => {
    current.current?.cancel();
    setState((s) => ({ status: 'stopped', explored: s.status === 'running' ? s.explored : 0 }));
  };
  return { state, stop, again: () => setRound((r) => r + 1) };
}
