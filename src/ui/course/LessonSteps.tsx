import { useEffect, useRef, useState } from 'react';
import type { RunResult } from '../../core';
import { lessonCompletedMessage, xapiStatements } from '../../embed';
import { type ControlId, formatAnswer, isCorrect, LESSON_IDS, type Lesson, nextLesson } from '../../lessons';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { useRaceStore } from '../race/raceStore';
import { useCourseLink } from './courseContext';
import { InAppLink, lessonHref, SANDBOX_HREF, SUMMARY_HREF } from './InAppLink';
import { LessonControls } from './LessonControls';
import { LessonStanding } from './LessonStanding';
import { focusLessonTitle } from './location';
import { QuestionForm } from './QuestionForm';
import { useShownRun } from './shownRun';

/** Controls the compare view and the race panel already offer; the lesson does not repeat them. */
const OWN_CONTROLS: Record<string, readonly ControlId[]> = {
  compare: ['failAt', 'drop', 'keys', 'crash'],
  race: ['buyers', 'stock', 'lock', 'lockPolicy'],
};

/** A heading that takes focus when its step appears, so keyboard and screen reader users land on it. */
function StepHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h3 ref={ref} tabIndex={-1} className="step-heading">
      {children}
    </h3>
  );
}

/** Back to the lesson's own scenario, at its prediction (the saved one is forgotten: a reload asks again). */
function restart(lesson: Lesson): void {
  useCourseStore.getState().forgetPick();
  useRaceStore.setState({ mode: 'seeded', picks: [] });
  useUiStore.setState({ scenario: lesson.scenario, cursor: 0, playing: false, view: lesson.view === 'compare' || lesson.view === 'trace' ? lesson.view : 'single' });
  useCourseStore.getState().openLesson(lesson.id, 'predict');
  focusLessonTitle();
}

export function PredictStep({ lesson }: { lesson: Lesson }) {
  const lockPrediction = useCourseStore((s) => s.lockPrediction);
  return (
    <div className="lesson-step">
      <h3 className="step-heading">1 · Predict</h3>
      <p className="hint">Decide before you watch: the run starts when you lock in your answer.</p>
      <QuestionForm
        question={lesson.question}
        onSubmit={(answer) => {
          lockPrediction(answer);
          useUiStore.setState({ cursor: 0, playing: true });
        }}
      />
    </div>
  );
}

export function WatchStep({ lesson, pinnedRun }: { lesson: Lesson; pinnedRun: RunResult }) {
  const { prediction, atEnd } = useCourseStore();
  const { post } = useCourseLink();
  const [nudge, setNudge] = useState(false);
  const check = () => {
    if (!atEnd || prediction === null) return setNudge(true);
    const course = useCourseStore.getState();
    const wasDone = course.progress.lessons[lesson.id]?.done !== undefined;
    const expected = lesson.question.answer(pinnedRun);
    const correct = isCorrect(prediction, expected);
    const entry = course.answer(correct);
    if (!entry) return;
    // Every checked answer reaches the host, right or wrong: `correct`, `attempt` and `done` say which.
    const message = lessonCompletedMessage({
      lesson: lesson.id,
      correct,
      answer: prediction,
      expected,
      attempt: entry.attempts,
      durationMs: Date.now() - course.questionShownAt,
      runId: course.runId,
      done: entry.done !== undefined,
    });
    post(message);
    if (course.xapi) for (const m of xapiStatements(message, lesson.title, window.location.href, !wasDone && entry.done !== undefined)) post(m);
  };
  return (
    <div className="lesson-step">
      <StepHeading>2 · Watch the run</StepHeading>
      <p>
        Your prediction: <strong>{prediction === null ? '—' : formatAnswer(lesson.question, prediction)}</strong>
      </p>
      <p className="hint">
        The run is below. <kbd>Space</kbd> plays and pauses, <kbd>←</kbd> <kbd>→</kbd> step, <kbd>End</kbd> jumps to the end.
      </p>
      <button type="button" className="primary" aria-disabled={!atEnd} onClick={check}>
        Check my prediction
      </button>
      <p className="hint" role="status">
        {atEnd ? 'The run has finished: check your prediction.' : nudge ? 'Play the run to its end first (End jumps there).' : ''}
      </p>
    </div>
  );
}

