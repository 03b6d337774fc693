import { exploreInterleavings, invariantsFor, narrate, resolveDefinition, resolveScenario, runScenario, ScenarioError, serializeRun } from '../core';
import { exportTrace } from '../core/trace-export';
import { type CliOptions, parseArgs, USAGE, UsageError } from './args';
import { exportFiles, printFiles, writeFiles } from './exportCode';
import { scenarioToArgs } from './flags';
import { matrixOutput } from './matrix';

/** What a command printed, and whether an invariant was violated (for --strict). */
export interface CliOutput {
  text: string;
  violated: boolean;
}

/** Runs what the options ask for. Pure, so it can be tested. */
export function execute(o: CliOptions): CliOutput {
  if (o.help) return { text: USAGE, violated: false };
  if (o.export !== undefined) {
    return { text: printFiles(exportFiles(o.export, o.scenario)), violated: false };
  }
  if (o.matrix) return matrixOutput(o.scenario, o.json);
  if (o.explore) {
    const r = exploreInterleavings(o.scenario);
    if (o.json) return { text: serializeRun(r), violated: r.violating > 0 };
    const lines = [
      `Explored ${r.explored.toLocaleString('en-US')} distinct states: ${r.interleavings.toLocaleString('en-US')} interleavings, ${r.terminalStates} distinct end states.`,
      `Violating interleavings: ${r.violating.toLocaleString('en-US')}${r.complete ? '' : ' (search stopped at the state cap)'}`,
    ];
    if (r.counterexample) {
      lines.push(`Shortest violating schedule: ${r.counterexample.schedule.join(',')}`);
      for (const v of r.counterexample.violations) lines.push(`  ✗ ${v.invariant}: ${v.message}`);
      // Every flag that shaped the run, from the resolved scenario: the line replays exactly this run.
      const replay = scenarioToArgs(resolveScenario({ ...o.scenario, schedule: r.counterexample.schedule }));
      const file = o.definitionFile === undefined ? [] : ['--definition-file', o.definitionFile];
      lines.push(`Replay it: npm run sim -- ${[...file, ...replay].join(' ')}`);
    }
    return { text: lines.join('\n'), violated: r.violating > 0 };
  }
  const run = runScenario(o.scenario);
  const violated = run.violations.length > 0;
  if (o.trace) return { text: exportTrace(run, o.trace).trimEnd(), violated };
  if (o.json) return { text: serializeRun(run), violated };
  const ctx = { ...run.scenario, definition: run.scenario.definition };
  const lines: string[] = [];
  for (const e of run.trace) {
    const sentence = narrate(e, ctx);
    if (sentence) lines.push(`${(e.at / 1000).toFixed(3).padStart(9)}s  ${sentence}`);
  }
  lines.push('');
  lines.push(`Outcome: ${run.sagas.map((s) => (run.sagas.length > 1 ? `${s.id} ${s.outcome}` : s.outcome)).join(', ')}`);
  const ids = invariantsFor(resolveDefinition(run.scenario.definition)).map((i) => i.id);
  for (const id of ids) {
    const broken = run.violations.filter((v) => v.invariant === id);
    lines.push(broken.length === 0 ? `  ✓ ${id}` : broken.map((v) => `  ✗ ${id}: ${v.message}`).join('\n'));
  }
  for (const a of run.alerts) lines.push(`  ⚠ alert (${a.saga}${a.step ? `, ${a.step}` : ''}): ${a.message}`);
  if (violated && run.alerts.length === 0) lines.push('  Nobody was alerted: a silent inconsistency.');
  return { text: lines.join('\n'), violated };
}

/** The printed text alone. */
export const render = (o: CliOptions): string => execute(o).text;

/** The exit code: 2 for a usage error, 1 for a violation under --strict, else 0. */
export function main(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  try {
    const o = parseArgs(argv);
    if (o.export !== undefined && o.out !== undefined) {
      // --out DIR: the files go straight into DIR (workflows.ts and activities.ts for Temporal, …).
      out(`${writeFiles(exportFiles(o.export, o.scenario), o.out).map((path) => `Wrote ${path}`).join('\n')}\n`);
      return 0;
    }
    const { text, violated } = execute(o);
    out(`${text}\n`);
    return o.strict && violated ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ScenarioError) {
      err(`${e.message}\n\nRun with --help for all options.\n`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1]?.endsWith('sim.ts')) {
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
