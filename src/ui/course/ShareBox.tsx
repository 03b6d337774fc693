import { lazy, Suspense, useId, useRef, useState } from 'react';
import { LONG_LINK_LENGTH, shareUrl } from '../../embed';
import { useCourseStore } from '../../store/courseStore';
import { useUiStore } from '../../store/uiStore';
import { useRaceStore } from '../race/raceStore';
import { useShownRun } from './shownRun';
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

/**
 * What is on screen that a link cannot reproduce, in words: the learner's scheduler picks (until
 * "Replay this schedule" puts them in the link), operator actions on an incident, a changed retry policy.
 */
function useNotCarried(): string[] {
  const learnerPicks = useRaceStore((s) => s.mode === 'learner' && s.picks.length > 0);
  const retry = useUiStore((s) => Object.keys(s.scenario.retry ?? {}).length > 0);
  const operated = useShownRun((s) => s.run?.trace.some((e) => e.type.startsWith('operator.')) ?? false);
  return [
    ...(learnerPicks ? ['your scheduler picks (press “Replay this schedule” to put them in the link)'] : []),
    ...(operated ? ['the operator’s actions on the incident'] : []),
    ...(retry ? ['the changed retry policy'] : []),
  ];
}

/** The link to this exact run and the `<iframe>` snippet that embeds it, each with a copy button. */
export function ShareBox() {
  const id = useId();
  const scenario = useUiStore((s) => s.scenario);
  const speed = useUiStore((s) => s.speed);
  const panels = useUiStore((s) => s.panels);
  const lessonId = useCourseStore((s) => s.lessonId);
  const notCarried = useNotCarried();
  const linkField = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const [opened, setOpened] = useState(false);
  // A custom saga travels in the link once compressed; re-render when that is done.
  useEditorStore((s) => s.encoded);

  const page = useUiStore((s) => s.view);
  useBaselineStore((s) => s.choice); // the link carries the trace view's baseline: re-render when it changes
  const trace = page === 'trace' && !lessonId ? { page, ...traceViewOptions(page, lessonId) } : {};
  // Side by side or the matrix travel as `view=` too (the trace view adds its baseline above).
  const other = !lessonId && page !== 'single' && page !== 'trace' ? { page } : {};
  const view = { ...(lessonId ? { lesson: lessonId } : {}), speed, panels: [...panels], ...other, ...trace };
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
        {notCarried.length > 0 && (
          <p className="share-caveat">
            <span aria-hidden="true">⚠ </span>This link opens the run as it started; it does not carry {notCarried.join(' or ')}.
          </p>
        )}
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
