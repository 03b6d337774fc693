import { shareUrl } from '../../embed';
import { outlineById } from '../../lessons';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { useEditorStore, withDefinitionInUrl } from '../editor/editorStore';

/** The only chrome an embedded run has: what it is, and a way out to the full simulator (same run). */
export function EmbedBar() {
  const scenario = useUiStore((s) => s.scenario);
  const speed = useUiStore((s) => s.speed);
  const lessonId = useCourseStore((s) => s.lessonId);
  const summary = useUiStore((s) => s.view === 'summary') && !lessonId;
  // A custom saga goes along once its link encoding is ready.
  useEditorStore((s) => s.encoded);
  const full = withDefinitionInUrl(shareUrl(window.location.href, scenario, { ...(lessonId ? { lesson: lessonId } : {}), ...(summary ? { page: 'summary' as const } : {}), speed }));
  return (
    <div className="embed-bar">
      <h1 className="embed-title">{outlineById(lessonId) ? 'Saga Simulator lesson' : 'Saga Simulator'}</h1>
      <a href={full} target="_blank" rel="noopener">
        Open full simulator <span className="visually-hidden">(opens in a new tab)</span>
        <span aria-hidden="true"> ↗</span>
      </a>
    </div>
  );
}
