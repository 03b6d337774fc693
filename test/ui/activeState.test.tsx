// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { MotionGlobalConfig } from 'framer-motion';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, type Outcome, runScenario, type Scenario, type TraceEvent } from '../../src/core';
import { activeState, activeStates, describeActive } from '../../src/ui/panels/activeState';
import { chartPaths, machineChart } from '../../src/ui/panels/machineChart';
import { OrchestratorPanel } from '../../src/ui/panels/OrchestratorPanel';

beforeAll(() => {
  MotionGlobalConfig.skipAnimations = true;
});
afterEach(cleanup);

/** Cursor just after the first event matching `pred` (so that event is the last one revealed). */
const cursorAfter = (trace: readonly TraceEvent[], pred: (e: TraceEvent) => boolean, from = 0) => trace.findIndex((e, i) => i >= from && pred(e)) + 1;
const stateAt = (trace: readonly TraceEvent[], pred: (e: TraceEvent) => boolean) => activeState(trace, cursorAfter(trace, pred)).state;

describe('activeState: the state the machine stamped, at a cursor', () => {
  it('is idle before anything happened and starting right after saga.started', () => {
    const { trace } = runScenario({});
    expect(activeState(trace, 0).state).toBe('idle');
    expect(stateAt(trace, (e) => e.type === 'saga.started')).toBe('starting');
  });

  it('follows a call: calling → calling the next step → confirming → completed', () => {
    const { trace } = runScenario({});
    const a = activeState(trace, cursorAfter(trace, (e) => e.type === 'step.started' && e.step === 'payment'));
    expect(a.state).toBe('executing.calling');
    expect(describeActive(a)).toBe('Current step: Payment, attempt 1 of 3');
    // request.handled and db writes are the service's business: the orchestrator is still calling.
    expect(stateAt(trace, (e) => e.type === 'request.handled' && e.step === 'payment')).toBe('executing.calling');
    // `advancing` is transient: in the same transition the machine is already calling the next step.
    const done = activeState(trace, cursorAfter(trace, (e) => e.type === 'step.succeeded' && e.step === 'payment'));
    expect(done.state).toBe('executing.calling');
    expect(describeActive(done)).toBe('Payment done; calling the next step');
    expect(stateAt(trace, (e) => e.type === 'confirmation.started')).toBe('confirming.calling');
    const end = activeState(trace, trace.length);
    expect(end.state).toBe('completed');
    expect(describeActive(end)).toBe('Done: the saga completed');
  });

  it('retries a lost reply: calling (reply lost) → backingOff (attemptFailed is passed through), attempt 2 of 3', () => {
    const { trace } = runScenario({ lostResponses: { payment: 1 } });
    expect(stateAt(trace, (e) => e.type === 'response.lost')).toBe('executing.calling');
    expect(stateAt(trace, (e) => e.type === 'step.failed')).toBe('executing.backingOff');
    const backoff = activeState(trace, cursorAfter(trace, (e) => e.type === 'step.retrying'));
    expect(backoff.state).toBe('executing.backingOff');
    expect(describeActive(backoff)).toBe('Current step: Payment, attempt 2 of 3');
  });

  it('compensates in reverse order, backing off when a compensation fails', () => {
    const { trace } = runScenario({ failAt: 'warehouse', compensationFailures: { payment: 1 } });
    const failed = activeState(trace, cursorAfter(trace, (e) => e.type === 'step.failed'));
    expect(failed.state).toBe('compensating.calling');
    expect(describeActive(failed)).toBe('Warehouse failed; undoing the completed steps in reverse order');
    const calling = activeState(trace, cursorAfter(trace, (e) => e.type === 'compensation.started' && e.step === 'payment'));
    expect(calling.state).toBe('compensating.calling');
    expect(describeActive(calling)).toBe('Current step: Payment (compensation), attempt 1 of 3');
    expect(stateAt(trace, (e) => e.type === 'compensation.failed')).toBe('compensating.backingOff');
    expect(stateAt(trace, (e) => e.type === 'compensation.retrying')).toBe('compensating.backingOff');
    expect(activeState(trace, trace.length).state).toBe('compensated');
  });

  it('raises an alert and waits in needsAttention when a compensation never succeeds', () => {
    const { trace } = runScenario({ failAt: 'delivery', compensationFailures: { payment: 'always' } });
    expect(stateAt(trace, (e) => e.type === 'alert.raised')).toBe('needsAttention');
    const end = activeState(trace, trace.length);
    expect(end.state).toBe('needsAttention');
    expect(describeActive(end)).toBe('Payment (compensation) failed every attempt: an operator must retry or resolve it');
  });

  it('a pivot that never answered rests in pivotUnknown, not needsAttention, and is not called a compensation', () => {
    const { trace, outcome } = runScenario({ definition: 'order-with-pivot', lostResponses: { payment: 3 } });
    expect(outcome).toBe('needs-attention');
    const end = activeState(trace, trace.length);
    expect(end.state).toBe('pivotUnknown');
    expect(describeActive(end)).toBe("Payment never answered: the pivot's outcome is unknown, so an operator must check and retry it");
  });

  it('is down between a crash and the recovery, then starts again from the log', () => {
    const { trace } = runScenario({ crash: { step: 'payment', when: 'after-commit' } });
    const down = activeState(trace, cursorAfter(trace, (e) => e.type === 'orchestrator.crashed'));
    expect(down.state).toBe('down');
    expect(describeActive(down)).toBe('Orchestrator down (crashed) at Payment; its saga log survives');
    expect(stateAt(trace, (e) => e.type === 'orchestrator.recovered')).toBe('starting');
    const retried = activeState(trace, cursorAfter(trace, (e) => e.type === 'step.started' && e.step === 'payment' && e.attempt === 2));
    expect(retried.state).toBe('executing.calling');
    expect(describeActive(retried)).toBe('Current step: Payment, attempt 2 of 3');
  });

  it('gives one state per buyer', () => {
    const { trace } = runScenario({ buyers: 2 });
    const states = activeStates(trace, trace.length);
    expect(states.map((s) => s.saga)).toEqual(['s-1', 's-2']);
    expect(states.map((s) => s.state)).toEqual(['completed', 'compensated']);
  });
});

