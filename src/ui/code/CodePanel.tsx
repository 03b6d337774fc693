import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { resolveDefinition } from '../../core';
import { anchorKey, ENGINE_TITLES, ENGINES, type Engine, exportCode } from '../../core/engines';
import { revealed, type RunView } from '../runView';
import { anchorAt, describeAnchor } from './codeCursor';
import { CodeLines } from './CodeLines';
import { highlight } from './highlight';

interface CodePanelProps {
  run: RunView;
}

/** Where nothing is highlighted, why: before the first call, or after the saga ended. */
function idleText(run: RunView): string {
  const last = [...revealed(run)].reverse().find((e) => /^saga\.(completed|compensated|needs-attention|stuck)$|^orchestrator\.(crashed|recovered)$/.test(e.type));
  if (last?.type === 'orchestrator.crashed') return 'Nothing is executing: the orchestrator is down. It restarts from its log — in an engine, from the durable history.';
  if (last?.type === 'orchestrator.recovered') return 'Nothing is executing yet: the orchestrator has restarted and read its log.';
  if (last?.type.startsWith('saga.')) return `Nothing is executing: the saga ended ${last.type.slice('saga.'.length)}.`;
  return 'Nothing is executing yet: press play or step forward, and the code the run executes lights up.';
}

/**
 * The Code panel's contents (its frame is `CodeSlot`): the run's saga as Step Functions, Temporal, Durable Functions and hand-rolled code, generated
 * from its definition and retry policy, with the state or line being executed highlighted as
 * the run plays. Copy and download give the exact generated file.
 */
export function CodePanel({ run }: CodePanelProps) {
  const [engine, setEngine] = useState<Engine>('asl');
  const [fileIndex, setFileIndex] = useState(0);
  const [status, setStatus] = useState('');
  const id = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const preRef = useRef<HTMLElement>(null);
  const { definition, retry } = run.scenario;
  const def = useMemo(() => resolveDefinition(definition), [definition]);
  const files = useMemo(() => exportCode(engine, def, { retry }), [engine, def, retry]);
  const file = files[Math.min(fileIndex, files.length - 1)];
  const tokens = useMemo(() => highlight(file.text, file.language), [file]);
  const anchor = anchorAt(run.trace, run.cursor);
  const range = anchor ? file.anchors[anchorKey(anchor)] : undefined;
  const elsewhere = anchor && !range ? files.find((f) => f.anchors[anchorKey(anchor)]) : undefined;

  // Keep the highlighted lines in view inside the code box (never scrolls the page); also on a new file.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new file with the same range needs scrolling too
  useEffect(() => {
    const pre = preRef.current;
    const line = range && pre?.querySelector<HTMLElement>(`[data-line="${range.from}"]`);
    if (!pre || !line) return;
    const last = pre.querySelector<HTMLElement>(`[data-line="${range.to}"]`) ?? line;
    const top = line.offsetTop;
    const height = last.offsetTop + last.offsetHeight - top;
    if (top >= pre.scrollTop && top + height <= pre.scrollTop + pre.clientHeight) return;
    // The whole range when it fits (a third of the spare room above it), else its first line near the top.
    pre.scrollTop = Math.max(0, height < pre.clientHeight ? top - (pre.clientHeight - height) / 3 : top - line.offsetHeight);
  }, [range, file]);

  const choose = (i: number) => {
    const next = ENGINES[(i + ENGINES.length) % ENGINES.length];
    setEngine(next);
    setFileIndex(0);
    setStatus('');
    tabRefs.current[ENGINES.indexOf(next)]?.focus();
  };
  const onTabKey = (e: KeyboardEvent, i: number) => {
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: ENGINES.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    choose(to);
  };
  const copy = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setStatus('Copying is not available here: select the code and copy it by hand.');
      return;
    }
    clipboard.writeText(file.text).then(
      () => setStatus(`Copied ${file.name}.`),
      () => setStatus('Copying was refused: select the code and copy it by hand.'),
    );
  };

  // With several buyers the code follows the first one's saga.
  const who = run.scenario.buyers > 1 ? 'Buyer 1’s saga — ' : '';
  const where = anchor
    ? range
      ? `Now: ${who}${describeAnchor(anchor)} — ${range.from === range.to ? `line ${range.from}` : `lines ${range.from}–${range.to}`} of ${file.name}.`
      : `Now: ${who}${describeAnchor(anchor)}${elsewhere ? `, in ${elsewhere.name}` : ''}.`
    : idleText(run);

  return (
    <>
      <div role="tablist" aria-label="Engine" className="code-tabs">
        {ENGINES.map((e, i) => (
          <button
            key={e}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${e}`}
            aria-selected={e === engine}
            aria-controls={`${id}-panel`}
            tabIndex={e === engine ? 0 : -1}
            onClick={() => choose(i)}
            onKeyDown={(ev) => onTabKey(ev, i)}
          >
            {ENGINE_TITLES[e]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${engine}`} className="code-body">
        <div className="code-toolbar">
          {files.length > 1 ? (
            <fieldset className="code-files">
              <legend className="visually-hidden">File</legend>
              {files.map((f, i) => (
                <button key={f.name} type="button" aria-pressed={f === file} onClick={() => setFileIndex(i)}>
                  {f.name}
                </button>
              ))}
            </fieldset>
          ) : (
            <span className="code-file-name">{file.name}</span>
          )}
          <span className="code-actions">
            <button type="button" onClick={copy}>
              Copy
            </button>
            <a href={`data:text/plain;charset=utf-8,${encodeURIComponent(file.text)}`} download={file.name}>
              Download
            </a>
          </span>
        </div>
        {run.scenario.mode === 'choreography' && (
          <p className="code-where">This run is a choreography: no one drives it. The code shows the same steps driven by an orchestrator.</p>
        )}
        <p className="code-where" data-testid="code-where">
          {where}
        </p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the code box scrolls; keyboard users must be able to scroll it */}
        <section ref={preRef} className="code-view" tabIndex={0} aria-label={`${file.name}, generated for the saga “${def.title}” (scrolls)`}>
          <pre>
            <CodeLines tokens={tokens} range={range} tone={anchor?.part === 'retry' ? 'retry' : anchor?.phase === 'compensation' ? 'comp' : 'call'} />
          </pre>
        </section>
        <p className="code-status" role="status">
          {status}
        </p>
      </div>
    </>
  );
}
