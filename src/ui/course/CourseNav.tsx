import { useState } from 'react';
import { COURSE } from '../../lessons';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { isLessonDone } from '../../store/progressStorage';
import { EDIT_PARAM, useEditorStore } from '../editor/editorStore';
import { InAppLink, lessonHref, SANDBOX_HREF, SUMMARY_HREF } from './InAppLink';

/** The lesson list with what is done (a word and a tick, not only a colour), the sandbox, and "Reset progress". */
export function CourseNav() {
  const lessonId = useCourseStore((s) => s.lessonId);
  const progress = useCourseStore((s) => s.progress);
  const resetProgress = useCourseStore((s) => s.resetProgress);
  const [cleared, setCleared] = useState(false);
  const editing = useEditorStore((s) => s.open);
  const summary = useUiStore((s) => s.view === 'summary');
  const done = COURSE.filter((l) => isLessonDone(progress, l.id)).length;

  return (
    // Inside a lesson the other lessons show as numbers only (their titles stay their names), so the header is one row.
    <nav className={lessonId === null ? 'course-nav' : 'course-nav in-lesson-nav'} aria-label="Course">
      <ol>
        {COURSE.map((lesson, i) => {
          const doneBy = progress.lessons[lesson.id]?.done;
          const completed = doneBy !== undefined;
          return (
            <li key={lesson.id} className={completed ? 'done' : undefined}>
              <InAppLink href={lessonHref(lesson)} aria-current={lessonId === lesson.id ? 'page' : undefined}>
                <span className="lesson-no">{i + 1}</span> <span className="lesson-name">{lesson.title}</span>
                {completed && (
                  <>
                    {' '}
                    <span aria-hidden="true" className="tick">
                      ✓
                    </span>
                    <span className="visually-hidden">{doneBy === 'second-try' ? ' (completed after a second try)' : ' (completed)'}</span>
                  </>
                )}
              </InAppLink>
            </li>
          );
        })}
        <li className="sandbox-link">
          <InAppLink href={SUMMARY_HREF} aria-current={lessonId === null && summary ? 'page' : undefined}>
            Summary
          </InAppLink>
        </li>
        <li className="sandbox-link">
          <InAppLink href={SANDBOX_HREF} aria-current={lessonId === null && !editing && !summary ? 'page' : undefined}>
            Sandbox
          </InAppLink>
        </li>
        <li className="sandbox-link">
          <InAppLink href={`?${EDIT_PARAM}=1`} aria-current={lessonId === null && editing ? 'page' : undefined}>
            Your own saga
          </InAppLink>
        </li>
      </ol>
      <p className="course-progress">
        <span>
          {done} of {COURSE.length} lessons done
        </span>{' '}
        <button
          type="button"
          className="small"
          onClick={() => {
            resetProgress();
            setCleared(true);
          }}
        >
          Reset progress
        </button>{' '}
        {done === 0 && lessonId === null && (
          <InAppLink href={lessonHref(COURSE[0])} className="start-link">
            New to sagas? Start with lesson 1 <span aria-hidden="true">→</span>
          </InAppLink>
        )}{' '}
        <span role="status" className="hint">
          {cleared && done === 0 ? 'Progress cleared.' : ''}
        </span>
      </p>
    </nav>
  );
}
