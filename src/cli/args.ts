import { readFileSync } from 'node:fs';
import { definitionProblems, SCENARIO_FIELDS, type SagaDefinitionJson, type Scenario, type ScenarioField } from '../core';
import { TRACE_FORMATS, type TraceFormat } from '../core/trace-export';
import { negated, parseFlagValue, scenarioHelp, stepsOfDefinition, UsageError } from './flags';

export { UsageError } from './flags';

/** What the command line asked for. */
export interface CliOptions {
  scenario: Partial<Scenario>;
  json: boolean;
  explore: boolean;
  /** Run the failure matrix of the definition instead of one run. */
  matrix: boolean;
  /** Exit 1 when any invariant is violated (for CI). */
  strict: boolean;
  help: boolean;
  /** `--export ENGINE`: print (or write) the saga as code instead of running it. */
  export?: string;
  /** `--out DIR` (with `--export`): write the files into DIR. */
  out?: string;
  /** Print only the run's trace in this format (--otlp, --jaeger, --chrome-trace). */
  trace?: TraceFormat;
  /** The saga definition file the scenario runs (`--definition-file`), for the replay line. */
  definitionFile?: string;
}

/** The flag that runs a saga definition from a JSON file. */
export const DEFINITION_FILE_FLAG = '--definition-file';

/**
 * Reads and checks a definition file. A file that cannot be read, is not JSON or breaks a rule is
 * a usage error listing every problem at its JSON path.
 */
