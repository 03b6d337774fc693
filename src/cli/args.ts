import { SCENARIO_FIELDS, type Scenario, type ScenarioField } from '../core';
import { TRACE_FORMATS, type TraceFormat } from '../core/trace-export';
import { negated, parseFlagValue, scenarioHelp, stepsOfDefinition, UsageError } from './flags';

export { UsageError } from './flags';

/** What the command line asked for. */
export interface CliOptions {
  scenario: Partial<Scenario>;
  json: boolean;
  explore: boolean;
  /** Exit 1 when any invariant is violated (for CI). */
  strict: boolean;
  help: boolean;
  /** Print only the run's trace in this format (--otlp, --jaeger, --chrome-trace). */
  trace?: TraceFormat;
}

/** Flags that are not scenario fields: what to do with the scenario. */
const ACTIONS = {
  '--explore': 'explore every interleaving instead of one run',
  '--json': 'print the RunResult (or ExploreResult) as JSON; Infinity is written "Infinity"',
  '--strict': 'exit 1 when any invariant is violated (for CI)',
  '--help': 'this text',
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
${[...Object.entries(ACTIONS), ...Object.entries(TRACE_FLAGS).map(([flag, t]) => [flag, t.text])]
  .map(([flag, text]) => `  ${flag.padEnd(32)} ${text}`)
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
const ALL_FLAGS = [...VALUED.keys(), ...BOOLEANS.keys(), ...Object.keys(ACTIONS), ...Object.keys(TRACE_FLAGS)];

/** Parses argv (without node and script). Throws {@link UsageError} naming the valid choices. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { scenario: {}, json: false, explore: false, strict: false, help: false };
  const raw: [ScenarioField, string][] = [];
  for (let i = 0; i < argv.length; i++) {
    const eq = argv[i].startsWith('--') ? argv[i].indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [argv[i].slice(0, eq), argv[i].slice(eq + 1)] : [argv[i], undefined];
    if (flag in ACTIONS) {
      o[flag.slice(2) as 'json' | 'explore' | 'strict' | 'help'] = true;
      continue;
    }
    const trace = TRACE_FLAGS[flag];
    if (trace) {
      if (o.trace && o.trace !== trace.format) throw new UsageError(`${flag}: choose one trace format; --${o.trace} was given too.`);
      o.trace = trace.format;
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
  if (o.trace && (o.json || o.explore))
    throw new UsageError(`--${o.trace} prints only the trace; it cannot be combined with ${o.json ? '--json' : '--explore'}.`);
  // The definition first: the other flags' step ids are checked against it.
  const definition = raw.find(([f]) => f.name === 'definition');
  const steps = stepsOfDefinition(definition?.[1] ?? 'order');
  for (const [f, value] of raw) (o.scenario as Record<string, unknown>)[f.name] = parseFlagValue(f, value, steps);
  return o;
}
