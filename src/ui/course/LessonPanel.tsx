import { useMemo } from 'react';
import { runScenario } from '../../core';
import { COURSE, type Lesson, LESSON_IDS, type LessonOutline } from '../../lessons';
import { useCourseStore } from '../../store/courseStore';
import { AnsweredStep, ExploreStep, PredictStep, WatchStep } from './LessonSteps';
import { LessonTable } from './LessonTable';
import { type LessonLoad, useLesson, usePrefetchNextLesson } from './useLesson';

/** While a lesson's content is fetched: a line that says so (or that it failed, with a way to try again). */
function LessonLoading({ load }: { load: Exclude<LessonLoad, { lesson: Lesson }> }) {
  return (
    <div className="lesson-loading">
      <p role="status" className="hint">{load.failed ? 'This lesson could not be loaded. Check the connection, then try again.' : 'Loading the lesson…'}</p>
      {load.failed && (
        <button type="button" onClick={load.retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/**
 * One lesson: its text, then predict → watch → what happened → try it yourself. The question is
 * checked against the lesson's own run (its pinned scenario), whatever the learner does later.
 * Until the lesson's content is here (lessons 2–7 are fetched on demand) it shows its title and says it is loading.
 */
export function LessonPanel({ outline }: { outline: LessonOutline }) {
  const phase = useCourseStore((s) => s.phase);
  const load = useLesson(outline);
  usePrefetchNextLesson(outline.id, phase !== 'predict');
  const number = LESSON_IDS.indexOf(outline.id) + 1;
  // The run the question is about: a pure function of the pinned scenario, the same run the view plays.
  const pinnedRun = useMemo(() => runScenario(outline.scenario), [outline]);
  const lesson = load.lesson;

  const heading = (
    <>
      <p className="lesson-kicker">
        Lesson {number} of {COURSE.length}
      </p>
      {/* Focus lands here when a lesson opens or starts over (see `focusLessonTitle`). */}
      <h2 id="lesson-title" tabIndex={-1}>
        {outline.title}
      </h2>
    </>
  );
  if (!lesson)
    return (
      <section className={phase === 'predict' ? 'lesson' : 'lesson lesson-folded'} aria-labelledby="lesson-title" aria-busy={!load.failed}>
        <div className="lesson-text">
          {heading}
          <LessonLoading load={load} />
        </div>
      </section>
    );

  const paragraphs = lesson.text.map((p) => <p key={p}>{p}</p>);

  return (
    <section className={phase === 'predict' ? 'lesson' : 'lesson lesson-folded'} aria-labelledby="lesson-title">
      <div className="lesson-text">
        {heading}
        {phase === 'predict' ? (
          paragraphs
        ) : (
          // Once the run is on screen the text folds away, so the run sits next to the lesson's steps.
          <details className="lesson-reread">
            <summary>Read the lesson again</summary>
            {paragraphs}
            {lesson.table && <LessonTable table={lesson.table} />}
          </details>
        )}
      </div>
      {lesson.table && phase === 'predict' && (
        <div className="lesson-table-slot">
          <LessonTable table={lesson.table} />
        </div>
      )}
      <div className="lesson-steps">
        {phase === 'predict' && <PredictStep lesson={lesson} />}
        {phase === 'watch' && <WatchStep lesson={lesson} pinnedRun={pinnedRun} />}
        {phase === 'answered' && <AnsweredStep lesson={lesson} pinnedRun={pinnedRun} />}
        {phase === 'explore' && <ExploreStep lesson={lesson} />}
      </div>
    </section>
  );
}
