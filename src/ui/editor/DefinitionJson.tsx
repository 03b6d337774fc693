import { useId, useRef, useState } from 'react';
import { serializeRun } from '../../core';
import { checkDefinitionJson } from '../../embed';
import { asDraft, type Draft } from './draft';

interface Props {
  draft: Draft;
  onImport: (draft: Draft) => void;
}

/** Largest file or paste read, in characters: a definition is a few kilobytes. */
const MAX_IMPORT_LENGTH = 200_000;

/** The file name for a definition: its id when it has a usable one. */
const fileName = (d: Draft) => `${typeof d.id === 'string' && /^[a-z0-9-]{1,40}$/.test(d.id) ? d.id : 'saga'}.json`;

/**
 * The definition as JSON, out (a `.json` download, or text to copy) and in (a file, or pasted
 * text). An import the form can show is loaded even when it breaks rules, so the author can fix
 * it there; anything else is explained and changes nothing.
 */
export function DefinitionJson({ draft, onImport }: Props) {
  const id = useId();
  const [paste, setPaste] = useState('');
  const [status, setStatus] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const json = serializeRun(draft);

  const load = (text: string, from: string) => {
    if (text.length > MAX_IMPORT_LENGTH) return setStatus(`${from} is too large (over ${MAX_IMPORT_LENGTH.toLocaleString('en-US')} characters); a saga definition is a few kilobytes.`);
    const checked = checkDefinitionJson(text);
    let value: unknown = null;
    try {
      value = JSON.parse(text);
    } catch {
      // Reported below from `checked`.
    }
    const next = asDraft(value);
    if (!next) {
      const why = checked.ok ? '' : checked.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
      return setStatus(`${from} could not be loaded: ${why || 'it is not a saga definition with a list of steps'}.`);
    }
    onImport(next);
    setStatus(checked.ok ? `${from} loaded: ${next.steps.length} steps, ready to run.` : `${from} loaded with ${checked.problems.length} problem${checked.problems.length === 1 ? '' : 's'} to fix, shown next to the fields.`);
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([`${json}\n`], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(draft);
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 0);
    setStatus(`Downloaded ${fileName(draft)}.`);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setStatus('JSON copied.');
    } catch {
      textRef.current?.focus();
      textRef.current?.select();
      setStatus('JSON selected: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };

  return (
    <details className="ed-json">
      <summary>JSON: export and import</summary>
      <div className="ed-json-body">
        <div className="ed-json-col">
          <label htmlFor={`${id}-out`}>This saga as JSON</label>
          <textarea id={`${id}-out`} ref={textRef} readOnly rows={10} value={json} onFocus={(e) => e.target.select()} />
          <div className="ed-row">
            <button type="button" onClick={download}>
              Download {fileName(draft)}
            </button>
            <button type="button" onClick={copy}>
              Copy JSON
            </button>
          </div>
          <p className="hint">
            Editors can complete and check the file with the schema: add <code>"$schema": "saga-definition.schema.json"</code> (served next to this page).
          </p>
        </div>
        <div className="ed-json-col">
          <label htmlFor={`${id}-file`}>Import a .json file</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".json,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) load(await file.text(), file.name);
              e.target.value = '';
            }}
          />
          <label htmlFor={`${id}-paste`}>Or paste JSON</label>
          <textarea id={`${id}-paste`} rows={6} value={paste} onChange={(e) => setPaste(e.target.value)} />
          <div className="ed-row">
            <button type="button" disabled={paste.trim() === ''} onClick={() => load(paste, 'The pasted JSON')}>
              Load pasted JSON
            </button>
          </div>
        </div>
      </div>
      <p role="status" className="hint ed-status">
        {status}
      </p>
    </details>
  );
}
