import { useId, useRef, useState } from 'react';
import { embedSnippet, shareUrl } from '../../embed';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { traceViewOptions, useBaselineStore } from '../waterfall/baselineStore';

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

/** The link to this exact run and the `<iframe>` snippet that embeds it, each with a copy button. */
export function ShareBox() {
  const id = useId();
  const scenario = useUiStore((s) => s.scenario);
  const speed = useUiStore((s) => s.speed);
  const panels = useUiStore((s) => s.panels);
  const lessonId = useCourseStore((s) => s.lessonId);
  const linkField = useRef<HTMLInputElement>(null);
  const codeField = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');

  const page = useUiStore((s) => s.view);
  useBaselineStore((s) => s.choice); // the link carries the trace view's baseline: re-render when it changes
  const view = { ...(lessonId ? { lesson: lessonId } : {}), speed, panels: [...panels], ...traceViewOptions(page, lessonId) };
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
