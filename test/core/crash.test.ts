import { describe, expect, it } from 'vitest';
import { runScenario, STEP_IDS, type TableName } from '../../src/core';
import { saga } from './driver';

const TABLES: TableName[] = ['inventory', 'orders', 'payments', 'warehouse', 'delivery'];

describe('orchestrator crash and recovery', () => {
  for (const step of STEP_IDS) {
    for (const when of ['before-call', 'after-commit'] as const) {
      it(`recovers from a crash ${when} ${step} with keys: same outcome and tables as without the crash`, () => {
        const crashed = runScenario({ crash: { step, when } });
        const clean = runScenario({});
        expect(crashed.outcome).toBe(clean.outcome);
        for (const t of TABLES) expect(crashed.databases[t].rows).toEqual(clean.databases[t].rows);
        expect(crashed.violations).toEqual([]);
        expect(crashed.trace.filter((e) => e.type === 'orchestrator.crashed')).toHaveLength(1);
        const recovered = crashed.trace.find((e) => e.type === 'orchestrator.recovered');
        expect(recovered?.completed).toEqual(STEP_IDS.slice(0, STEP_IDS.indexOf(step)));
        // Finished steps are not re-run.
        for (const done of STEP_IDS.slice(0, STEP_IDS.indexOf(step))) {
          expect(crashed.trace.filter((e) => e.type === 'step.started' && e.step === done)).toHaveLength(1);
        }
      });
    }
  }

  it('charges twice after a crash right after the payment committed when there are no keys', () => {
    const run = saga({ crash: { step: 'payment', when: 'after-commit' }, idempotencyKeys: false }).run();
    expect(run.rows('payments').filter((r) => r.kind === 'charge')).toHaveLength(2);
    run.expectViolated('no-double-charge');
    expect(run.last?.alerts).toEqual([]);
  });

  it('replays the stored charge after the same crash with keys', () => {
    const run = saga({ crash: { step: 'payment', when: 'after-commit' } }).run().expectNoViolations();
    expect(run.events('step.deduplicated')).toEqual([expect.objectContaining({ step: 'payment' })]);
    expect(run.events('response.undelivered')).toHaveLength(1);
  });

  it('resumes a compensation interrupted by a crash', () => {
    const run = saga({ failAt: 'delivery', crash: { step: 'payment', when: 'after-commit', phase: 'compensation' } }).run();
    run.expectCompensated(['warehouse', 'payment', 'order', 'inventory']).expectNoViolations();
    expect(run.events('orchestrator.recovered')[0]).toMatchObject({ phase: 'compensating' });
    expect(run.rows('payments').filter((r) => r.kind === 'refund')).toHaveLength(1);
  });

  it('rebuilds from the saga log alone: the log survives the crash and grows after recovery', () => {
    const run = saga({ crash: { step: 'warehouse', when: 'before-call' } }).run();
    const entries = run.rows('sagaLog').map((r) => `${r.entry}:${r.step ?? ''}`);
    // The log records calls as they leave: the crash came before the first one, so one call was logged.
    expect(entries.filter((e) => e === 'step.started:warehouse')).toHaveLength(1);
    expect(run.events('step.started').filter((e) => e.step === 'warehouse').map((e) => e.attempt)).toEqual([1, 1]);
    expect(entries.at(-1)).toBe('saga.completed:');
  });
});
