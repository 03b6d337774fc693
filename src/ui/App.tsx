import { lazy, memo, type ReactNode, Suspense, useCallback, useMemo } from 'react';
import { type LessonOutline, outlineById } from '../lessons';
import { useCourseStore } from '../store/courseStore';
import type { PanelId } from '../embed/viewOptions';
import { ALL_PANELS, useUiStore } from '../store/uiStore';
import { Brand } from './Brand';
import { ViewSwitch } from './compare/ViewSwitch';
import { ErrorBoundary } from './ErrorBoundary';
import { IncidentPanel } from './IncidentPanel';
import { InvariantsPanel } from './InvariantsPanel';
import { Narration } from './Narration';
import { Playback } from './Playback';
import { FadeInProvider, useSteppedForward } from './reveal';
import { ServicesBoard } from './panels/ServicesBoard';
import { Timeline } from './panels/Timeline';
import { useSimulatorRun } from './race/useSimulatorRun';
import { useRunView } from './useRun';
import { usePanelRun } from './usePanelRun';
import { ScenarioControls } from './ScenarioControls';
import { CodeSlot } from './code/CodeSlot';
import { CourseNav } from './course/CourseNav';
import { CourseShell } from './course/CourseShell';
import { useReportRunEnd } from './course/courseContext';
import { EmbedBar } from './course/EmbedBar';
import { usePrefetchOnFirstInput } from './course/prefetchOnFirstInput';
// A first visit opens lesson 1: its text is the page's largest paint, so it comes with the page.
import { LessonPanel } from './course/LessonPanel';
import { ShareBox } from './course/ShareBox';
import { usePublishShownRun, useShownRun } from './course/shownRun';
import { WarningBanner } from './course/WarningBanner';
import { useEditorStore } from './editor/editorStore';
import './app.css';
import './layout.css';
import './story.css';
import './course/course.css';
import './course/lesson.css';
import './course/courseLayout.css';
import { RunWarnings } from './RunWarnings';

// Views that not every visit needs load on demand, to keep the first load small.
const CompareView = lazy(() => import('./compare/CompareView').then((r) => ({ default: r.CompareView })));
const TraceView = lazy(() => import('./waterfall/TraceView').then((r) => ({ default: r.TraceView })));
const MatrixView = lazy(() => import('./matrix/MatrixView').then((r) => ({ default: r.MatrixView })));
const CourseSummary = lazy(() => import('./course/CourseSummary').then((r) => ({ default: r.CourseSummary })));
const SagaEditor = lazy(() => import('./editor/SagaEditor').then((r) => ({ default: r.SagaEditor })));
// The statechart and saga log: lesson 1 (every first visit) does not show them yet.
const loadOrchestrator = () => import('./panels/OrchestratorPanel').then((r) => ({ default: memo(r.OrchestratorPanel) }));
const Orchestrator = lazy(loadOrchestrator);
const loadRace = () => import('./race/RacePanel').then((r) => ({ default: memo(r.RacePanel) }));
const Race = lazy(loadRace);
// The run's summary next to a lesson's text (shown on a phone): only lessons need it, and each fetches it while the learner predicts.
const loadSummaryStrip = () => import('./course/RunSummaryStrip');
const RunSummaryStrip = lazy(() => loadSummaryStrip().then((r) => ({ default: r.RunSummaryStrip })));
const ShownSummaryStrip = lazy(() => loadSummaryStrip().then((r) => ({ default: r.ShownSummaryStrip })));
function preloadPanels(lesson: LessonOutline): void {
  const wants = (id: PanelId) => !lesson.panels || lesson.panels.includes(id);
  if (wants('race')) void loadRace();
  if (wants('orchestrator')) void loadOrchestrator();
  void loadSummaryStrip();
}
const loading = <p className="loading">Loading…</p>;

// The run's panels re-render only when the (deferred) run they draw changes, not on every store update.
const Incidents = memo(IncidentPanel);
const Services = memo(ServicesBoard);
const Code = memo(CodeSlot);
const TimelinePanel = memo(Timeline);
const Story = memo(Narration);
const Invariants = memo(InvariantsPanel);
// The knobs do not change while the run plays or is scrubbed: skip them on those renders.
const Knobs = memo(ScenarioControls);

