import { describe, expect, it } from 'vitest';
import { createSimulation, exploreInterleavings, result, runScenario, settle } from '../../src/core';

// The README's headless-API example, kept honest.
describe('the public API as the README shows it', () => {
  it('runs, explores, lets a learner schedule and an operator act', () => {
    const run = runScenario({ failAt: 'warehouse', seed: 7 });
    expect(run.outcome).toBe('compensated');
    expect(run.trace.filter((e) => e.type === 'compensation.succeeded').map((e) => e.step)).toEqual(['payment', 'order', 'inventory']);

    const race = exploreInterleavings({ buyers: 2, semanticLock: false });
    const replay = runScenario({ buyers: 2, semanticLock: false, schedule: race.counterexample?.schedule });
    expect(replay.violations).toContainEqual({ invariant: 'no-oversell', message: 'Seat 1A sold to buyer 1 and buyer 2, but only 1 in stock.' });

    const sim = createSimulation({ buyers: 2, semanticLock: false }, { scheduler: 'learner' });
    while (sim.runUntilBlocked() === 'choice') sim.choose(sim.nextChoices()[0].saga);
    settle(sim);
    const learned = result(sim);
    expect(learned.schedule.length).toBeGreaterThan(0);
    expect(runScenario({ buyers: 2, semanticLock: false, schedule: learned.schedule }).trace).toEqual(learned.trace);

    const incident = createSimulation({ failAt: 'warehouse', compensationFailures: { payment: 'always' } });
    incident.runUntilBlocked();
    expect(incident.operator(0, 'retry')).toBe(true);
    incident.runUntilBlocked();
    settle(incident);
    expect(result(incident).outcome).toBe('compensated');
  });

  it('keeps src/core free of React, the DOM, wall-clock time and Math.random', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk('src/core');
    const forbidden = /from ['"](react|react-dom|framer-motion|zustand|@xstate\/react)['"]|from ['"][./]*\/(ui|store|embed)\b|\b(document|window|localStorage)\.|Date\.now\(|Math\.random\(|\bset(Timeout|Interval)\(/;
    const offenders = files.filter((f) => forbidden.test(readFileSync(f, 'utf8')));
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});
