import { exploreInterleavings, INVARIANTS, narrate, runScenario, ScenarioError } from '../core';
import { type CliOptions, parseArgs, USAGE, UsageError } from './args';
import { engineOf, exportFiles, printFiles, writeFiles } from './exportCode';

/** Renders a run (or an exploration) as the CLI prints it. Pure, so it can be tested. */
export function render(o: CliOptions): string {
  if (o.help) return USAGE;
  if (o.export !== undefined) {
    return printFiles(exportFiles({ engine: engineOf(o.export), definition: o.scenario.definition, definitionFile: o.definitionFile }, o.scenario.retry)).replace(/\n$/, '');
  }
  if (o.explore) {
    const r = exploreInterleavings(o.scenario);
    if (o.json) return JSON.stringify(r, null, 2);
    const lines = [
      `Explored ${r.explored.toLocaleString('en-US')} distinct states: ${r.interleavings.toLocaleString('en-US')} interleavings, ${r.terminalStates} distinct end states.`,
      `Violating interleavings: ${r.violating.toLocaleString('en-US')}${r.complete ? '' : ' (search stopped at the state cap)'}`,
    ];
    if (r.counterexample) {
      lines.push(`Shortest violating schedule: ${r.counterexample.schedule.join(',')}`);
      for (const v of r.counterexample.violations) lines.push(`  ✗ ${v.invariant}: ${v.message}`);
      lines.push(`Replay it: npm run sim -- ${replayFlags(o)} --schedule ${r.counterexample.schedule.join(',')}`);
    }
    return lines.join('\n');
  }
  const run = runScenario(o.scenario);
  if (o.json) return JSON.stringify(run, null, 2);
  const ctx = run.scenario;
  const lines: string[] = [];
  for (const e of run.trace) {
    const sentence = narrate(e, ctx);
    if (sentence) lines.push(`${(e.at / 1000).toFixed(3).padStart(9)}s  ${sentence}`);
  }
  lines.push('');
  lines.push(`Outcome: ${run.sagas.map((s) => (run.sagas.length > 1 ? `${s.id} ${s.outcome}` : s.outcome)).join(', ')}`);
  for (const inv of INVARIANTS) {
    const broken = run.violations.filter((v) => v.invariant === inv.id);
    lines.push(broken.length === 0 ? `  ✓ ${inv.id}` : broken.map((v) => `  ✗ ${inv.id}: ${v.message}`).join('\n'));
  }
  for (const a of run.alerts) lines.push(`  ⚠ alert (${a.saga}${a.step ? `, ${a.step}` : ''}): ${a.message}`);
  if (run.violations.length > 0 && run.alerts.length === 0) lines.push('  Nobody was alerted: a silent inconsistency.');
  return lines.join('\n');
}

function replayFlags(o: CliOptions): string {
  const s = o.scenario;
  return [s.buyers ? `--buyers ${s.buyers}` : '', s.stock ? `--stock ${s.stock}` : '', s.semanticLock === false ? '--no-lock' : '', s.failAt ? `--fail-at ${s.failAt}` : '']
    .filter(Boolean)
    .join(' ');
}

function main(argv: readonly string[]): number {
  try {
    const o = parseArgs(argv);
    if (o.export !== undefined && o.out !== undefined) {
      // --out DIR: the files go straight into DIR (workflows.ts and activities.ts for Temporal, …).
      const files = exportFiles({ engine: engineOf(o.export), definition: o.scenario.definition, definitionFile: o.definitionFile }, o.scenario.retry);
      process.stdout.write(`${writeFiles(files, o.out).map((path) => `Wrote ${path}`).join('\n')}\n`);
      return 0;
    }
    process.stdout.write(`${render(o)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ScenarioError) {
      process.stderr.write(`${e.message}\n\nRun with --help for all options.\n`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1]?.endsWith('sim.ts')) process.exitCode = main(process.argv.slice(2));
