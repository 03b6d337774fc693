/**
 * A small syntax highlighter for the generated code: JSON (ASL) and TypeScript, line by line.
 * Enough for reading (keys, strings, numbers, keywords, comments), not a parser.
 */

/** What a piece of a line is, for its colour. */
export type TokenKind = 'plain' | 'key' | 'string' | 'number' | 'keyword' | 'comment' | 'literal';

/** A piece of a line. */
export interface Token {
  kind: TokenKind;
  text: string;
}

const TS_KEYWORDS = new Set(
  'as async await break catch class const continue else export extends finally for from function if import in interface let new of return static this throw try type typeof while yield'.split(' '),
);
const LITERALS = new Set(['true', 'false', 'null', 'undefined']);

const JSON_TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)|\b(true|false|null)\b/gi;
const TS_TOKEN = /(\/\/.*$)|(\/\*.*?(?:\*\/|$))|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)|\b(\d+(?:\.\d+)?)\b|\b([A-Za-z_$][\w$]*)\b/g;

function push(out: Token[], kind: TokenKind, text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.kind === kind) last.text += text;
  else out.push({ kind, text });
}

function jsonLine(line: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (const m of line.matchAll(JSON_TOKEN)) {
    push(out, 'plain', line.slice(at, m.index));
    if (m[1] !== undefined) {
      push(out, m[2] ? 'key' : 'string', m[1]);
      push(out, 'plain', m[2] ?? '');
    } else push(out, m[3] !== undefined ? 'number' : 'literal', m[0]);
    at = (m.index ?? 0) + m[0].length;
  }
  push(out, 'plain', line.slice(at));
  return out;
}

/** Tokens of every line of a file; block comments (`/** … *\/`) may span lines. */
export function highlight(text: string, language: 'json' | 'typescript'): Token[][] {
  const lines = text.replace(/\n$/, '').split('\n');
  if (language === 'json') return lines.map(jsonLine);
  let inBlock = false;
  return lines.map((line) => {
    const out: Token[] = [];
    let rest = line;
    if (inBlock) {
      const end = rest.indexOf('*/');
      if (end < 0) return [{ kind: 'comment', text: rest }];
      push(out, 'comment', rest.slice(0, end + 2));
      rest = rest.slice(end + 2);
      inBlock = false;
    }
    let at = 0;
    for (const m of rest.matchAll(TS_TOKEN)) {
      push(out, 'plain', rest.slice(at, m.index));
      const [whole, line, block, str, num, word] = m;
      if (line !== undefined) push(out, 'comment', line);
      else if (block !== undefined) {
        push(out, 'comment', block);
        if (!block.endsWith('*/') || block.length < 4) inBlock = true;
      } else if (str !== undefined) push(out, 'string', str);
      else if (num !== undefined) push(out, 'number', num);
      else if (word !== undefined) push(out, TS_KEYWORDS.has(word) ? 'keyword' : LITERALS.has(word) ? 'literal' : 'plain', word);
      at = (m.index ?? 0) + whole.length;
    }
    push(out, 'plain', rest.slice(at));
    return out;
  });
}
