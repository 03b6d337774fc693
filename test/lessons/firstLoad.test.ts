import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 18: lessons 2–7's content is fetched when opened, not with the page. Read from the source
// (a build takes too long for `npm test`): what the app's entry reaches through static imports.
const SRC = resolve(__dirname, '../../src');
const ENTRY = resolve(SRC, 'main.tsx');

/** The file an import specifier names, if it is one of ours (CSS and packages are not followed). */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base].find((f) => /\.tsx?$/.test(f) && existsSync(f));
}

/**
 * A file's imports: static ones that stay in the built code (`import type` and `export type` are
 * erased, so they are not followed; an import naming some types and some values is), and
 * dynamic `import('…')` ones apart.
 */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const src = readFileSync(file, 'utf8');
  const found = (re: RegExp) => [...src.matchAll(re)].flatMap((m) => resolveImport(file, m[1]) ?? []);
  return {
    static: found(/^(?:import|export)(?!\s+type\b)(?:[^;'"]*?\bfrom\s+|\s+)'([^']+)'/gm),
    dynamic: found(/\bimport\(\s*'([^']+)'\s*\)/g),
  };
}

/** Every file the entry reaches through static imports alone: what the first page load holds. */
function firstLoad(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of importsOf(file).static) visit(next);
  };
  visit(ENTRY);
  return seen;
}

/** Lesson n's file (`src/lessons/0n-….ts`). */
function lessonFile(n: number): string {
  const file = readdirSync(resolve(SRC, 'lessons')).find((f) => f.startsWith(`0${n}-`) && f.endsWith('.ts'));
  if (!file) throw new Error(`no lesson file 0${n}-*.ts`);
  return resolve(SRC, 'lessons', file);
}

describe('the first page load', () => {
  const reached = firstLoad();
  const rel = (f: string) => relative(SRC, f);

  it('holds lesson 1, whose text every first visit reads first, and the whole app around it', () => {
    expect(reached.has(lessonFile(1))).toBe(true);
    expect(reached.has(resolve(SRC, 'lessons/course.ts'))).toBe(true);
    expect(reached.has(resolve(SRC, 'ui/course/LessonPanel.tsx'))).toBe(true);
    // The walk follows imports of every shape the app uses (a broken walk would reach little and prove nothing).
    expect(reached.size).toBeGreaterThan(80);
  });

  it('does not hold lessons 2–7 or the module that loads every lesson at once', () => {
    const lessons = [2, 3, 4, 5, 6, 7].map(lessonFile);
    expect([...reached].filter((f) => lessons.includes(f)).map(rel)).toEqual([]);
    expect(reached.has(resolve(SRC, 'lessons/all.ts'))).toBe(false);
  });

  it('fetches each of lessons 2–7 by a dynamic import from the course outline', () => {
    const dynamic = importsOf(resolve(SRC, 'lessons/course.ts')).dynamic.map(rel);
    expect(dynamic).toEqual([2, 3, 4, 5, 6, 7].map((n) => rel(lessonFile(n))));
  });
});
