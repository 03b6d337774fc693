import { describe, expect, it } from 'vitest';
import { runScenario, STEP_IDS, type StepId, type TableName } from '../../src/core';
import { saga } from './driver';

const SERVICE_TABLES: TableName[] = ['inventory', 'orders', 'payments', 'warehouse', 'delivery'];
const strip = (rows: Record<string, unknown>[]) => rows.map(({ id, ...rest }) => ({ id, ...rest }));

describe('choreography', () => {
  for (const failAt of [undefined, ...STEP_IDS] as (StepId | undefined)[]) {
    it(`reaches the same final tables as orchestration when ${failAt ?? 'nothing'} fails`, () => {
      const chor = runScenario({ mode: 'choreography', failAt });
      const orch = runScenario({ mode: 'orchestration', failAt });
      expect(chor.outcome).toBe(orch.outcome);
      for (const t of SERVICE_TABLES) expect(strip(chor.databases[t].rows)).toEqual(strip(orch.databases[t].rows));
      expect(chor.violations).toEqual([]);
      // Compensations still run in reverse order, each participant undoing its own work.
      const undone = chor.trace.filter((e) => e.type === 'compensation.succeeded').map((e) => e.step);
      const expected = failAt ? STEP_IDS.slice(0, STEP_IDS.indexOf(failAt)).reverse() : [];
      expect(undone).toEqual(expected);
    });
  }

  it('has no saga log: nobody holds the saga state', () => {
    expect(runScenario({ mode: 'choreography' }).databases.sagaLog.rows).toEqual([]);
  });

  it('goes quiet when the PaymentCharged event is dropped: stuck, no alert, the stuck order named', () => {
    const run = saga({ mode: 'choreography', dropEvent: 'payment' }).run().expectOutcome('stuck');
    expect(run.last?.alerts).toEqual([]);
    expect(run.events('event.dropped')).toEqual([expect.objectContaining({ topic: 'PaymentCharged' })]);
    expect(run.last?.violations).toContainEqual({
      invariant: 'no-stuck-sagas',
      message: 'Order o-1 is still PENDING with nothing in flight: item held, card charged $40.',
    });
  });

  it('treats the same drop in orchestration as a lost response: the timeout notices, the key replays, the order completes', () => {
    const run = saga({ mode: 'orchestration', dropEvent: 'payment' }).run().expectOutcome('completed').expectNoViolations();
    expect(run.events('response.lost')).toHaveLength(1);
    expect(run.events('step.deduplicated')).toHaveLength(1);
  });

  it('compensates when a drop is combined with a failure in orchestration', () => {
    saga({ dropEvent: 'order', failAt: 'warehouse' }).run().expectCompensated(['payment', 'order', 'inventory']).expectNoViolations();
  });
});
