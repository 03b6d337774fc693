/**
 * A lesson written as JSON, loaded from a link (`lessonDef`, packed like a custom saga) or a host
 * page's `load` command: checked, shown like a built-in lesson (it reports `lesson-completed` the
 * same way), and kept in the link. One that cannot be shown becomes plain-text warnings.
 */

import { defaultScenario, packJson, type ParsedQuery, type Warning } from '../../embed';
import { LESSON_IDS } from '../../lessons';
import { setCustomLesson } from '../../lessons/format/customLesson';
import { type LessonJson, lessonFromJson, lessonProblems } from '../../lessons/format/lessonJson';
import { applyParsed } from '../course/location';
import { useEditorStore } from './editorStore';

/** The query parameter that carries a lesson file. */
export const LESSON_PARAM = 'lessonDef';

/** Warnings for a lesson that cannot be shown. */
export function lessonWarnings(problems: readonly { path: string; message: string }[], from: 'link' | 'message'): Warning[] {
  const head = { param: LESSON_PARAM, message: `The lesson in this ${from} cannot be shown. What is wrong with it:` };
  return [head, ...problems.slice(0, 12).map((p) => ({ param: LESSON_PARAM, message: p.path ? `${p.path}: ${p.message}` : p.message }))];
}

/**
 * Checks a lesson file and opens it at its prediction, or shows why it cannot be. `packed` is its
 * link value when it came from a link (else it is packed here, for the address bar).
 */
export function applyCustomLesson(json: unknown, parsed: Pick<ParsedQuery, 'scenario' | 'view' | 'warnings'>, source: 'link' | 'host', packed?: string): void {
  const problems = json === null ? [{ path: '', message: 'the lesson is not plain JSON data (or is far too large)' }] : lessonProblems(json, LESSON_IDS);
  if (problems.length > 0) {
    applyParsed({ ...parsed, warnings: [...lessonWarnings(problems, source === 'link' ? 'link' : 'message'), ...parsed.warnings] }, source);
    return;
  }
  const lesson = lessonFromJson(json as LessonJson);
  setCustomLesson(lesson);
  useEditorStore.setState({ open: false, lesson: packed ? { id: lesson.id, text: packed } : null });
  if (!packed) {
    packJson(json)
      .then((text) => useEditorStore.setState({ lesson: { id: lesson.id, text } }))
      .catch(() => {});
  }
  applyParsed({ scenario: { ...defaultScenario, ...lesson.scenario }, view: { ...parsed.view, lesson: lesson.id }, warnings: parsed.warnings }, source);
}
