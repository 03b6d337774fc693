import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { exportFiles, writeFiles } from '../../src/cli/exportCode';
import { render } from '../../src/cli/sim';
import { trip } from '../core/engines/fixtures';

const cli = (...args: string[]) => render(parseArgs(args));
const dir = mkdtempSync(join(tmpdir(), 'saga-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sim = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], { encoding: 'utf8' });

describe('npm run sim -- --export', () => {
  it('--export asl prints only the state machine JSON, with nothing on stderr', () => {
    const r = sim('--export', 'asl', '--definition', 'order-with-pivot');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).StartAt).toBe('Hold the item');
  });

  it('a bad engine exits 2 naming the valid ones', () => {
    const r = sim('--export', 'camunda');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--export: unknown engine "camunda". Valid engines: asl, temporal, durable, hand-rolled/);
  });

  it('--out DIR writes workflows.ts and activities.ts for Temporal, orchestrator.ts for Durable Functions', () => {
    const out = (engine: string, sub: string) => writeFiles(exportFiles(engine, {}), join(dir, sub));
    expect(out('temporal', 't')).toEqual([join(dir, 't', 'workflows.ts'), join(dir, 't', 'activities.ts')]);
    expect(readdirSync(join(dir, 't')).sort()).toEqual(['activities.ts', 'workflows.ts']);
    out('durable', 'd');
    expect(readFileSync(join(dir, 'd', 'orchestrator.ts'), 'utf8')).toMatch(/df\.app\.orchestration\('orderSaga', orderSaga\)/);
  });

  it('prints both Temporal files under their names, and applies --retry', () => {
    const out = cli('--export', 'temporal', '--retry', 'maxAttempts=5');
    expect(out).toMatch(/^\/\/ ---- workflows\.ts ----[\s\S]*maximumAttempts: 5,[\s\S]*\/\/ ---- activities\.ts ----/);
  });

  it('--export takes --definition-file (the trip as a JSON file) like --definition; --out needs --export', () => {
    const file = join(dir, 'trip.json');
    writeFileSync(file, JSON.stringify(trip));
    expect(cli('--export', 'durable', '--definition-file', file)).toMatch(/const tripSaga: OrchestrationHandler/);
    expect(cli('--export', 'asl', '--definition-file', file)).toBe(cli('--export', 'asl', '--definition', 'trip'));
    expect(() => parseArgs(['--out', dir])).toThrow(/--out works with --export only/);
  });
});