/** One click to the lesson's next run, played from its start (hidden once it is the run on screen). */
function FollowUp({ label, scenario }: NonNullable<Lesson['followUp']>) {
  const current = useUiStore((s) => s.scenario);
  if (JSON.stringify(current) === JSON.stringify(scenario)) return null;
  return (
    <p>
      <button
        type="button"
        className="primary"
        onClick={() => {
          useUiStore.getState().setScenario(scenario);
          useUiStore.getState().setPlaying(true);
        }}
      >
        {label} <span aria-hidden="true">▶</span>
      </button>
    </p>
  );
}

function TryIt({ lesson }: { lesson: Lesson }) {
  const own = OWN_CONTROLS[lesson.view ?? 'single'] ?? [];
  const ids = lesson.unlocked.filter((id) => !own.includes(id));
  const where = lesson.view === 'compare' ? 'the controls just below the lesson' : lesson.view === 'race' ? 'the race panel below' : '';
  return (
    <>
      <p>{lesson.tryIt}</p>
      {lesson.followUp && <FollowUp {...lesson.followUp} />}
      {ids.length > 0 && <LessonControls ids={ids} />}
      {where && <p className="hint">Use {where}: they are unlocked now.</p>}
    </>
  );
}

/**
 * Why the run on screen went as it did: computed from that run (what "Try it yourself" made of
 * it, operator actions included), so it never describes the pinned run next to a different one.
 */
function Explanation({ lesson, pinnedRun }: { lesson: Lesson; pinnedRun: RunResult }) {
  const shown = useShownRun((s) => s.run);
  const other = useShownRun((s) => s.other);
  const run = shown ?? pinnedRun;
  const changed = run !== pinnedRun && (run.trace.length !== pinnedRun.trace.length || JSON.stringify(run.scenario) !== JSON.stringify(pinnedRun.scenario));
  return (
    <div className="explanation" aria-live="polite">
      {changed && <p className="hint">You changed the run. This explains the run on screen now; your prediction was about the lesson’s own run.</p>}
      <p>{lesson.question.explain(run, other ?? undefined)}</p>
    </div>
  );
}

export function AnsweredStep({ lesson, pinnedRun }: { lesson: Lesson; pinnedRun: RunResult }) {
  const { prediction, correct, embed } = useCourseStore();
  const next = nextLesson(lesson.id);
  // After the course's last lesson comes its summary; after a lesson of one's own, the sandbox.
  const last = lesson.id === LESSON_IDS.at(-1);
  return (
    <div className="lesson-step">
      <StepHeading>3 · What happened</StepHeading>
      <p className={correct ? 'verdict verdict-right' : 'verdict verdict-wrong'}>
        <span aria-hidden="true">{correct ? '✓' : '✗'}</span> {correct ? 'Your prediction was right.' : 'Not quite — the run went differently.'}
      </p>
      <LessonStanding lessonId={lesson.id} />
      <p>
        You predicted <strong>{prediction === null ? '—' : formatAnswer(lesson.question, prediction)}</strong> for the lesson’s run:{' '}
        <span aria-hidden="true">{correct ? '✓' : '✗'}</span> {correct ? 'right' : 'not what happened'}.
      </p>
      <Explanation lesson={lesson} pinnedRun={pinnedRun} />
      <h3 className="step-heading">4 · Try it yourself</h3>
      <TryIt lesson={lesson} />
      <div className="lesson-actions">
        <button type="button" onClick={() => restart(lesson)}>
          Answer again
        </button>
        {!embed && (
          <InAppLink href={next ? lessonHref(next) : last ? SUMMARY_HREF : SANDBOX_HREF} className="button-link primary">
            {next ? `Next lesson: ${next.title}` : last ? 'Next: what the course showed' : 'Open the sandbox'} <span aria-hidden="true">→</span>
          </InAppLink>
        )}
      </div>
    </div>
  );
}

export function ExploreStep({ lesson }: { lesson: Lesson }) {
  return (
    <div className="lesson-step">
      <h3 className="step-heading">Try it yourself</h3>
      <p className="hint">This link opened the lesson with its own settings, so the question is set aside.</p>
      <TryIt lesson={lesson} />
      <div className="lesson-actions">
        <button type="button" className="primary" onClick={() => restart(lesson)}>
          Start the lesson from the beginning
        </button>
      </div>
    </div>
  );
}
