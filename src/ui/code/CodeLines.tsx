import { memo } from 'react';
import type { LineRange } from '../../core/engines';
import type { Token } from './highlight';

interface CodeLinesProps {
  tokens: Token[][];
  /** The lines the run is executing, if any. */
  range?: LineRange;
  /** How they are executing: a call, a compensation, a retry's wait. */
  tone: 'call' | 'comp' | 'retry';
}

/** The highlighted lines of a file, with line numbers (not copied with a selection). */
export const CodeLines = memo(function CodeLines({ tokens, range, tone }: CodeLinesProps) {
  return (
    <code>
      {tokens.map((line, i) => {
        const n = i + 1;
        const active = range !== undefined && n >= range.from && n <= range.to;
        return (
          <span key={n} className={active ? `code-line active tone-${tone}` : 'code-line'} data-line={n} data-active={active || undefined}>
            <span className="code-ln" aria-hidden="true">
              {n}
            </span>
            {line.map((t, j) =>
              t.kind === 'plain' ? (
                t.text
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: tokens are positions in a line
                <span key={j} className={`tok-${t.kind}`}>
                  {t.text}
                </span>
              ),
            )}
            {'\n'}
          </span>
        );
      })}
    </code>
  );
});
