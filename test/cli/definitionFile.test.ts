import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { main, render } from '../../src/cli/sim';

const EXAMPLE = 'public/examples/trip.json';

describe('npm run sim -- --definition-file', () => {
  it('runs the README example file with a failure at car: hotel then flight are undone, payment never runs', () => {
    const out = render(parseArgs(['--definition-file', EXAMPLE, '--fail-at', 'car']));
    const undo = ['Hotels did it: cancel the hotel', 'Flights did it: cancel the flight'].map((s) => out.indexOf(s));
    expect(undo.every((i) => i > 0)).toBe(true);
    expect(undo[0]).toBeLessThan(undo[1]);
    expect(out).not.toMatch(/charge the card/);
    expect(out).toMatch(/Outcome: compensated/);
  });

  it('writes the run as JSON with the file’s definition in the scenario', () => {
    const run = JSON.parse(render(parseArgs(['--definition-file', EXAMPLE, '--fail-at', 'car', '--json'])));
    expect(run.outcome).toBe('compensated');
    expect(run.scenario.definition.id).toBe('trip');
    expect(run.scenario.definition.steps[2].compensationRetry.maxAttempts).toBe('Infinity');
    expect(Object.keys(run.databases)).toEqual(expect.arrayContaining(['flight', 'hotel', 'car', 'payment']));
  });

  it('checks the other flags’ steps against the file’s steps', () => {
    expect(() => parseArgs(['--definition-file', EXAMPLE, '--fail-at', 'warehouse'])).toThrow(/unknown step "warehouse". Valid steps: flight, hotel, car, payment/);
  });

  it('lists every problem of a bad file at its JSON path, and exits 2', () => {
    const bad = JSON.stringify({ id: 'X', title: 't', steps: [{ id: 'a', service: 'S', action: 'x', kind: 'compensatable' }, { id: 'a', service: 'S', action: 'y', kind: 'pivot' }] });
    expect(() => parseArgs(['--definition-file', 'bad.json'], () => bad)).toThrow(UsageError);
    let err = '';
    const code = main(['--definition-file', 'missing/nowhere.json'], () => {}, (s) => {
      err += s;
    });
    expect(code).toBe(2);
    expect(err).toMatch(/cannot read "missing\/nowhere.json"/);
    try {
      parseArgs(['--definition-file', 'bad.json'], () => bad);
    } catch (e) {
      const text = (e as Error).message;
      expect(text).toMatch(/^ {2}id: must be 1–40 characters/m);
      expect(text).toMatch(/^ {2}steps\[0\]\.compensation: a compensatable step needs a compensation/m);
      expect(text).toMatch(/^ {2}steps\[1\]\.id: "a" is already the id of an earlier step/m);
    }
    expect(() => parseArgs(['--definition-file', 'x.json'], () => '{ not json')).toThrow(/is not JSON/);
    expect(() => parseArgs(['--definition', 'trip', '--definition-file', EXAMPLE])).toThrow(/not both/);
  });

  it('exits 2 from the real command on a bad file', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/sim.ts', '--definition-file', 'package.json'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^ {2}steps: must be a list of 1 to 8 steps/m);
  });
});
