import { MotionConfig } from 'framer-motion';
import { useUiStore } from '../store/uiStore';
import { CompareView } from './compare/CompareView';
import { ViewSwitch } from './compare/ViewSwitch';
import { ErrorBoundary } from './ErrorBoundary';
import { IncidentPanel } from './IncidentPanel';
import { InvariantsPanel } from './InvariantsPanel';
import { Narration } from './Narration';
import { Playback } from './Playback';
import { OrchestratorPanel } from './panels/OrchestratorPanel';
import { ServicesBoard } from './panels/ServicesBoard';
import { Timeline } from './panels/Timeline';
import { RacePanel, useSimulatorRun } from './race';
import { ScenarioControls } from './ScenarioControls';
import './app.css';

/** The simulator page: scenario and playback on top, the run's views below. */
function Simulator() {
  const { scenario, cursor, panels, setScenario, setPlaying } = useUiStore();
  // The seeded run, or in "You are the scheduler" mode the learner's: one trace for every panel.
  const live = useSimulatorRun(scenario, cursor);
  const { run, sim, stops } = live;
  const settled = run.cursor === run.trace.length && sim.idle;
  const sagaIds = live.result.sagas.map((s) => s.id);
  const act = (sagaIndex: number, action: 'retry' | 'resolve') => {
    // Play on from the operator's action so the learner sees what it led to.
    if (live.operator(sagaIndex, action)) setPlaying(true);
  };
  const runKey = JSON.stringify(scenario);
  const show = (id: (typeof panels)[number]) => panels.includes(id);

  return (
    <>
      <div className="top">
        <ScenarioControls scenario={scenario} onChange={setScenario} />
        {live.warnings.length > 0 && (
          <div className="warning" role="status">
            <span aria-hidden="true">⚠</span> This scenario could not run as set:
            <ul>
              {live.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <Playback run={run} stops={stops} />
      <RacePanel run={run} sim={sim} />
      <div className="layout">
        <div className="stage">
          <div className="slot slot-incidents">
            <IncidentPanel run={run} sagaIds={sagaIds} operator={act} />
          </div>
          {show('services') && (
            <div className="slot slot-services">
              <ErrorBoundary label="the services board" resetKey={runKey}>
                <ServicesBoard run={run} />
              </ErrorBoundary>
            </div>
          )}
          {show('timeline') && (
            <div className="slot slot-timeline">
              <ErrorBoundary label="the timeline" resetKey={runKey}>
                <Timeline run={run} />
              </ErrorBoundary>
            </div>
          )}
        </div>
        <aside className="side" aria-label="Story and checks">
          {show('narration') && (
            <div className="slot slot-narration">
              <Narration run={run} />
            </div>
          )}
          {show('invariants') && (
            <div className="slot slot-invariants">
              <InvariantsPanel run={run} settled={settled} />
            </div>
          )}
          {show('orchestrator') && (
            <div className="slot slot-orchestrator">
              <ErrorBoundary label="the orchestrator panel" resetKey={runKey}>
                <OrchestratorPanel run={run} />
              </ErrorBoundary>
            </div>
          )}
        </aside>
      </div>
    </>
  );
}

/** The whole app: header, simulator, and a last-resort error boundary that can start over. */
export function App() {
  const reset = useUiStore((s) => s.reset);
  const view = useUiStore((s) => s.view);
  return (
    <MotionConfig reducedMotion="user">
      <header className="app-header">
        <h1>Saga Simulator</h1>
        <p className="subtitle">One order, five services, no global undo.</p>
        <ViewSwitch />
      </header>
      <main className="app-main">
        <ErrorBoundary onRestart={reset}>
          {view === 'compare' ? <CompareView /> : <Simulator />}
        </ErrorBoundary>
      </main>
    </MotionConfig>
  );
}