interface SimulatorProps {
  /** The open lesson: it pins the scenario, so the sandbox's controls give way to the lesson's. */
  lesson?: LessonOutline;
  /** The lesson's controls are locked until the prediction is checked. */
  locked?: boolean;
  /** The open lesson's panel, shown beside the run (first in the side column) once the learner has predicted. */
  lessonPanel?: ReactNode;
}

/** The simulator page: scenario and playback on top, the run's views below. */
function Simulator({ lesson, locked = false, lessonPanel }: SimulatorProps) {
  const scenario = useUiStore((s) => s.scenario);
  const cursor = useUiStore((s) => s.cursor);
  const scrubbing = useUiStore((s) => s.scrubbing);
  const panels = useUiStore((s) => s.panels);
  const setScenario = useUiStore((s) => s.setScenario);
  const setPlaying = useUiStore((s) => s.setPlaying);
  // The seeded run, or in "You are the scheduler" mode the learner's: one trace for every panel.
  const live = useSimulatorRun(scenario);
  const liveRun = useRunView(live, cursor);
  const { sim, stops, operator } = live;
  // Playback follows every scrub and tick at once; the heavy panels draw a deferred (and, while the
  // scrubber is dragged, paced) copy of the run: see usePanelRun.
  const run = usePanelRun(liveRun, scrubbing);
  // No fades while the scrubber is dragged, even across one stop: they would only cost frames mid-drag.
  const fadeIn = useSteppedForward(run.cursor, stops) && !scrubbing;
  const settled = run.cursor === run.trace.length && sim.idle;
  const sagaIds = useMemo(() => live.result.sagas.map((s) => s.id), [live.result]);
  const act = useCallback(
    (sagaIndex: number, action: 'retry' | 'resolve') => {
      // Play on from the operator's action so the learner sees what it led to.
      if (operator(sagaIndex, action)) setPlaying(true);
    },
    [operator, setPlaying],
  );
  const runKey = JSON.stringify(scenario);
  // A lesson shows only the panels it has introduced; the sandbox shows what the link asks for.
  const show = (id: (typeof panels)[number]) => panels.includes(id) && (!lesson?.panels || lesson.panels.includes(id));
  useReportRunEnd(live.result, liveRun.cursor >= liveRun.trace.length);
  usePublishShownRun(live.result);
  // Embedded, the page is compact: the knobs only when the link lists its panels and asks for them,
  // the race only when there is one.
  const embed = useCourseStore((s) => s.embed);
  // The saga editor brings its own controls for its own steps.
  const editing = useEditorStore((s) => s.open);
  const controls = !lesson && !editing && show('controls') && (!embed || panels.length < ALL_PANELS.length);
  const race = show('race') && (!embed || run.scenario.buyers > 1);

  return (
    // Newly revealed rows, lines and marks fade in after one step forward, not after a jump or a scrub.
    <FadeInProvider value={fadeIn}>
      <div className="top">
        {controls && (
          <Knobs scenario={scenario} onChange={setScenario} />
        )}
        <RunWarnings warnings={live.warnings} />
      </div>
      <Playback run={liveRun} stops={stops} />
      {/* data-cursor: the position the (deferred) panels have drawn; browser tests wait for it after a step. */}
      <div className={lesson ? 'layout in-lesson' : 'layout'} data-cursor={run.cursor}>
        {race && (
          // Inside the layout so that in one column (a phone) the lesson comes first; wide, it spans the top.
          <div className="slot slot-race">
            {/* Before the prediction is checked the race's knobs are hidden, like every lesson control. */}
            <Suspense fallback={loading}>
              <Race run={run} sim={sim} controls={!locked} />
            </Suspense>
          </div>
        )}
        <div className="stage">
          {show('incidents') && (
            <div className="slot slot-incidents">
              <Incidents run={run} sagaIds={sagaIds} operator={act} />
            </div>
          )}
          {show('services') && (
            <div className="slot slot-services">
              <ErrorBoundary label="the services board" resetKey={runKey}>
                <Services run={run} />
              </ErrorBoundary>
            </div>
          )}
          {show('timeline') && (
            <div className="slot slot-timeline">
              <ErrorBoundary label="the timeline" resetKey={runKey}>
                <TimelinePanel run={run} />
              </ErrorBoundary>
            </div>
          )}
        </div>
        <aside className="side" aria-label="Story and checks">
          {lessonPanel && (
            <div className="slot slot-lesson">
              {lessonPanel}
              <Suspense fallback={null}>
                <RunSummaryStrip run={run} />
              </Suspense>
            </div>
          )}
          {show('narration') && (
            <div className="slot slot-narration">
              <Story run={run} />
            </div>
          )}
          {show('invariants') && (
            <div className="slot slot-invariants">
              <Invariants run={run} settled={settled} />
            </div>
          )}
          {show('orchestrator') && (
            <div className="slot slot-orchestrator">
              <ErrorBoundary label="the orchestrator panel" resetKey={runKey}>
                <Suspense fallback={loading}>
                  <Orchestrator run={run} />
                </Suspense>
              </ErrorBoundary>
            </div>
          )}
        </aside>
      </div>
      {show('code') && (
        <div className="slot slot-code">
          <ErrorBoundary label="the code panel" resetKey={runKey}>
            <Code run={run} defaultOpen={lesson?.showCode} />
          </ErrorBoundary>
        </div>
      )}
    </FadeInProvider>
  );
}

