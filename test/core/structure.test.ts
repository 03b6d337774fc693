import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The kernel's rules (issue "One kernel, any saga as data"): small files, no import cycles in src/core.
const CORE = resolve(__dirname, '../../src/core');

/** Every file below `dir` whose path matches `pattern`. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p, pattern) : pattern.test(p) ? [p] : [];
  });
}
const files = filesUnder(CORE, /\.ts$/);

/** Relative imports of a file (type-only ones too: they are coupling as well), resolved to files. */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/from '(\.[^']+)'/g)].flatMap((m) => {
    const p = resolve(dirname(file), m[1]);
    return [`${p}.ts`, join(p, 'index.ts')].filter((c) => files.includes(c)).slice(0, 1);
  });
}

describe('src/core', () => {
  it('has no file over 300 lines', () => {
    const long = files.map((f) => [relative(CORE, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const cycles: string[] = [];
    const visit = (n: string) => {
      state.set(n, 'open');
      stack.push(n);
      for (const d of graph.get(n) ?? []) {
        if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d].map((x) => relative(CORE, x)).join(' → '));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(n, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });
});

// The project's rule for every file it writes (the brief: "keep files small, ≤ 300 lines"), stylesheets included.
describe('src and test', () => {
  it('have no source, test or stylesheet over 300 lines', () => {
    const root = resolve(__dirname, '../..');
    const all = ['src', 'test'].flatMap((d) => filesUnder(join(root, d), /\.(tsx?|mts|mjs|css)$/));
    const long = all.map((f) => [relative(root, f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 300);
    expect(all.length).toBeGreaterThan(300);
    expect(long).toEqual([]);
  });
});
