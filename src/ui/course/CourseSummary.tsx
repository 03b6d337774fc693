import { COURSE, type CourseOutline } from '../../lessons';
import { useCourseStore } from '../../store/courseStore';
import { isLessonDone, type Progress } from '../../store/progressStorage';
import { EDIT_PARAM } from '../editor/editorStore';
import { InAppLink, lessonHref, MATRIX_HREF, SANDBOX_HREF } from './InAppLink';
import './summary.css';

/** Where the learner stands in one lesson, in words, from the saved progress (the same entry the lesson itself reads). */
function standingOf(progress: Progress, lessonId: string): { done: boolean; words: string } {
  const entry = progress.lessons[lessonId];
  const tries = (n: number) => (n === 1 ? '1 try' : `${n} tries`);
  if (entry?.done === 'correct') return { done: true, words: `Done: answered right (${tries(entry.attempts)})` };
  if (entry?.done === 'second-try') return { done: true, words: `Done after a second try (${tries(entry.attempts)})` };
  if (entry) return { done: false, words: `Not done yet: answered, not right (${tries(entry.attempts)})` };
  if (progress.picks?.[lessonId]) return { done: false, words: 'Not done yet: predicted, not checked' };
  return { done: false, words: 'Not done yet' };
}

function LessonIdea({ lesson, number }: { lesson: CourseOutline; number: number }) {
  const progress = useCourseStore((s) => s.progress);
  const standing = standingOf(progress, lesson.id);
  return (
    <li className={standing.done ? 'summary-lesson done' : 'summary-lesson'}>
      <h3>
        <span className="lesson-no">{number}</span> {lesson.title}
      </h3>
      <p className="summary-idea">{lesson.idea}</p>
      <p className="summary-foot">
        <span className="summary-standing">
          <span aria-hidden="true">{standing.done ? '✓' : '○'}</span> <span>{standing.words}</span>
        </span>
        <InAppLink href={lessonHref(lesson)} className="summary-run-link">
          Back to the run <span className="visually-hidden">of lesson {number}, {lesson.title}</span> <span aria-hidden="true">→</span>
        </InAppLink>
      </p>
    </li>
  );
}

/**
 * The end of the course: every lesson's idea (its `idea` field, the one source), where the learner
 * stands in it, a link back to the run that showed it, and where to go next. `?view=summary`.
 */
export function CourseSummary() {
  const progress = useCourseStore((s) => s.progress);
  const embed = useCourseStore((s) => s.embed);
  const done = COURSE.filter((l) => isLessonDone(progress, l.id)).length;
  return (
    <section className="course-summary" aria-labelledby="summary-title">
      <h2 id="summary-title" tabIndex={-1}>
        What the course showed
      </h2>
      <p className="summary-count">
        {done === COURSE.length ? `All ${COURSE.length} lessons done.` : `${done} of ${COURSE.length} lessons done.`} Each lesson’s idea, and the run
        that showed it:
      </p>
      <ol className="summary-lessons" aria-label="The lessons">
        {COURSE.map((lesson, i) => (
          <LessonIdea key={lesson.id} lesson={lesson} number={i + 1} />
        ))}
      </ol>
      <h3 className="summary-next-title">Where to go next</h3>
      <ul className="summary-next">
        <li>
          <InAppLink href={SANDBOX_HREF}>The sandbox</InAppLink>: every control at once. Make any step fail, lose replies, fail a compensation,
          crash the orchestrator, race two buyers.
        </li>
        <li>
          <InAppLink href={MATRIX_HREF}>The failure matrix</InAppLink>: every fault at every step, with keys off and on, orchestrated and
          choreographed, in one table. Each cell opens its run.
        </li>
        <li>
          {embed ? (
            // The saga editor needs the whole page: from a frame it opens the full simulator.
            <a href={`?${EDIT_PARAM}=1`} target="_blank" rel="noopener">
              Your own saga <span className="visually-hidden">(opens the full simulator in a new tab)</span>
              <span aria-hidden="true"> ↗</span>
            </a>
          ) : (
            <InAppLink href={`?${EDIT_PARAM}=1`}>Your own saga</InAppLink>
          )}
          : define your own steps, their services, compensations and retry policies, and watch them fail.
        </li>
      </ul>
    </section>
  );
}
