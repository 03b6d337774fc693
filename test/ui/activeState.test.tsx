import { describe, expect, it } from 'vitest';
import { runScenario, type TraceEvent } from '../../src/core';
import { activeState, activeStates, describeActive } from '../../src/ui/panels/activeState';

/** Cursor just after the first event matching `pred` (so that event is the last one revealed). */
const cursorAfter = (trace: readonly TraceEvent[], pred: (e: TraceEvent) => boolean, from = 0) => trace.findIndex((e, i) => i >= from && pred(e)) + 1;

describe('activeState: the orchestrator state at a cursor', () => {
  it('is idle before anything happened and starting right after saga.started', () => {
    const { trace, scenario } = runScenario({});
    expect(activeState(trace, 0, 's-1', scenario).state).toBe('idle');
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'saga.started'), 's-1', scenario).state).toBe('starting');
  });

  it('follows a call: calling → advancing → calling the next step → confirming → completed', () => {
    const { trace, scenario } = runScenario({});
    const started = cursorAfter(trace, (e) => e.type === 'step.started' && e.step === 'payment');
    const a = activeState(trace, started, 's-1', scenario);
    expect(a).toMatchObject({ state: 'executing.calling', step: 'payment', attempt: 1, maxAttempts: 3 });
    expect(describeActive(a)).toBe('Current step: Payment, attempt 1 of 3');
    // request.handled and db writes are the service's business: the orchestrator is still calling.
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'request.handled' && e.step === 'payment'), 's-1', scenario).state).toBe('executing.calling');
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'step.succeeded' && e.step === 'payment'), 's-1', scenario).state).toBe('advancing');
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'confirmation.started'), 's-1', scenario).state).toBe('confirming');
    const end = activeState(trace, trace.length, 's-1', scenario);
    expect(end.state).toBe('completed');
    expect(describeActive(end)).toBe('Done: the saga completed');
  });

  it('retries a lost response: calling (response lost) → attemptFailed → backingOff, attempt 2 of 3', () => {
    const { trace, scenario } = runScenario({ lostResponses: { payment: 1 } });
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'response.lost'), 's-1', scenario).state).toBe('executing.calling');
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'step.failed'), 's-1', scenario).state).toBe('executing.attemptFailed');
    const backoff = activeState(trace, cursorAfter(trace, (e) => e.type === 'step.retrying'), 's-1', scenario);
    expect(backoff).toMatchObject({ state: 'executing.backingOff', step: 'payment', attempt: 2, maxAttempts: 3 });
    expect(describeActive(backoff)).toBe('Current step: Payment, attempt 2 of 3');
  });

  it('compensates in reverse order, backing off when a compensation fails', () => {
    const { trace, scenario } = runScenario({ failAt: 'warehouse', compensationFailures: { payment: 1 } });
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'saga.compensating'), 's-1', scenario).state).toBe('compensating.choosing');
    const calling = activeState(trace, cursorAfter(trace, (e) => e.type === 'compensation.started'), 's-1', scenario);
    expect(calling).toMatchObject({ state: 'compensating.calling', step: 'payment', phase: 'compensation' });
    expect(describeActive(calling)).toBe('Current step: Payment (compensation), attempt 1 of 3');
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'compensation.failed'), 's-1', scenario).state).toBe('compensating.attemptFailed');
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'compensation.retrying'), 's-1', scenario).state).toBe('compensating.backingOff');
    expect(activeState(trace, trace.length, 's-1', scenario).state).toBe('compensated');
  });

  it('a business failure goes straight to compensating', () => {
    const { trace, scenario } = runScenario({ failAt: 'payment' });
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'step.failed'), 's-1', scenario).state).toBe('compensating.choosing');
  });

  it('raises an alert and waits in needsAttention when a compensation never succeeds', () => {
    const { trace, scenario } = runScenario({ failAt: 'delivery', compensationFailures: { payment: 'always' } });
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'alert.raised'), 's-1', scenario).state).toBe('needsAttention');
    expect(activeState(trace, trace.length, 's-1', scenario).state).toBe('needsAttention');
  });

  it('is down between a crash and the recovery, then starts again from the log', () => {
    const { trace, scenario } = runScenario({ crash: { step: 'payment', when: 'after-commit' } });
    const down = activeState(trace, cursorAfter(trace, (e) => e.type === 'orchestrator.crashed'), 's-1', scenario);
    expect(down.state).toBe('down');
    expect(describeActive(down)).toMatch(/orchestrator down \(crashed\)/);
    expect(activeState(trace, cursorAfter(trace, (e) => e.type === 'orchestrator.recovered'), 's-1', scenario).state).toBe('starting');
    const retried = activeState(trace, cursorAfter(trace, (e) => e.type === 'step.started' && e.step === 'payment' && e.attempt === 2), 's-1', scenario);
    expect(retried).toMatchObject({ state: 'executing.calling', attempt: 2 });
  });

  it('gives one state per buyer', () => {
    const { trace, scenario } = runScenario({ buyers: 2 });
    const states = activeStates(trace, trace.length, scenario);
    expect(states.map((s) => s.saga)).toEqual(['s-1', 's-2']);
    expect(states.map((s) => s.state)).toEqual(['completed', 'compensated']);
  });
});
