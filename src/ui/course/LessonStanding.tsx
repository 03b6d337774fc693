import { useCourseStore } from '../../store/courseStore';

/**
 * Whether the open lesson counts as done, and why, in words (one source: the saved entry); and,
 * where the browser refuses to keep progress (storage blocked in a cross-site frame), that it
 * lasts only until the page is left.
 */
export function LessonStanding({ lessonId }: { lessonId: string }) {
  const entry = useCourseStore((s) => s.progress.lessons[lessonId]);
  const progressSaved = useCourseStore((s) => s.progressSaved);
  if (!entry) return null;
  const tries = entry.attempts === 1 ? '1 try' : `${entry.attempts} tries`;
  const text =
    entry.done === 'correct'
      ? `Lesson done: answered right (${tries} so far).`
      : entry.done === 'second-try'
        ? `Lesson done after a second try: you have read why the run went as it did (${tries} so far).`
        : 'Not done yet: read why below, then "Answer again". The lesson counts as done when you answer right, or after a second try.';
  return (
    <>
      <p className="lesson-standing">{text}</p>
      {!progressSaved && (
        <p className="hint storage-note">
          <span aria-hidden="true">⚠</span> This page cannot save your progress here (the browser blocks storage in this frame): it
          lasts until you leave the page.
        </p>
      )}
    </>
  );
}
