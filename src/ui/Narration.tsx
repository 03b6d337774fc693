import { useEffect, useMemo, useRef } from 'react';
import { narrate } from '../core';
import { formatVirtualTime } from './panels/labels';
import { FadeIn } from './reveal';
import { type RunView, revealed } from './runView';

/** The sentences of the revealed story, oldest first, with their virtual time and kind. */
export function sentences(run: RunView): { seq: number; at: number; type: string; text: string }[] {
  const context = run.scenario;
  return revealed(run)
    .map((e) => ({ seq: e.seq, at: e.at, type: e.type, text: narrate(e, context) }))
    .filter((s) => s.text !== '');
}

/** The CSS class that colours a sentence by what happened (plus its icon, never colour alone). */
export function toneOf(type: string): { tone: string; icon: string } {
  if (type.startsWith('compensation.') || type === 'saga.compensating' || type === 'saga.compensated') return { tone: 'comp', icon: '↩' };
  if (type === 'alert.raised' || type === 'saga.needs-attention' || type === 'saga.stuck') return { tone: 'alert', icon: '⚠' };
  if (type.endsWith('.failed') || type === 'response.lost' || type === 'event.dropped' || type === 'orchestrator.crashed') return { tone: 'fail', icon: '✗' };
  if (type.endsWith('.succeeded') || type === 'saga.completed') return { tone: 'ok', icon: '✓' };
  if (type.endsWith('.retrying')) return { tone: 'retry', icon: '↻' };
  if (type.startsWith('operator.')) return { tone: 'operator', icon: '✎' };
  return { tone: 'neutral', icon: '•' };
}

/** One sentence per revealed story event, newest highlighted; plus a live region for screen readers. */
export function Narration({ run }: { run: RunView }) {
  const lines = useMemo(() => sentences(run), [run]);
  const latest = lines[lines.length - 1];
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the newest sentence in view inside the scrolling list (not the page): once per new sentence, in
  // the next frame, where layout is due anyway (reading scrollHeight right after a commit forces it early).
  const latestSeq = latest?.seq;
  useEffect(() => {
    if (latestSeq === undefined) return;
    const frame = requestAnimationFrame(() => {
      const list = listRef.current;
      if (list) list.scrollTop = list.scrollHeight;
    });
    return () => cancelAnimationFrame(frame);
  }, [latestSeq]);

  return (
    <section className="panel narration" aria-labelledby="narration-title">
      <h2 id="narration-title">What happened</h2>
      {lines.length === 0 ? (
        <p className="empty">Press Play or Step forward to follow the order.</p>
      ) : (
        <>
          {/* Focusable so keyboard users can scroll the story (axe: scrollable-region-focusable). */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <ol ref={listRef} className="narration-list" tabIndex={0} aria-label="Story so far, newest last">
          {lines.map((line) => {
            const { tone, icon } = toneOf(line.type);
            const current = line === latest;
            return (
              <FadeIn
                as="li"
                key={line.seq}
                className={`sentence tone-${tone}${current ? ' current' : ''}`}
                aria-current={current ? 'step' : undefined}
                from="below"
              >
                <span className="sentence-icon" aria-hidden="true">
                  {icon}
                </span>
                <span className="sentence-time">{formatVirtualTime(line.at)}</span>
                <span className="sentence-text">{line.text}</span>
              </FadeIn>
            );
          })}
          </ol>
        </>
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {latest?.text ?? ''}
      </p>
    </section>
  );
}
