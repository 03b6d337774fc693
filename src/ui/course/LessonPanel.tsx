import { useMemo } from 'react';
import { runScenario } from '../../core';
import { type Lesson, LESSON_IDS, LESSONS } from '../../lessons';
import { useCourseStore } from '../../store/courseStore';
import { AnsweredStep, ExploreStep, PredictStep, WatchStep } from './LessonSteps';
import { LessonTable } from './LessonTable';

/**
 * One lesson: its text, then predict → watch → what happened → try it yourself. The question is
 * checked against the lesson's own run (its pinned scenario), whatever the learner does later.
 */
export function LessonPanel({ lesson }: { lesson: Lesson }) {
  const phase = useCourseStore((s) => s.phase);
  const number = LESSON_IDS.indexOf(lesson.id) + 1;
  // The run the question is about: a pure function of the pinned scenario, the same run the view plays.
  const pinnedRun = useMemo(() => runScenario(lesson.scenario), [lesson]);

  const paragraphs = lesson.text.map((p) => <p key={p}>{p}</p>);

  return (
    <section className={phase === 'predict' ? 'lesson' : 'lesson lesson-folded'} aria-labelledby="lesson-title">
      <div className="lesson-text">
        <p className="lesson-kicker">
          Lesson {number} of {LESSONS.length}
        </p>
        {/* Focus lands here when a lesson opens or starts over (see `focusLessonTitle`). */}
        <h2 id="lesson-title" tabIndex={-1}>
          {lesson.title}
        </h2>
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
