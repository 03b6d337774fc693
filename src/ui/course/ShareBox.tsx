import { lazy, Suspense, useId, useRef, useState } from 'react';
import { LONG_LINK_LENGTH, shareUrl } from '../../embed';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { useEditorStore, withDefinitionInUrl } from '../editor/editorStore';
import { traceViewOptions, useBaselineStore } from '../waterfall/baselineStore';

const ShareExtras = lazy(() => import('./ShareExtras'));

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
  const [status, setStatus] = useState('');
  const [opened, setOpened] = useState(false);
  // A custom saga travels in the link once compressed; re-render when that is done.
  useEditorStore((s) => s.encoded);

  const page = useUiStore((s) => s.view);
  useBaselineStore((s) => s.choice); // the link carries the trace view's baseline: re-render when it changes
  const trace = page === 'trace' && !lessonId ? { page, ...traceViewOptions(page, lessonId) } : {};
  const view = { ...(lessonId ? { lesson: lessonId } : {}), speed, panels: [...panels], ...trace };
  const link = withDefinitionInUrl(shareUrl(window.location.href, scenario, view));

  const onCopy = async (what: 'Link' | 'Embed code', text: string, field: HTMLInputElement | HTMLTextAreaElement | null) => {
    const ok = await copy(text, field);
    setStatus(ok ? `${what} copied.` : `${what} selected: press Ctrl+C (⌘C on a Mac) to copy it.`);
  };

  return (
    <details className="share" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>Share or embed this run</summary>
      <div className="share-body">
        <label htmlFor={`${id}-link`}>Link to this run</label>
        <div className="share-row">
          <input id={`${id}-link`} ref={linkField} readOnly value={link} onFocus={(e) => e.target.select()} />
          <button type="button" onClick={() => onCopy('Link', link, linkField.current)}>
            Copy link
          </button>
        </div>
        {link.length > LONG_LINK_LENGTH && (
          <p className="warning">
            <span aria-hidden="true">⚠</span> This link is {link.length.toLocaleString('en-US')} characters long (most of it your saga). Some chat tools, course platforms and
            servers cut links over {LONG_LINK_LENGTH.toLocaleString('en-US')} characters: share the saga as a .json file too.
          </p>
        )}
        {opened && (
          <Suspense fallback={<p className="hint">Loading the embed options…</p>}>
            <ShareExtras onCopy={(code, field) => onCopy('Embed code', code, field)} />
          </Suspense>
        )}
        <p role="status" className="hint">
          {status}
        </p>
      </div>
    </details>
  );
}