/** What `Simulation.outcomes()` (read off the machine's snapshot) says about the state the panel shows. */
const RESTS_IN: Record<Exclude<Outcome, 'stuck'>, string[]> = {
  completed: ['completed'],
  compensated: ['compensated'],
  'needs-attention': ['needsAttention', 'pivotUnknown'],
};

/** The state the machine stamped on this saga's latest event, or the kernel's fact about it. */
function latestFact(trace: readonly TraceEvent[], cursor: number, saga: string): string {
  for (let i = cursor - 1; i >= 0; i--) {
    const e = trace[i];
    if (e.saga !== saga) continue;
    if (typeof e.state === 'string') return e.state;
    if (e.type === 'orchestrator.crashed') return 'down';
    if (e.type === 'orchestrator.recovered' || e.type === 'saga.started') return 'starting';
    if (e.type === 'saga.stuck') return 'stuck';
  }
  return 'idle';
}

const SCENARIOS: { name: string; scenario: Partial<Scenario>; operator?: 'retry' | 'resolve'; end: string[] }[] = [
  { name: 'order-with-pivot, payment never answers', scenario: { definition: 'order-with-pivot', lostResponses: { payment: 3 } }, end: ['pivotUnknown'] },
  { name: 'a crash after payment commits', scenario: { crash: { step: 'payment', when: 'after-commit' } }, end: ['completed'] },
  { name: 'a crash during a compensation', scenario: { failAt: 'warehouse', crash: { step: 'order', when: 'before-call', phase: 'compensation' } }, end: ['compensated'] },
  { name: 'failing compensations, then the operator resolves', scenario: { failAt: 'delivery', compensationFailures: { order: 'always', payment: 1 } }, operator: 'resolve', end: ['compensated'] },
  { name: 'trip, the car fails', scenario: { definition: 'trip', failAt: 'car' }, end: ['compensated'] },
  { name: 'trip, the pivot never answers, then the operator retries', scenario: { definition: 'trip', lostResponses: { payment: 3 } }, operator: 'retry', end: ['pivotUnknown', 'completed'] },
  { name: 'compensation off', scenario: { failAt: 'payment', compensate: false }, end: ['abandoned'] },
  { name: 'two buyers, lock on, wait', scenario: { buyers: 2, lockPolicy: 'wait' }, end: ['completed'] },
];

