import { useMemo } from 'react';
import type { Scenario } from '../../core';
import { useUiStore } from '../../store/uiStore';
import { useReportRunEnd } from '../course/courseContext';
import { compareSummary } from '../course/runSummary';
import { usePublishShownRun } from '../course/shownRun';
import { usePublishSummary } from '../course/shownSummary';
import { Playback } from '../Playback';
import type { RunView } from '../runView';
import { playbackStops } from '../stops';
import { useRun } from '../useRun';
import { CompareControls } from './CompareControls';
import { CompareSide } from './CompareSide';
import { announcement, lockstepStops, SIDES, type Side, transportTrace } from './lockstep';
import './compare.css';
import { RunWarnings } from '../RunWarnings';

/** The same scenario for both sides; only the mode differs, and only an orchestrator can crash. */
export function sideScenarios(scenario: Partial<Scenario>): Record<Side, Partial<Scenario>> {
  const { crash, ...rest } = scenario;
  return {
    choreography: { ...rest, mode: 'choreography' },
    orchestration: { ...rest, ...(crash ? { crash } : {}), mode: 'orchestration' },
  };
}

/**
 * Choreography and orchestration side by side, on the same order and the same failure, played
 * in lockstep against one virtual clock. The store's cursor is the index of the shared stop;
 * each side's own cursor is derived from it (see `lockstepStops`), so the two columns always
 * show the same moment. One live region speaks for both sides.
 */
export function CompareView({ controlsDisabled = false }: { controlsDisabled?: boolean } = {}) {
  const scenario = useUiStore((s) => s.scenario);
  const cursor = useUiStore((s) => s.cursor);
  const setScenario = useUiStore((s) => s.setScenario);
  const scenarios = useMemo(() => sideScenarios(scenario), [scenario]);
  // Each side's cursor comes from the shared stops below.
  const choreography = useRun(scenarios.choreography);
  const orchestration = useRun(scenarios.orchestration);
  const traces = { choreography: choreography.result.trace, orchestration: orchestration.result.trace };

  const shared = useMemo(
    () =>
      lockstepStops({
        choreography: { trace: traces.choreography, stops: playbackStops(traces.choreography) },
        orchestration: { trace: traces.orchestration, stops: playbackStops(traces.orchestration) },
      }),
    [traces.choreography, traces.orchestration],
  );
  const index = Math.min(Math.max(0, cursor), shared.length - 1);
  // The course hears when both sides have played out (the run it reports is the scenario's own mode).
  const own = scenario.mode === 'choreography' ? choreography.result : orchestration.result;
  useReportRunEnd(own, index >= shared.length - 1, {
    choreography: choreography.result,
    orchestration: orchestration.result,
  });
  // A lesson explains the side it asks about (the scenario's own mode), with the other side beside it.
  usePublishShownRun(own, own === choreography.result ? orchestration.result : choreography.result);
  const at = shared[index].cursors;
  const choreographyRun = useMemo<RunView>(
    () => ({ scenario: choreography.sim.scenario, trace: traces.choreography, cursor: at.choreography }),
    [choreography.sim.scenario, traces.choreography, at.choreography],
  );
  const orchestrationRun = useMemo<RunView>(
    () => ({ scenario: orchestration.sim.scenario, trace: traces.orchestration, cursor: at.orchestration }),
    [orchestration.sim.scenario, traces.orchestration, at.orchestration],
  );
  const runs: Record<Side, RunView> = { choreography: choreographyRun, orchestration: orchestrationRun };
  // A lesson shows where both sides stand next to its text (on a phone the sides are a long scroll away).
  usePublishSummary(useMemo(() => compareSummary(choreographyRun, orchestrationRun), [choreographyRun, orchestrationRun]));
  // The playback bar counts shared stops and reads their virtual time (see `transportTrace`).
  const transport = useMemo<RunView>(
    () => ({ scenario: orchestration.sim.scenario, trace: transportTrace(shared), cursor: index }),
    [orchestration.sim.scenario, shared, index],
  );
  const transportStops = useMemo(() => shared.map((_, i) => i), [shared]);
  const warnings = [...new Set([...choreography.warnings, ...orchestration.warnings])];
  const runKey = JSON.stringify(scenario);

  return (
    <div className="compare">
      <div className="top">
        <p className="cmp-intro">
          The same order and the same failure, driven two ways. Both sides play against one clock: at every moment each shows only what has
          happened by then.
        </p>
        {/* A lesson shows the knobs only in "Try it yourself", once the prediction is checked. */}
        {!controlsDisabled && <CompareControls scenario={scenario} onChange={setScenario} />}
        <RunWarnings warnings={warnings} />
      </div>
      <Playback run={transport} stops={transportStops} />
      <div className="cmp-sides">
        {SIDES.map((side) => (
          <CompareSide
            key={side}
            side={side}
            run={runs[side]}
            runKey={runKey}
            crashRequested={scenario.crash !== undefined}
            clock={shared[index].at}
            until={shared[shared.length - 1].at}
          />
        ))}
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement(shared, index, traces)}
      </p>
    </div>
  );
}
