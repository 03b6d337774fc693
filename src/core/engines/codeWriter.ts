import { type CodeAnchor, type CodeFile, anchorKey, type LineRange } from './definition';

/**
 * Builds a generated file line by line and remembers which lines each anchor covers, so the
 * Code panel can highlight where the run is without searching the text.
 */
export class CodeWriter {
  private readonly lines: string[] = [];
  private readonly anchors: Record<string, LineRange> = {};
  private indent = 0;

  /** Appends lines (each indented to the current depth); marks them with the anchors given. */
  line(text: string, ...marks: CodeAnchor[]): this {
    const pad = '  '.repeat(this.indent);
    for (const part of text.split('\n')) this.lines.push(part === '' ? '' : pad + part);
    for (const mark of marks) this.mark(mark, this.lines.length - text.split('\n').length + 1, this.lines.length);
    return this;
  }

  /** Appends lines produced by `body` one level deeper, marking them all with the anchors given. */
  block(body: () => void, ...marks: CodeAnchor[]): this {
    const from = this.lines.length + 1;
    this.indent++;
    body();
    this.indent--;
    for (const mark of marks) this.mark(mark, from, this.lines.length);
    return this;
  }

  /** Runs `body` and marks every line it appended. */
  span(body: () => void, ...marks: CodeAnchor[]): this {
    const from = this.lines.length + 1;
    body();
    for (const mark of marks) this.mark(mark, from, this.lines.length);
    return this;
  }

  private mark(anchor: CodeAnchor, from: number, to: number): void {
    const key = anchorKey(anchor);
    const had = this.anchors[key];
    // The first occurrence wins: an anchor names the place where the call is written.
    if (!had) this.anchors[key] = { from, to };
  }

  /** The finished file. */
  file(name: string, language: CodeFile['language']): CodeFile {
    return { name, language, text: `${this.lines.join('\n')}\n`, anchors: { ...this.anchors } };
  }
}
