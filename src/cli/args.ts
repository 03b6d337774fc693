import { type CrashPoint, type RetryPolicy, type Scenario, STEP_IDS, type StepId } from '../core';

/** What the command line asked for. */
export interface CliOptions {
  scenario: Partial<Scenario>;
  json: boolean;
  explore: boolean;
  help: boolean;
  /** `--export ENGINE`: print (or write) the saga as code instead of running it. */
  export?: string;
  /** `--definition-file F` (with `--export`): a definition JSON file. */
  definitionFile?: string;
  /** `--out DIR` (with `--export`): write the files into DIR. */
  out?: string;
}

/** A command-line mistake; the message says what is valid. Exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm run sim -- [options]

Runs one saga scenario headlessly and narrates it, one line per event.

  --fail-at STEP           this step's forward action fails (business failure)
  --seed N                 seed for latencies, jitter and scheduling (default 1)
  --mode MODE              orchestration (default) | choreography
  --lost STEP:N[,STEP:N]   lose the first N responses of STEP's forward action
  --no-keys / --keys       retries without / with idempotency keys (default: with)
  --comp-fail STEP:N|always[,…]  STEP's compensation answers 500 N times (or always)
  --retry K=V[,K=V]        retry policy: maxAttempts, initialIntervalMs, backoffCoefficient, maxIntervalMs, jitter=none|full
  --definition NAME        order (default) | order-with-pivot
  --drop STEP              the event (choreography) / response (orchestration) STEP sends is dropped
  --crash STEP:WHEN[:compensation]  orchestrator crashes before-call | after-commit
  --buyers N               concurrent buyers 1-4 (default 1)
  --stock N                units in stock 1-3 (default 1)
  --no-lock / --lock       without / with the PENDING semantic lock (default: with)
  --lock-policy P          fail (default) | wait
  --schedule I,I,…         at each choice point, the index (0-based) of the saga that moves
  --explore                explore every interleaving instead of one run
  --export ENGINE          print the saga as code: asl | temporal | durable | hand-rolled
  --definition-file F      (with --export) a saga definition JSON file instead of --definition
  --out DIR                (with --export) write the files into DIR instead of printing them
  --json                   print the RunResult (or ExploreResult) as JSON
  --help                   this text

Steps: ${STEP_IDS.join(', ')}`;

function step(flag: string, v: string): StepId {
  if (!(STEP_IDS as readonly string[]).includes(v)) throw new UsageError(`${flag}: unknown step "${v}". Valid steps: ${STEP_IDS.join(', ')}.`);
  return v as StepId;
}

function int(flag: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, got "${v}".`);
  return n;
}

function pairs(flag: string, v: string): [StepId, string][] {
  return v.split(',').map((part) => {
    const [s, n] = part.split(':');
    if (n === undefined) throw new UsageError(`${flag}: expected STEP:VALUE, got "${part}".`);
    return [step(flag, s), n];
  });
}

function oneOf<T extends string>(flag: string, v: string, valid: readonly T[]): T {
  if (!(valid as readonly string[]).includes(v)) throw new UsageError(`${flag}: expected one of ${valid.join(', ')}, got "${v}".`);
  return v as T;
}

function retry(v: string): Partial<RetryPolicy> {
  const out: Partial<RetryPolicy> = {};
  for (const part of v.split(',')) {
    const [k, val] = part.split('=');
    if (k === 'jitter') out.jitter = oneOf('--retry jitter', val, ['none', 'full'] as const);
    else if (k === 'maxAttempts' || k === 'initialIntervalMs' || k === 'backoffCoefficient' || k === 'maxIntervalMs') {
      const n = Number(val);
      if (!Number.isFinite(n) || n < 0) throw new UsageError(`--retry ${k}: expected a non-negative number, got "${val}".`);
      out[k] = n;
    } else throw new UsageError(`--retry: unknown key "${k}". Valid: maxAttempts, initialIntervalMs, backoffCoefficient, maxIntervalMs, jitter.`);
  }
  return out;
}

const FLAGS_WITH_VALUE = ['--fail-at', '--seed', '--mode', '--lost', '--comp-fail', '--retry', '--definition', '--drop', '--crash', '--buyers', '--stock', '--lock-policy', '--schedule', '--export', '--definition-file', '--out'];
const BOOLEAN_FLAGS = ['--no-keys', '--keys', '--no-lock', '--lock', '--explore', '--json', '--help'];

/** Parses argv (without node and script). Throws {@link UsageError} naming the valid choices. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { scenario: {}, json: false, explore: false, help: false };
  const s = o.scenario;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') && argv[i].startsWith('--') ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
    if (!FLAGS_WITH_VALUE.includes(flag) && !BOOLEAN_FLAGS.includes(flag)) {
      throw new UsageError(`Unknown option "${flag}". Valid options: ${[...FLAGS_WITH_VALUE, ...BOOLEAN_FLAGS].join(' ')}.`);
    }
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--fail-at': s.failAt = step(flag, value()); break;
      case '--seed': s.seed = int(flag, value(), 0, 2 ** 31 - 1); break;
      case '--mode': s.mode = oneOf(flag, value(), ['orchestration', 'choreography'] as const); break;
      case '--lost': s.lostResponses = Object.fromEntries(pairs(flag, value()).map(([k, n]) => [k, int(flag, n, 0, 20)])); break;
      case '--comp-fail': s.compensationFailures = Object.fromEntries(pairs(flag, value()).map(([k, n]) => [k, n === 'always' ? 'always' : int(flag, n, 0, 20)])); break;
      case '--retry': s.retry = retry(value()); break;
      case '--definition': s.definition = oneOf(flag, value(), ['order', 'order-with-pivot'] as const); break;
      case '--export': o.export = value(); break;
      case '--definition-file': o.definitionFile = value(); break;
      case '--out': o.out = value(); break;
      case '--drop': s.dropEvent = step(flag, value()); break;
      case '--crash': {
        const [st, when, phase] = value().split(':');
        const crash: CrashPoint = { step: step(flag, st), when: oneOf(`${flag} moment`, when ?? '', ['before-call', 'after-commit'] as const) };
        if (phase !== undefined) crash.phase = oneOf(`${flag} phase`, phase, ['forward', 'compensation'] as const);
        s.crash = crash;
        break;
      }
      case '--buyers': s.buyers = int(flag, value(), 1, 4); break;
      case '--stock': s.stock = int(flag, value(), 1, 3); break;
      case '--lock-policy': s.lockPolicy = oneOf(flag, value(), ['fail', 'wait'] as const); break;
      case '--schedule': s.schedule = value().split(',').map((x) => int(flag, x.trim(), 0, 3)); break;
      case '--no-keys': s.idempotencyKeys = false; break;
      case '--keys': s.idempotencyKeys = true; break;
      case '--no-lock': s.semanticLock = false; break;
      case '--lock': s.semanticLock = true; break;
      case '--explore': o.explore = true; break;
      case '--json': o.json = true; break;
      case '--help': o.help = true; break;
    }
  }
  if ((o.definitionFile !== undefined || o.out !== undefined) && o.export === undefined) {
    throw new UsageError(`${o.definitionFile !== undefined ? '--definition-file' : '--out'} works with --export only.`);
  }
  return o;
}