describe('the statechart panel shows the machine’s real state at every trace prefix', () => {
  for (const { name, scenario, operator, end } of SCENARIOS) {
    it(name, () => {
      const sim = createSimulation(scenario);
      const chart = new Map(chartPaths(machineChart(sim.scenario)).map((n) => [n.path, n]));
      let operated = false;
      for (let guard = 0; guard < 5000; guard++) {
        const r = sim.step();
        for (const [i, { id, outcome }] of sim.outcomes().entries()) {
          const shown = activeState(sim.trace, sim.trace.length, id).state;
          // The snapshot's outcome and the highlighted state agree after every event.
          if (outcome !== 'stuck') expect(RESTS_IN[outcome], `${id} after event ${sim.trace.length}`).toContain(shown);
          else expect(['completed', 'compensated', 'needsAttention', 'pivotUnknown']).not.toContain(shown);
          if (outcome === 'needs-attention' && operator && !operated && sim.idle) operated = sim.operator(i, operator);
        }
        if (r !== 'stepped' && sim.idle) break;
      }
      const trace = sim.trace;
      const sagas = [...new Set(trace.filter((e) => e.type === 'saga.started').map((e) => e.saga))];
      for (let cursor = 0; cursor <= trace.length; cursor++) {
        for (const saga of sagas) {
          const shown = activeState(trace, cursor, saga).state;
          expect(shown, `${saga} at cursor ${cursor}`).toBe(latestFact(trace, cursor, saga));
          const node = chart.get(shown);
          if (shown === 'idle' || shown === 'down' || shown === 'stuck') continue;
          // Every state shown is a box of the chart; a run rests only in states it does not leave at once.
          expect(node, `${shown} is drawn`).toBeDefined();
          if (shown !== 'starting') expect(node?.transient, `${shown} is transient`).toBe(false);
        }
      }
      expect(trace.some((e) => e.state === end[0]), `passes through ${end[0]}`).toBe(true);
      expect(activeState(trace, trace.length, 's-1').state).toBe(end[end.length - 1]);
    });
  }

  it('draws the machine’s own states, transient ones marked, pivotUnknown and abandoned included', () => {
    const nodes = chartPaths(machineChart({ definition: 'order' }));
    const transient = nodes.filter((n) => n.transient).map((n) => n.path);
    expect(transient).toEqual(expect.arrayContaining(['starting', 'executing.attemptFailed', 'failing', 'advancing', 'confirming.choosing', 'compensating.choosing', 'compensating.attemptFailed']));
    expect(nodes.map((n) => n.path)).toEqual(expect.arrayContaining(['pivotUnknown', 'abandoned', 'needsAttention', 'executing.backingOff', 'confirming.calling']));
    expect(transient).not.toContain('executing.backingOff');
  });
});

describe('OrchestratorPanel with a pivot that never answered', () => {
  it('highlights pivotUnknown, not needsAttention, and never says "(compensation)"', () => {
    const r = runScenario({ definition: 'order-with-pivot', lostResponses: { payment: 3 } });
    render(<OrchestratorPanel run={{ scenario: r.scenario, trace: r.trace, cursor: r.trace.length }} />);
    const current = screen.getAllByRole('listitem').filter((li) => li.getAttribute('aria-current') === 'true');
    expect(current).toHaveLength(1);
    expect(current[0]).toHaveTextContent('pivotUnknown');
    expect(screen.getByRole('list', { name: 'Where the orchestrator is' })).toHaveTextContent(/Payment never answered: the pivot's outcome is unknown/);
    expect(screen.queryByText(/Payment \(compensation\)/)).not.toBeInTheDocument();
    expect(screen.getByText('needsAttention').closest('li')).not.toHaveAttribute('aria-current');
  });
});
