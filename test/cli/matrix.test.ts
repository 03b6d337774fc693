import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { strictFailures } from '../../src/cli/matrix';
import { main, render } from '../../src/cli/sim';
import { failureMatrix, type MatrixCell, runScenario } from '../../src/core';

const cli = (...args: string[]) => render(parseArgs(args));
const quiet = () => {};

describe('npm run sim -- --matrix', () => {
  const out = cli('--matrix');
  const order = failureMatrix('order');

  it('prints one row per fault point under its step, with a symbol and a word in every cell', () => {
    expect(out).toMatch(/^Failure matrix: Order saga/);
    expect(out).toMatch(/Orchestration, keys off +Choreography, keys off +Orchestration, keys on +Choreography, keys on/);
    expect(out).toMatch(/Payments — charge the card\n[\s\S]*?lost reply after commit\n +✗ SILENT completed +✗ SILENT completed +↻ recovered completed +↻ recovered completed\n/);
    // An orchestrator crash cannot happen in a choreography.
    expect(out).toMatch(/orchestrator crash after commit\n +✗ SILENT completed +— n\/a +↻ recovered completed +— n\/a\n/);
    const silent = order.filter((c) => c.verdict === 'silent').length;
    expect(out).toContain(`${silent} of ${order.length} cells are silent inconsistencies.`);
    expect(out.split('\n').every((l) => l === l.trimEnd())).toBe(true);
  });

  it('ends with a replay line for every silent cell, which replays that cell', () => {
    const lines = out.split('\n');
    const replays = lines.filter((l) => l.startsWith('    npm run sim -- '));
    expect(replays).toHaveLength(order.filter((c) => c.verdict === 'silent').length);
    const crash = lines.indexOf('    npm run sim -- --no-keys --crash payment:after-commit');
    expect(lines[crash - 1]).toMatch(/✗ payment\/forward\/crash-after-commit \(orchestration\/keys-off\): no-double-charge/);
    const replayed = JSON.parse(cli(...replays[0].trim().replace('npm run sim -- ', '').split(' '), '--json'));
    expect(replayed.violations.length).toBeGreaterThan(0);
    expect(replayed.alerts).toEqual([]);
  });

  it('takes --definition and --seed, and writes the cells as JSON', () => {
    const cells = JSON.parse(cli('--matrix', '--definition', 'trip', '--seed', '3', '--json')) as MatrixCell[];
    expect(cells).toEqual(JSON.parse(JSON.stringify(failureMatrix('trip', { seed: 3 }))));
    expect(runScenario(cells[5].scenario).outcome).toBe(cells[5].outcome);
  });

  it('refuses a fault flag: the matrix sets every fault itself', () => {
    const err: string[] = [];
    expect(main(['--matrix', '--fail-at', 'payment'], quiet, (s) => err.push(s))).toBe(2);
    expect(err.join('')).toMatch(/--matrix sets every fault itself; it takes only --definition and --seed \(got the failAt field\)/);
  });

  it('--strict exits 1 only when a keys-on orchestration cell is silent', () => {
    // The order saga keeps the promise: silent cells exist, but none with keys and an orchestrator
    // (test/core/matrix.test.ts checks every built-in).
    expect(main(['--matrix', '--strict'], quiet, quiet)).toBe(0);
    const cells = failureMatrix('trip');
    expect(strictFailures(cells)).toEqual([]);
    const broken = cells.map((c) => (c.column === 'orchestration/keys-on' && c.fault === 'lost-reply' ? { ...c, verdict: 'silent' as const } : c));
    expect(strictFailures(broken).map((c) => c.row)).toEqual(['flight/forward/lost-reply', 'hotel/forward/lost-reply', 'car/forward/lost-reply', 'payment/forward/lost-reply']);
    // Silent keys-off cells alone do not fail --strict.
    expect(cells.some((c) => c.verdict === 'silent' && !c.idempotencyKeys)).toBe(true);
  });
});
