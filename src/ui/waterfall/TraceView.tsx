import { useMemo } from 'react';
import { runScenario, ScenarioError } from '../../core';
import { spansOfRun } from '../../core/trace-export';
import type { LessonOutline } from '../../lessons';
import { useUiStore } from '../../store/uiStore';
import { useReportRunEnd } from '../course/courseContext';
import { ErrorBoundary } from '../ErrorBoundary';
import { Narration } from '../Narration';
import { Playback } from '../Playback';
import { useSimulatorRun } from '../race/useSimulatorRun';
import { ScenarioControls } from '../ScenarioControls';
import { useRunView } from '../useRun';
import { BaselinePicker, baselineWords } from './BaselinePicker';
import { baselineScenario, useBaselineStore } from './baselineStore';
import { DownloadTrace } from './DownloadTrace';
import { type BaselineSpans, WaterfallPanel } from './WaterfallPanel';
import { RunWarnings } from '../RunWarnings';
import { runSummary } from '../course/runSummary';
import { usePublishShownRun } from '../course/shownRun';
import { usePublishSummary } from '../course/shownSummary';

/** The baseline run's spans; a baseline the core rejects is reported instead of breaking the view. */
function useBaselineSpans(scenario: ReturnType<typeof baselineScenario>, words: string): { baseline?: BaselineSpans; problem?: string } {
  const key = JSON.stringify(scenario ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is the scenario's value
  return useMemo(() => {
    if (!scenario) return {};
    try {
      return { baseline: { spans: spansOfRun(runScenario(scenario)), words } };
    } catch (err) {
      if (err instanceof ScenarioError) return { problem: `The baseline could not run: ${err.message}` };
      throw err;
    }
  }, [key, words]);
}

/**
 * The trace view: the run as an APM shows it. Scenario and playback on top, then the waterfall
 * (synced with the playback cursor), the baseline it is compared with, and the downloads.
 */
export function TraceView({ lesson, locked = false }: { lesson?: LessonOutline; locked?: boolean }) {
  const scenario = useUiStore((s) => s.scenario);
  const cursor = useUiStore((s) => s.cursor);
  const setScenario = useUiStore((s) => s.setScenario);
  const live = useSimulatorRun(scenario);
  const run = useRunView(live, cursor);
  const { stops } = live;
  useReportRunEnd(live.result, run.cursor >= run.trace.length);
  usePublishShownRun(live.result);
  usePublishSummary(useMemo(() => runSummary(run), [run]));
  const choice = useBaselineStore((s) => s.choice);
  const { baseline, problem } = useBaselineSpans(baselineScenario(choice, scenario), baselineWords(choice));
  const runKey = JSON.stringify(scenario);

  return (
    <div className="trace-view">
      <div className="top">
        {!lesson && <ScenarioControls scenario={scenario} onChange={setScenario} />}
        <RunWarnings warnings={live.warnings} />
      </div>
      <Playback run={run} stops={stops} />
      <div className="wf-tools">
        <fieldset className="lock-wrap" disabled={locked}>
          <BaselinePicker scenario={scenario} />
        </fieldset>
        <DownloadTrace run={live.result} />
      </div>
      {problem && (
        <p className="warning" role="status">
          {problem}
        </p>
      )}
      <ErrorBoundary label="the trace waterfall" resetKey={runKey}>
        <WaterfallPanel run={run} baseline={baseline} />
      </ErrorBoundary>
      <aside className="side" aria-label="Story">
        <Narration run={run} />
      </aside>
    </div>
  );
}