/** The whole app: header with the course, the open lesson, the run, and a last-resort error boundary that can start over. */
export function App() {
  const reset = useUiStore((s) => s.reset);
  const view = useUiStore((s) => s.view);
  const embed = useCourseStore((s) => s.embed);
  const phase = useCourseStore((s) => s.phase);
  const lesson = outlineById(useCourseStore((s) => s.lessonId));
  const editing = useEditorStore((s) => s.open) && !lesson && !embed;
  // The end of the course (`?view=summary`): no run, the lessons' ideas instead.
  const summary = view === 'summary' && !lesson;
  // A lesson shows its run only once the learner has predicted; its controls unlock once the prediction is checked.
  const showRun = (!lesson || phase !== 'predict') && !summary;
  const locked = lesson !== undefined && phase === 'watch';
  // Once the learner has predicted, the lesson moves beside the run so the tables and the timeline
  // sit near the top of the page.
  const lessonPanel = lesson && <LessonPanel outline={lesson} />;
  // A lesson fetches the panels its run will show (race, statechart, the phone's run summary) while the
  // learner predicts, from their first touch or key press.
  const fetchPanels = useMemo(() => (lesson ? () => preloadPanels(lesson) : undefined), [lesson]);
  usePrefetchOnFirstInput(fetchPanels, phase === 'predict');
  // Only the single-run page has a side column; the others (side by side, trace) keep the lesson above.
  const beside = lesson !== undefined && showRun && view !== 'compare' && view !== 'trace';
  // The header's promise follows the saga on screen (a trip is not "one order, five services").
  const sagaOnScreen = useShownRun((s) => s.run?.scenario.definition);
  return (
    <CourseShell>
      {/* Keyboard users reach the playback without tabbing through the lesson list. */}
      {showRun && (
        <a className="skip-link" href="#playback">
          Skip to the run
        </a>
      )}
      {embed ? (
        <EmbedBar />
      ) : (
        <header className="app-header">
          <Brand definition={sagaOnScreen} />
          <CourseNav />
          <div className="header-tools">
            {!lesson && !summary && <ViewSwitch />}
            {!summary && <ShareBox />}
          </div>
        </header>
      )}
      <main className={`app-main${embed ? ' embedded' : ''}${lesson ? ' with-lesson' : ''}`}>
        <WarningBanner />
        {!beside && lessonPanel && (
          // Above a run (side by side, the trace): the run's summary stays next to the lesson text on a phone.
          <div className="lesson-above">
            {lessonPanel}
            {showRun && (
              <Suspense fallback={null}>
                <ShownSummaryStrip />
              </Suspense>
            )}
          </div>
        )}
        {editing && (
          <Suspense fallback={loading}>
            <SagaEditor />
          </Suspense>
        )}
        {summary && (
          <Suspense fallback={loading}>
            <CourseSummary />
          </Suspense>
        )}
        {showRun && (
          <ErrorBoundary onRestart={reset}>
            {view === 'compare' ? (
              <Suspense fallback={loading}>
                <CompareView controlsDisabled={locked} />
              </Suspense>
            ) : view === 'matrix' && !lesson ? (
              <Suspense fallback={loading}>
                <MatrixView />
              </Suspense>
            ) : view === 'trace' ? (
              <Suspense fallback={loading}>
                <TraceView lesson={lesson} locked={locked} />
              </Suspense>
            ) : (
              <Simulator lesson={lesson} locked={locked} lessonPanel={beside ? lessonPanel : undefined} />
            )}
          </ErrorBoundary>
        )}
      </main>
    </CourseShell>
  );
}
