import { useId, useRef, useState } from 'react';
import { embedSnippet, shareUrl } from '../../embed';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { useRaceStore } from '../race/raceStore';
import { useShownRun } from './shownRun';

/** Copies with the Clipboard API; where that is missing or refused, selects the text for Ctrl+C instead. */
async function copy(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.focus();
    field?.select();
    return false;
  }
}

/**
 * What is on screen that a link cannot reproduce, in words: the learner's scheduler picks (until
 * "Replay this schedule" puts them in the link) and operator actions on an incident.
 */
function useNotCarried(): string[] {
  const learnerPicks = useRaceStore((s) => s.mode === 'learner' && s.picks.length > 0);
  const operated = useShownRun((s) => s.run?.trace.some((e) => e.type.startsWith('operator.')) ?? false);
  return [
    ...(learnerPicks ? ['your scheduler picks (press “Replay this schedule” to put them in the link)'] : []),
    ...(operated ? ['the operator’s actions on the incident'] : []),
  ];
}

/** The link to this exact run and the `<iframe>` snippet that embeds it, each with a copy button. */
export function ShareBox() {
  const id = useId();
  const scenario = useUiStore((s) => s.scenario);
  const speed = useUiStore((s) => s.speed);
  const panels = useUiStore((s) => s.panels);
  const lessonId = useCourseStore((s) => s.lessonId);
  const layout = useUiStore((s) => s.view);
  const notCarried = useNotCarried();
  const linkField = useRef<HTMLInputElement>(null);
  const codeField = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');

  const view = { ...(lessonId ? { lesson: lessonId } : { layout }), speed, panels: [...panels] };
  const link = shareUrl(window.location.href, scenario, view);
  let code: string;
  try {
    code = embedSnippet(shareUrl(window.location.href, scenario, { ...view, embed: true }), { title: 'Saga Simulator: an interactive saga run' });
  } catch {
    // Opened from a file: an iframe needs the app on a web server.
    code = 'Serve the simulator over http(s) to embed it.';
  }

  const onCopy = async (what: 'Link' | 'Embed code', text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => {
    const ok = await copy(text, field);
    setStatus(ok ? `${what} copied.` : `${what} selected: press Ctrl+C (⌘C on a Mac) to copy it.`);
  };

  return (
    <details className="share">
      <summary>Share or embed this run</summary>
      <div className="share-body">
        <label htmlFor={`${id}-link`}>Link to this run</label>
        <div className="share-row">
          <input id={`${id}-link`} ref={linkField} readOnly value={link} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => onCopy('Link', link, linkField.current)}>
            Copy link
          </button>
        </div>
        {notCarried.length > 0 && (
          <p className="share-caveat">
            <span aria-hidden="true">⚠ </span>This link opens the run as it started; it does not carry {notCarried.join(' or ')}.
          </p>
        )}
        <label htmlFor={`${id}-code`}>Embed code for a course page</label>
        <div className="share-row">
          <textarea id={`${id}-code`} ref={codeField} readOnly rows={3} value={code} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => onCopy('Embed code', code, codeField.current)}>
            Copy embed code
          </button>
        </div>
        <p role="status" className="hint">
          {status}
        </p>
      </div>
    </details>
  );
}