export function readDefinitionFile(path: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): SagaDefinitionJson {
  let text: string;
  try {
    text = read(path);
  } catch (e) {
    throw new UsageError(`${DEFINITION_FILE_FLAG}: cannot read "${path}" (${e instanceof Error ? e.message : String(e)}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${DEFINITION_FILE_FLAG}: "${path}" is not JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const problems = definitionProblems(json);
  if (problems.length > 0) {
    const lines = problems.map((p) => `  ${p.path || '(the file)'}: ${p.message}`);
    throw new UsageError(`${DEFINITION_FILE_FLAG}: "${path}" is not a saga that can run (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
  }
  return json as SagaDefinitionJson;
}

/** Flags that are not scenario fields: what to do with the scenario. */
const ACTIONS = {
  '--explore': 'explore every interleaving instead of one run',
  '--matrix': 'run every single fault of the definition (takes --definition, --seed); --strict: exit 1 on a silent keys-on orchestration cell',
  '--json': 'print the RunResult (or ExploreResult) as JSON; Infinity is written "Infinity"',
  '--strict': 'exit 1 when any invariant is violated (for CI)',
  '--help': 'this text',
} as const;

/** Flags with a value that are not scenario fields. */
const OPTIONS = {
  '--export': 'ENGINE: print the saga as code: asl | temporal | durable | hand-rolled',
  '--out': 'DIR: (with --export) write the files into DIR instead of printing them',
} as const;
/** Flags that print only the run's trace, in one export format. */
const TRACE_FLAGS: Record<string, { format: TraceFormat; text: string }> = Object.fromEntries(
  TRACE_FORMATS.map((format) => [
    `--${format}`,
    {
      format,
      text: {
        otlp: "print only the run's spans as OTLP/JSON (an ExportTraceServiceRequest)",
        jaeger: "print only the run's spans as Jaeger JSON (Jaeger UI opens it from a file)",
        'chrome-trace': "print only the run's spans as a Chrome trace (Perfetto, chrome://tracing)",
      }[format],
    },
  ]),
);

export const USAGE = `Usage: npm run sim -- [options]

Runs one saga scenario headlessly and narrates it, one line per event.
Exit codes: 0 done, 1 an invariant is violated under --strict, 2 a usage error.

${scenarioHelp().join('\n')}
  ${`${DEFINITION_FILE_FLAG} FILE`.padEnd(32)} run the saga defined in a JSON file (see public/saga-definition.schema.json)
${[...Object.entries(ACTIONS), ...Object.entries(TRACE_FLAGS).map(([flag, t]) => [flag, t.text])]
  .map(([flag, text]) => `  ${flag.padEnd(32)} ${text}`)
  .join('\n')}
${Object.entries(OPTIONS)
  .map(([flag, text]) => `  ${`${flag} ${text.split(':')[0]}`.padEnd(32)} ${text.slice(text.indexOf(':') + 2)}`)
  .join('\n')}

Step ids come from the saga definition (order: inventory, order, payment, warehouse, delivery;
trip: flight, hotel, car, payment).`;

const BOOLEANS = new Map<string, { f: ScenarioField; value: string }>(
  SCENARIO_FIELDS.filter((f) => f.type.kind === 'bool').flatMap((f) => [
    [f.flag, { f, value: 'true' }],
    [negated(f), { f, value: 'false' }],
  ]),
);
const VALUED = new Map(SCENARIO_FIELDS.filter((f) => f.type.kind !== 'bool').map((f) => [f.flag, f]));
const ALL_FLAGS = [...VALUED.keys(), DEFINITION_FILE_FLAG, ...BOOLEANS.keys(), ...Object.keys(ACTIONS), ...Object.keys(TRACE_FLAGS), ...Object.keys(OPTIONS)];

/** Parses argv (without node and script). Throws {@link UsageError} naming the valid choices. */
export function parseArgs(argv: readonly string[], read?: (path: string) => string): CliOptions {
  const o: CliOptions = { scenario: {}, json: false, explore: false, matrix: false, strict: false, help: false };
  const raw: [ScenarioField, string][] = [];
  for (let i = 0; i < argv.length; i++) {
    const eq = argv[i].startsWith('--') ? argv[i].indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [argv[i].slice(0, eq), argv[i].slice(eq + 1)] : [argv[i], undefined];
    if (flag in ACTIONS) {
      o[flag.slice(2) as 'json' | 'explore' | 'matrix' | 'strict' | 'help'] = true;
      continue;
    }
    const trace = TRACE_FLAGS[flag];
    if (trace) {
      if (o.trace && o.trace !== trace.format) throw new UsageError(`${flag}: choose one trace format; --${o.trace} was given too.`);
      o.trace = trace.format;
      continue;
    }
    if (flag === DEFINITION_FILE_FLAG) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      o.definitionFile = value;
      continue;
    }
    if (flag in OPTIONS) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      o[flag.slice(2) as 'export' | 'out'] = value;
      continue;
    }
    const bool = BOOLEANS.get(flag);
    if (bool) {
      raw.push([bool.f, bool.value]);
      continue;
    }
    const field = VALUED.get(flag);
    if (!field) throw new UsageError(`Unknown option "${flag}". Valid options: ${ALL_FLAGS.join(' ')}.`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`${flag} needs a value.`);
    raw.push([field, value]);
  }
  if (o.out !== undefined && o.export === undefined) throw new UsageError('--out works with --export only.');
  if (o.trace && (o.json || o.explore || o.matrix))
    throw new UsageError(`--${o.trace} prints only the trace; it cannot be combined with ${o.json ? '--json' : o.explore ? '--explore' : '--matrix'}.`);
  // The definition first: the other flags' step ids are checked against it.
  const definition = raw.find(([f]) => f.name === 'definition');
  if (o.definitionFile !== undefined && definition) throw new UsageError(`Use either ${definition[0].flag} or ${DEFINITION_FILE_FLAG}, not both.`);
  const fromFile = o.definitionFile === undefined ? undefined : readDefinitionFile(o.definitionFile, read);
  if (fromFile) o.scenario.definition = fromFile;
  const steps = fromFile ? fromFile.steps.map((s) => s.id) : stepsOfDefinition(definition?.[1] ?? 'order');
  for (const [f, value] of raw) (o.scenario as Record<string, unknown>)[f.name] = parseFlagValue(f, value, steps);
  return o;
}
