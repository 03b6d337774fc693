import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args';
import { render } from '../../src/cli/sim';
import { exportTrace } from '../../src/core/trace-export';
import { runScenario } from '../../src/core';

const cli = (...args: string[]) => render(parseArgs(args));

describe('npm run sim -- --otlp | --jaeger | --chrome-trace', () => {
  it('prints each format as JSON only, the same bytes as the app’s download', () => {
    const run = runScenario({ failAt: 'payment', seed: 5 });
    expect(`${cli('--fail-at', 'payment', '--seed', '5', '--otlp')}\n`).toBe(exportTrace(run, 'otlp'));
    expect(JSON.parse(cli('--fail-at', 'payment', '--jaeger')).data[0].spans.length).toBeGreaterThan(5);
    expect(JSON.parse(cli('--mode', 'choreography', '--chrome-trace')).traceEvents.some((e: { ph: string }) => e.ph === 'X')).toBe(true);
  });

  it('refuses two formats, or a format with --json or --explore, naming the conflict', () => {
    expect(() => parseArgs(['--otlp', '--jaeger'])).toThrow(new UsageError('--jaeger: choose one trace format; --otlp was given too.'));
    expect(() => parseArgs(['--json', '--chrome-trace'])).toThrow(/--chrome-trace prints only the trace; it cannot be combined with --json/);
  });

  it('writes nothing but the JSON to stdout (real process)', () => {
    const out = spawnSync('npx', ['tsx', 'src/cli/sim.ts', '--drop', 'payment', '--mode', 'choreography', '--otlp'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).resourceSpans[0].resource.attributes[0]).toEqual({ key: 'service.name', value: { stringValue: 'shop' } });
  });
});
