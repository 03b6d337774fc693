import { readFileSync } from 'node:fs';
import { definitionProblems, type SagaDefinitionJson } from '../core';
import { UsageError } from './flags';

/**
 * Reads `--definition-file F`: JSON, checked by the core's own definition rules. Every problem
 * is reported with its JSON path (`steps[1].compensation: …`).
 */
export function readDefinitionFile(path: string, read: (p: string) => string = (p) => readFileSync(p, 'utf8')): SagaDefinitionJson {
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    throw new UsageError(`--definition-file ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--definition-file ${path}: not JSON (${(e as Error).message}).`);
  }
  const problems = definitionProblems(data);
  if (problems.length > 0) throw new UsageError(`--definition-file ${path}: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`);
  return data as SagaDefinitionJson;
}
