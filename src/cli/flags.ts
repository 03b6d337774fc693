import { DEFINITION_NAMES, resolveDefinition, SCENARIO_FIELDS, type Scenario, type ScenarioField } from '../core';

/**
 * The command line's scenario flags, derived from the core's scenario field table: each
 * field's flag, how its value is written on the command line, and the way back. So the CLI's
 * ranges are the core's, and a replay line can be written from any resolved scenario.
 */

/** A command-line mistake; the message says what is valid. Exit code 2. */
export class UsageError extends Error {}

/** How a value is written after its flag ('' for a flag that takes none). */
const HINT: Record<ScenarioField['type']['kind'], string> = {
  enum: 'VALUE',
  int: 'N',
  number: 'N',
  bool: '',
  step: 'STEP',
  stepMap: 'STEP:N[,STEP:N]',
  retry: 'K=V[,K=V]',
  crash: 'STEP:WHEN[:compensation]',
  schedule: 'I,I,…',
  definition: 'NAME',
};

/** `--keys` → `--no-keys`: how a boolean field that defaults to true is turned off. */
export const negated = (f: ScenarioField) => `--no-${f.flag.slice(2)}`;

/** One help line per scenario field. */
export function scenarioHelp(): string[] {
  return SCENARIO_FIELDS.map((f) => {
    const t = f.type;
    const flag = t.kind === 'bool' ? `${negated(f)} / ${f.flag}` : `${f.flag} ${HINT[t.kind]}`;
    const values = t.kind === 'enum' ? ` (${t.values.join(' | ')})` : t.kind === 'int' ? ` (${t.min}-${t.max})` : '';
    const dflt = f.default !== undefined && t.kind !== 'definition' ? `; default ${String(f.default)}` : '';
    return `  ${flag.padEnd(32)} ${f.description}${values}${dflt}`;
  });
}

function stepOf(flag: string, v: string, steps: readonly string[]): string {
  if (!steps.includes(v)) throw new UsageError(`${flag}: unknown step "${v}". Valid steps: ${steps.join(', ')}.`);
  return v;
}

function int(flag: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, got "${v}".`);
  return n;
}

const number = (flag: string, v: string): number => {
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${flag}: expected a number, got "${v}".`);
  return n;
};

/** Reads one scenario field's command-line value (step ids are checked against the definition's). */
export function parseFlagValue(f: ScenarioField, raw: string, steps: readonly string[]): unknown {
  const t = f.type;
  const flag = f.flag;
  switch (t.kind) {
    case 'enum':
      if (!t.values.includes(raw)) throw new UsageError(`${flag}: expected one of ${t.values.join(', ')}, got "${raw}".`);
      return raw;
    case 'int':
      return int(flag, raw, t.min, t.max);
    case 'number':
      return number(flag, raw);
    case 'bool':
      return raw === 'true';
    case 'step':
      return stepOf(flag, raw, steps);
    case 'definition':
      if (!(DEFINITION_NAMES as readonly string[]).includes(raw)) throw new UsageError(`${flag}: expected one of ${DEFINITION_NAMES.join(', ')}, got "${raw}".`);
      return raw;
    case 'stepMap':
      return Object.fromEntries(
        raw.split(',').map((part) => {
          const [s, n] = part.split(':');
          if (n === undefined) throw new UsageError(`${flag}: expected STEP:VALUE, got "${part}".`);
          return [stepOf(flag, s, steps), t.always && n === 'always' ? 'always' : int(flag, n, t.min, t.max)];
        }),
      );
    case 'retry':
      return Object.fromEntries(
        raw.split(',').map((part) => {
          const [k, v = ''] = part.split('=');
          if (k === 'jitter') return [k, v];
          if (!['maxAttempts', 'initialIntervalMs', 'backoffCoefficient', 'maxIntervalMs'].includes(k)) {
            throw new UsageError(`${flag}: unknown key "${k}". Valid: maxAttempts, initialIntervalMs, backoffCoefficient, maxIntervalMs, jitter.`);
          }
          return [k, number(`${flag} ${k}`, v)];
        }),
      );
    case 'crash': {
      const [s, when, phase] = raw.split(':');
      if (when !== 'before-call' && when !== 'after-commit') throw new UsageError(`${flag} moment: expected one of before-call, after-commit, got "${when ?? ''}".`);
      if (phase !== undefined && phase !== 'forward' && phase !== 'compensation') throw new UsageError(`${flag} phase: expected one of forward, compensation, got "${phase}".`);
      return { step: stepOf(flag, s, steps), when, ...(phase ? { phase } : {}) };
    }
    case 'schedule':
      return raw.split(',').map((x) => int(flag, x.trim(), 0, 3));
  }
}

const write = (v: unknown): string => (v === Number.POSITIVE_INFINITY ? 'Infinity' : String(v));

/** The flags that reproduce a resolved scenario (every field that differs from its default), for a replay line. */
export function scenarioToArgs(s: Scenario): string[] {
  const out: string[] = [];
  for (const f of SCENARIO_FIELDS) {
    const v = s[f.name];
    if (v === undefined || JSON.stringify(v) === JSON.stringify(f.default)) continue;
    const t = f.type;
    if (t.kind === 'bool') out.push(v ? f.flag : negated(f));
    else if (t.kind === 'stepMap' || t.kind === 'retry') {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.length) out.push(f.flag, entries.map(([k, x]) => `${k}${t.kind === 'retry' ? '=' : ':'}${write(x)}`).join(','));
    } else if (t.kind === 'crash') {
      const c = v as NonNullable<Scenario['crash']>;
      out.push(f.flag, [c.step, c.when, ...(c.phase === 'compensation' ? ['compensation'] : [])].join(':'));
    } else if (t.kind === 'schedule') out.push(f.flag, (v as number[]).join(','));
    else if (t.kind === 'definition' && typeof v !== 'string') continue; // a definition object travels as a file, not a flag
    else out.push(f.flag, write(v));
  }
  return out;
}

/** The step ids a definition name allows (the order saga's when the name is unknown: the core reports it). */
export function stepsOfDefinition(name: unknown): string[] {
  try {
    return resolveDefinition(name as Scenario['definition']).steps.map((s) => s.id);
  } catch {
    return resolveDefinition('order').steps.map((s) => s.id);
  }
}
