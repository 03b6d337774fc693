import { SCENARIO_FIELDS, type Scenario, type ScenarioField } from '../core';
import { readDefinitionFile } from './definitionFile';
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
  '--definition-file': 'F: a saga definition JSON file instead of --definition (run it, or --export it)',
  '--export': 'ENGINE: print the saga as code: asl | temporal | durable | hand-rolled',
  '--out': 'DIR: (with --export) write the files into DIR instead of printing them',
} as const;

export const USAGE = `Usage: npm run sim -- [options]

Runs one saga scenario headlessly and narrates it, one line per event.
Exit codes: 0 done, 1 an invariant is violated under --strict, 2 a usage error.

${scenarioHelp().join('\n')}
${Object.entries(ACTIONS)
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
const ALL_FLAGS = [...VALUED.keys(), ...BOOLEANS.keys(), ...Object.keys(ACTIONS), ...Object.keys(OPTIONS)];

/** Parses argv (without node and script). Throws {@link UsageError} naming the valid choices. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { scenario: {}, json: false, explore: false, matrix: false, strict: false, help: false };
  const raw: [ScenarioField, string][] = [];
  let definitionFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const eq = argv[i].startsWith('--') ? argv[i].indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [argv[i].slice(0, eq), argv[i].slice(eq + 1)] : [argv[i], undefined];
    if (flag in ACTIONS) {
      o[flag.slice(2) as 'json' | 'explore' | 'matrix' | 'strict' | 'help'] = true;
      continue;
    }
    if (flag in OPTIONS) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      if (flag === '--definition-file') definitionFile = value;
      else o[flag.slice(2) as 'export' | 'out'] = value;
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
  // The definition first: the other flags' step ids are checked against it.
  const definition = raw.find(([f]) => f.name === 'definition');
  if (definitionFile !== undefined && definition) throw new UsageError('--definition and --definition-file: give one of them.');
  const fromFile = definitionFile === undefined ? undefined : readDefinitionFile(definitionFile);
  const steps = fromFile ? fromFile.steps.map((s) => s.id) : stepsOfDefinition(definition?.[1] ?? 'order');
  for (const [f, value] of raw) (o.scenario as Record<string, unknown>)[f.name] = parseFlagValue(f, value, steps);
  if (fromFile) o.scenario.definition = fromFile;
  return o;
}
