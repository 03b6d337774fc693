import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { definitions, type RetryPolicy } from '../core';
import { type CodeFile, ENGINES, type Engine, type ExportDefinition, type ExportStep, exportCode, fromSagaDefinition } from '../core/engines';
import { UsageError } from './args';

/** What `--export` asked for. */
export interface ExportRequest {
  engine: Engine;
  /** A built-in definition's name (default `order`). */
  definition?: string;
  /** A definition JSON file, instead of a built-in. */
  definitionFile?: string;
  /** Write the files into this directory instead of printing them. */
  out?: string;
}

/** The engine named on the command line; exit 2 (a {@link UsageError}) for any other name. */
export function engineOf(v: string): Engine {
  if (!(ENGINES as readonly string[]).includes(v)) throw new UsageError(`--export: unknown engine "${v}". Valid engines: ${ENGINES.join(', ')}.`);
  return v as Engine;
}

const KINDS = ['compensatable', 'pivot', 'retriable'];

/**
 * Reads a definition JSON file, checking the fields the exporters read (the kernel's full
 * definition rules will replace this). Each problem names its JSON path.
 */
export function readDefinitionFile(path: string, read: (p: string) => string = (p) => readFileSync(p, 'utf8')): ExportDefinition {
  let data: unknown;
  try {
    data = JSON.parse(read(path));
  } catch (e) {
    throw new UsageError(`--definition-file ${path}: ${(e as Error).message}`);
  }
  const bad = (where: string, what: string): never => {
    throw new UsageError(`--definition-file ${path}: ${where}: ${what}`);
  };
  const d = data as Record<string, unknown>;
  if (typeof d !== 'object' || d === null || Array.isArray(d)) bad('(root)', 'expected an object { id, title, steps }');
  if (typeof d.id !== 'string' || !/^[a-z0-9-]+$/.test(d.id)) bad('id', 'expected a-z, 0-9 and -');
  if (typeof d.title !== 'string') bad('title', 'expected a string');
  if (!Array.isArray(d.steps) || d.steps.length < 1 || d.steps.length > 8) bad('steps', 'expected 1–8 steps');
  const seen = new Set<string>();
  (d.steps as Record<string, unknown>[]).forEach((s, i) => {
    const at = `steps[${i}]`;
    if (typeof s !== 'object' || s === null) bad(at, 'expected an object');
    if (typeof s.id !== 'string' || !/^[a-z0-9-]+$/.test(s.id)) bad(`${at}.id`, 'expected a-z, 0-9 and -');
    if (seen.has(s.id as string)) bad(`${at}.id`, `"${s.id}" is used by an earlier step`);
    seen.add(s.id as string);
    for (const f of ['service', 'action']) if (typeof s[f] !== 'string' || s[f] === '') bad(`${at}.${f}`, 'expected a non-empty string');
    if (!KINDS.includes(s.kind as string)) bad(`${at}.kind`, `expected one of ${KINDS.join(', ')}`);
    if (s.kind === 'compensatable' && typeof s.compensation !== 'string') bad(`${at}.compensation`, 'a compensatable step needs a compensation');
  });
  const kinds = (d.steps as ExportStep[]).map((s) => s.kind).join(' ');
  if (!/^(compensatable ?)*(pivot( retriable)*)?$/.test(kinds)) bad('steps', 'compensatable steps first, then at most one pivot, then retriable steps');
  return d as unknown as ExportDefinition;
}

/** The generated files for a request (pure but for reading `--definition-file`). */
export function exportFiles(req: ExportRequest, retry?: Partial<RetryPolicy>): CodeFile[] {
  const name = req.definition ?? 'order';
  const builtIn = definitions[name as keyof typeof definitions];
  if (!req.definitionFile && !builtIn) throw new UsageError(`--definition: unknown definition "${name}". Valid: ${Object.keys(definitions).join(', ')}.`);
  const def = req.definitionFile ? readDefinitionFile(req.definitionFile) : fromSagaDefinition(builtIn);
  return exportCode(req.engine, def, { retry });
}

/** The files as printed to stdout: one file alone as it is; several, each under a `// name` line. */
export function printFiles(files: readonly CodeFile[]): string {
  if (files.length === 1) return files[0].text;
  return files.map((f) => `// ---- ${f.name} ----\n${f.text}`).join('\n');
}

/** `--out DIR`: writes the files straight into DIR (created if missing); returns the paths written. */
export function writeFiles(files: readonly CodeFile[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return files.map((f) => {
    const path = join(dir, f.name);
    writeFileSync(path, f.text);
    return path;
  });
}
