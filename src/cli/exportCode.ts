import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDefinition, type Scenario } from '../core';
import { type CodeFile, ENGINES, type Engine, exportCode } from '../core/engines';
import { UsageError } from './flags';

/** The engine named on the command line; exit 2 (a {@link UsageError}) for any other name. */
export function engineOf(v: string): Engine {
  if (!(ENGINES as readonly string[]).includes(v)) throw new UsageError(`--export: unknown engine "${v}". Valid engines: ${ENGINES.join(', ')}.`);
  return v as Engine;
}

/** The generated files for a scenario's definition (a built-in name or a definition object) and retry override. */
export function exportFiles(engine: string, scenario: Partial<Scenario>): CodeFile[] {
  return exportCode(engineOf(engine), resolveDefinition(scenario.definition), { retry: scenario.retry });
}

/** The files as printed to stdout: one file alone as it is; several, each under a `// ---- name ----` line. */
export function printFiles(files: readonly CodeFile[]): string {
  if (files.length === 1) return files[0].text.replace(/\n$/, '');
  return files.map((f) => `// ---- ${f.name} ----\n${f.text}`).join('\n').replace(/\n$/, '');
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
