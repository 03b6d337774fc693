import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { main, render } from '../../src/cli/sim';

const cli = (...args: string[]) => render(parseArgs(args));

describe('npm run sim', () => {
  it('narrates a warehouse failure: payment, order and inventory compensated in that order', () => {
    const out = cli('--fail-at', 'warehouse');
    const undo = ['Payments did it: refund the card', 'Orders did it: cancel the order', 'Inventory did it: release the hold'].map((s) => out.indexOf(s));
    expect(undo.every((i) => i > 0)).toBe(true);
    expect([...undo].sort((a, b) => a - b)).toEqual(undo);
    expect(out).toMatch(/Outcome: compensated/);
    expect(out).toMatch(/✓ no-double-charge/);
  });

  it('shows the double charge without keys and the replay with keys', () => {
    expect(cli('--lost', 'payment:1', '--no-keys')).toMatch(/✗ no-double-charge: Order o-1 was charged 2 times[\s\S]*Nobody was alerted/);
    expect(cli('--lost', 'payment:1')).toMatch(/has seen idempotency key s-1:payment:forward before/);
  });

  it('ends needs-attention with the alert when the refund always fails', () => {
    expect(cli('--fail-at', 'warehouse', '--comp-fail', 'payment:always')).toMatch(/Outcome: needs-attention[\s\S]*⚠ alert \(s-1, payment\)/);
  });

  it('shows choreography going quiet on a dropped event, and orchestration completing', () => {
    expect(cli('--mode', 'choreography', '--drop', 'payment')).toMatch(/Outcome: stuck[\s\S]*✗ no-stuck-sagas: Order o-1 is still PENDING with nothing in flight: item held, card charged \$40/);
    expect(cli('--mode', 'orchestration', '--drop', 'payment')).toMatch(/Outcome: completed/);
    expect(cli('--crash', 'payment:after-commit', '--no-keys')).toMatch(/✗ no-double-charge/);
  });

  it('explores the race: counts and a shortest oversell without the lock, zero with it', () => {
    expect(cli('--buyers', '2', '--no-lock', '--explore')).toMatch(/Violating interleavings: [1-9][\d,]*[\s\S]*Shortest violating schedule: [\d,]+[\s\S]*no-oversell/);
    expect(cli('--buyers', '2', '--lock', '--explore')).toMatch(/Violating interleavings: 0\b/);
  });

  it('prints the RunResult with --json', () => {
    const run = JSON.parse(cli('--fail-at', 'payment', '--json'));
    expect(run.outcome).toBe('compensated');
    expect(run.databases.payments.rows).toEqual([]);
  });

  it('names the valid choices for an unknown step or flag', () => {
    expect(() => parseArgs(['--fail-at', 'shipping'])).toThrow(new UsageError('--fail-at: unknown step "shipping". Valid steps: inventory, order, payment, warehouse, delivery.'));
    expect(() => parseArgs(['--bogus'])).toThrow(/Unknown option "--bogus". Valid options: .*--fail-at.*--strict/);
  });

  it('exits with code 2 on a usage error, 0 on success (real process)', () => {
    const bad = spawnSync('npx', ['tsx', 'src/cli/sim.ts', '--fail-at', 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Valid steps: inventory, order, payment, warehouse, delivery/);
    expect(execFileSync('npx', ['tsx', 'src/cli/sim.ts', '--seed', '3'], { encoding: 'utf8' })).toMatch(/Outcome: completed/);
  });

  it('writes a replay line that carries every flag that shaped the run', () => {
    const out = cli('--explore', '--buyers', '2', '--stock', '2', '--no-lock', '--no-keys', '--lost', 'payment:1');
    const line = out.split('\n').find((l) => l.startsWith('Replay it: npm run sim -- '));
    expect(line).toBeDefined();
    const args = (line as string).replace('Replay it: npm run sim -- ', '').split(' ');
    const replay = parseArgs(args).scenario;
    expect(replay).toMatchObject({ buyers: 2, stock: 2, semanticLock: false, idempotencyKeys: false, lostResponses: { payment: 1 } });
    const first = JSON.parse(cli(...args, '--json'));
    expect(first.violations.length).toBeGreaterThan(0);
  });

  it('serialises maxAttempts Infinity as "Infinity" in --json, and reads it back', () => {
    const run = JSON.parse(cli('--retry', 'maxAttempts=Infinity', '--definition', 'order-with-pivot', '--json'));
    expect(run.scenario.retry.maxAttempts).toBe('Infinity');
    expect(parseArgs(['--retry', 'maxAttempts=Infinity']).scenario.retry?.maxAttempts).toBe(Number.POSITIVE_INFINITY);
  });

  it('--strict exits 1 when an invariant is violated, 0 when none is', () => {
    const quiet = () => {};
    expect(main(['--lost', 'payment:1', '--no-keys', '--strict'], quiet, quiet)).toBe(1);
    expect(main(['--lost', 'payment:1', '--no-keys'], quiet, quiet)).toBe(0);
    expect(main(['--lost', 'payment:1', '--strict'], quiet, quiet)).toBe(0);
    expect(main(['--buyers', '2', '--no-lock', '--explore', '--strict'], quiet, quiet)).toBe(1);
  });

  it('runs the trip: its own steps, its own tables, and step flags checked against it', () => {
    const out = cli('--definition', 'trip', '--fail-at', 'car');
    expect(out).toMatch(/Cars refused[\s\S]*Hotels did it: cancel the hotel[\s\S]*Flights did it: cancel the flight[\s\S]*Outcome: compensated/);
    expect(out).not.toMatch(/no-double-charge/);
    expect(() => parseArgs(['--definition', 'trip', '--fail-at', 'warehouse'])).toThrow(/Valid steps: flight, hotel, car, payment/);
  });

  it('the help text lists every scenario field from the core table', () => {
    const help = cli('--help');
    for (const flag of ['--definition', '--delay', '--no-compensation', '--no-keys', '--strict', '--lock-policy']) expect(help).toContain(flag);
  });
});
