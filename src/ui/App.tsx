import { MotionConfig } from 'framer-motion';
import { lazy, Suspense } from 'react';
import { type Lesson, lessonById } from '../lessons';
import { useCourseStore } from '../store/courseStore';
import { ALL_PANELS, useUiStore } from '../store/uiStore';
import { ViewSwitch } from './compare/ViewSwitch';
import { ErrorBoundary } from './ErrorBoundary';
import { IncidentPanel } from './IncidentPanel';
import { InvariantsPanel } from './InvariantsPanel';
import { Narration } from './Narration';
import { Playback } from './Playback';
import { OrchestratorPanel } from './panels/OrchestratorPanel';
import { ServicesBoard } from './panels/ServicesBoard';
import { Timeline } from './panels/Timeline';
import { useSimulatorRun } from './race/useSimulatorRun';
import { ScenarioControls } from './ScenarioControls';
import { CodeSlot } from './code/CodeSlot';
import { CourseNav } from './course/CourseNav';
import { CourseShell } from './course/CourseShell';
import { useReportRunEnd } from './course/courseContext';
import { EmbedBar } from './course/EmbedBar';
import { LessonControls } from './course/LessonControls';
import { ShareBox } from './course/ShareBox';
import { WarningBanner } from './course/WarningBanner';
import './app.css';
import './course/course.css';

// Views that not every visit needs load on demand, to keep the first load small.
const CompareView = lazy(() => import('./compare/CompareView').then((r) => ({ default: r.CompareView })));
const RacePanel = lazy(() => import('./race/RacePanel').then((r) => ({ default: r.RacePanel })));
const LessonPanel = lazy(() => import('./course/LessonPanel').then((r) => ({ default: r.LessonPanel })));
const loading = <p className="loading">Loading…</p>;

interface SimulatorProps {
  /** The open lesson: it pins the scenario, so the sandbox's controls give way to the lesson's. */
  lesson?: Lesson;
  /** The lesson's controls are locked until the prediction is checked. */
  locked?: boolean;
}

/** The simulator page: scenario and playback on top, the run's views below. */
function Simulator({ lesson, locked = false }: SimulatorProps) {
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
  useReportRunEnd(live.result, run.cursor >= run.trace.length);
  // Embedded, the page is compact: the knobs only when the link lists its panels and asks for them,
  // the race only when there is one.
  const embed = useCourseStore((s) => s.embed);
  const controls = !lesson && show('controls') && (!embed || panels.length < ALL_PANELS.length);
  const race = show('race') && (!lesson || lesson.view === 'race') && (!embed || run.scenario.buyers > 1);

  return (
    <>
      <div className="top">
        {controls && (
          <>
            <ScenarioControls scenario={scenario} onChange={setScenario} />
            <details className="more sandbox-more">
              <summary>Mode, lost messages and crashes</summary>
              <LessonControls ids={['mode', 'drop', 'crash']} />
            </details>
          </>
        )}
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
      {race && (
        // Before the prediction is checked the race's knobs are locked, like every lesson control.
        <fieldset className="lock-wrap" disabled={locked}>
          <Suspense fallback={loading}>
            <RacePanel run={run} sim={sim} />
          </Suspense>
        </fieldset>
      )}
      <div className="layout">
        <div className="stage">
          {show('incidents') && (
            <div className="slot slot-incidents">
              <IncidentPanel run={run} sagaIds={sagaIds} operator={act} />
            </div>
          )}
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
      {show('code') && (
        <div className="slot slot-code">
          <ErrorBoundary label="the code panel" resetKey={runKey}>
            <CodeSlot run={run} defaultOpen={lesson?.showCode} />
          </ErrorBoundary>
        </div>
      )}
    </>
  );
}

/** The whole app: header with the course, the open lesson, the run, and a last-resort error boundary that can start over. */
export function App() {
  const reset = useUiStore((s) => s.reset);
  const view = useUiStore((s) => s.view);
  const embed = useCourseStore((s) => s.embed);
  const phase = useCourseStore((s) => s.phase);
  const lesson = lessonById(useCourseStore((s) => s.lessonId));
  // A lesson shows its run only once the learner has predicted; its controls unlock once the prediction is checked.
  const showRun = !lesson || phase !== 'predict';
  const locked = lesson !== undefined && phase === 'watch';
  return (
    <MotionConfig reducedMotion="user">
      <CourseShell>
        {embed ? (
          <EmbedBar />
        ) : (
          <header className="app-header">
            <div className="brand">
              <h1>Saga Simulator</h1>
              <p className="subtitle">One order, five services, no global undo.</p>
            </div>
            <CourseNav />
            <div className="header-tools">
              {!lesson && <ViewSwitch />}
              <ShareBox />
            </div>
          </header>
        )}
        <main className={embed ? 'app-main embedded' : 'app-main'}>
          <WarningBanner />
          {lesson && (
            <Suspense fallback={loading}>
              <LessonPanel lesson={lesson} />
            </Suspense>
          )}
          {showRun && (
            <ErrorBoundary onRestart={reset}>
              {view === 'compare' ? (
                <Suspense fallback={loading}>
                  <CompareView controlsDisabled={locked} />
                </Suspense>
              ) : (
                <Simulator lesson={lesson} locked={locked} />
              )}
            </ErrorBoundary>
          )}
        </main>
      </CourseShell>
    </MotionConfig>
  );
}
