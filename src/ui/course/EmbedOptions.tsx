import { useId, useState } from 'react';
import { ALL_PANELS, type PanelId, SPEEDS, type Speed } from '../../embed';
// Directly, not through the barrel: this code loads with the share box, not with the page.
import { type EmbedChoices, embedCode } from '../../embed/embedChoices';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import './embedOptions.css';
import { useEditorStore, withDefinitionInUrl } from '../editor/editorStore';

/** Each panel a frame can show, in words. */
const PANEL_NAMES: Record<PanelId, string> = {
  services: 'Services and their tables',
  orchestrator: 'Orchestrator and statechart',
  timeline: 'Timeline',
  narration: 'Narration',
  invariants: 'Invariants',
  controls: 'Scenario controls',
  incidents: 'Incidents',
  race: 'Race panel (several buyers)',
  log: 'Saga log',
  code: 'The same saga as code (Step Functions, Temporal, Durable Functions)',
};

interface Props {
  /** Copies the code (or selects it for Ctrl+C), and says which happened. */
  onCopy: (code: string, field: HTMLTextAreaElement | null) => void;
}

/**
 * The embed part of the share box: what to embed and how (lesson or run, autoplay, a moment,
 * panels, speed, fixed or fitted height, the course site's origin), and the snippet, which
 * follows every choice as it is made.
 */
export function EmbedOptions({ onCopy }: Props) {
  const id = useId();
  // A custom saga or lesson goes along once packed.
  useEditorStore((s) => s.encoded);
  useEditorStore((s) => s.lesson);
  const scenario = useUiStore((s) => s.scenario);
  const lessonId = useCourseStore((s) => s.lessonId);
  const stop = useCourseStore((s) => s.stop);
  const [choices, setChoices] = useState<EmbedChoices>(() => ({
    target: 'lesson',
    autoplay: false,
    panels: [...useUiStore.getState().panels],
    speed: useUiStore.getState().speed,
    height: 'auto',
    parentOrigin: '',
  }));
  const [atMoment, setAtMoment] = useState(false);
  const [field, setField] = useState<HTMLTextAreaElement | null>(null);
  const set = (patch: Partial<EmbedChoices>) => setChoices((c) => ({ ...c, ...patch }));
  const lesson = lessonId !== null && choices.target === 'lesson';

  let result: ReturnType<typeof embedCode> | null = null;
  try {
    result = embedCode(window.location.href, scenario, lessonId, { ...choices, ...(atMoment ? { step: stop.index } : {}) }, withDefinitionInUrl);
  } catch {
    // Opened from a file: an iframe needs the app on a web server.
  }
  const code = result?.code ?? 'Serve the simulator over http(s) to embed it.';

  return (
    <>
      <fieldset className="embed-options">
        <legend>Embed options</legend>
        {lessonId !== null && (
          <div className="embed-choice-row" role="radiogroup" aria-label="What to embed">
            <label>
              <input type="radio" name={`${id}-target`} checked={choices.target === 'lesson'} onChange={() => set({ target: 'lesson' })} /> This
              lesson, from its question
            </label>
            <label>
              <input type="radio" name={`${id}-target`} checked={choices.target === 'run'} onChange={() => set({ target: 'run' })} /> This run, as
              it is now
            </label>
          </div>
        )}
        {!lesson && (
          <div className="embed-choice-row">
            <label>
              <input type="checkbox" checked={choices.autoplay} onChange={(e) => set({ autoplay: e.target.checked })} /> Play by itself
            </label>
            <label>
              <input type="checkbox" checked={atMoment} onChange={(e) => setAtMoment(e.target.checked)} /> Open at this moment (event{' '}
              {stop.index} of {stop.last})
            </label>
          </div>
        )}
        <fieldset className="embed-panels">
          <legend>Panels</legend>
          {ALL_PANELS.map((p) => (
            <label key={p}>
              <input
                type="checkbox"
                checked={choices.panels.includes(p)}
                onChange={(e) => set({ panels: e.target.checked ? [...choices.panels, p] : choices.panels.filter((q) => q !== p) })}
              />{' '}
              {PANEL_NAMES[p]}
            </label>
          ))}
        </fieldset>
        <div className="embed-choice-row">
          <label>
            Speed{' '}
            <select value={choices.speed} onChange={(e) => set({ speed: Number(e.target.value) as Speed })}>
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="embed-choice-row" role="radiogroup" aria-label="Height">
          <label>
            <input type="radio" name={`${id}-height`} checked={choices.height === 'auto'} onChange={() => set({ height: 'auto' })} /> Fit the
            content (adds the resizer script)
          </label>
          <label>
            <input type="radio" name={`${id}-height`} checked={choices.height !== 'auto'} onChange={() => set({ height: 600 })} /> Fixed
            height
          </label>
          {choices.height !== 'auto' && (
            <label>
              <input
                type="number"
                min={200}
                max={4000}
                step={10}
                value={choices.height}
                onChange={(e) => set({ height: Math.min(4000, Math.max(200, Number(e.target.value) || 600)) })}
              />{' '}
              px
            </label>
          )}
        </div>
        <label className="embed-origin">
          Only this course site may hear the results (its origin)
          <input
            type="url"
            inputMode="url"
            placeholder="https://school.example"
            value={choices.parentOrigin}
            onChange={(e) => set({ parentOrigin: e.target.value })}
            aria-describedby={result?.problems.length ? `${id}-problems` : undefined}
          />
        </label>
        {result && result.problems.length > 0 && (
          <p id={`${id}-problems`} className="form-problem">
            <span aria-hidden="true">⚠</span> {result.problems.join(' ')}
          </p>
        )}
      </fieldset>
      <label htmlFor={`${id}-code`}>Embed code for a course page</label>
      <div className="share-row">
        <textarea id={`${id}-code`} ref={setField} readOnly rows={6} value={code} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => onCopy(code, field)}>
          Copy embed code
        </button>
      </div>
    </>
  );
}
