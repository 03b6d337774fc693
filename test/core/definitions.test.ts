import { describe, expect, it } from 'vitest';
import { BUILT_IN_DEFINITIONS, definitionProblems, ITEM, PRICE, runScenario, type SagaDefinitionJson, STEP_IDS, ScenarioError, tablesAt } from '../../src/core';
import { saga } from './driver';

const trip = BUILT_IN_DEFINITIONS.trip;
const withStep = (i: number, change: Record<string, unknown>): SagaDefinitionJson => ({ ...trip, steps: trip.steps.map((s, j) => (j === i ? { ...s, ...change } : s)) as SagaDefinitionJson['steps'] });

describe('saga definitions are plain JSON, checked rule by rule at their JSON path', () => {
  it('accepts every built-in definition', () => {
    for (const def of Object.values(BUILT_IN_DEFINITIONS)) expect(definitionProblems(def)).toEqual([]);
  });

  it.each([
    ['a duplicate id, at the later step', { ...trip, steps: [trip.steps[0], { ...trip.steps[1], id: 'flight' }, ...trip.steps.slice(2)] }, 'steps[1].id'],
    ['a compensatable step without compensation', withStep(2, { compensation: undefined }), 'steps[2].compensation'],
    ['a second pivot', { ...trip, steps: [...trip.steps.slice(0, 3), trip.steps[3], { ...trip.steps[3], id: 'tip' }] }, 'steps[4].kind'],
    ['a compensatable step after the pivot', { ...trip, steps: [trip.steps[3], ...trip.steps.slice(0, 3)] }, 'steps[1].kind'],
    ['a retriable step before any pivot', withStep(0, { kind: 'retriable', compensation: undefined }), 'steps[0].kind'],
    ['an unknown kind', withStep(2, { kind: 'undoable' }), 'steps[2].kind'],
    ['no steps', { ...trip, steps: [] }, 'steps'],
    ['nine steps', { ...trip, steps: Array.from({ length: 9 }, (_, i) => ({ ...trip.steps[0], id: `s${i}` })) }, 'steps'],
    ['a bad id', { ...trip, id: 'Trip!' }, 'id'],
    ['a bad retry policy', withStep(1, { retry: { maxAttempts: 0 } }), 'steps[1].retry.maxAttempts'],
  ])('reports %s', (_what, def, path) => {
    expect(definitionProblems(def).map((p) => p.path)).toContain(path);
  });

  it('runScenario throws a ScenarioError whose field is the path inside the definition', () => {
    const bad = withStep(2, { compensation: undefined });
    expect(() => runScenario({ definition: bad })).toThrow(ScenarioError);
    try {
      runScenario({ definition: bad });
    } catch (e) {
      expect((e as ScenarioError).field).toBe('definition.steps[2].compensation');
    }
  });

  it('checks step knobs against the chosen definition, listing its steps', () => {
    expect(() => runScenario({ definition: 'trip', failAt: 'warehouse' })).toThrow(/failAt must be one of flight, hotel, car, payment/);
    expect(() => runScenario({ definition: 'trip', lostResponses: { warehouse: 1 } })).toThrow(/valid steps: flight, hotel, car, payment/);
  });
});

describe('the trip, run by the same kernel', () => {
  it('undoes hotel and flight in reverse when the car is refused; the pivot is never reached', () => {
    const d = saga({ definition: 'trip', failAt: 'car' }).run().expectCompensated(['hotel', 'flight']).expectNoViolations();
    expect(Object.keys(d.last?.databases ?? {})).toEqual(['flight', 'hotel', 'car', 'payment', 'sagaLog']);
    expect(d.rows('flight')).toEqual([{ id: 'flight-o1', orderId: 'o-1', buyer: 1, did: 'book the flight', status: 'UNDONE', undone: 'cancel the flight' }]);
    expect(d.rows('payment')).toEqual([]);
  });

  it('completes with every booking done and shows a retried booking twice without keys (at-most-once)', () => {
    saga({ definition: 'trip' }).run().expectOutcome('completed').expectNoViolations();
    const d = saga({ definition: 'trip', idempotencyKeys: false, lostResponses: { hotel: 1 } }).run();
    expect(d.rows('hotel')).toHaveLength(2);
    d.expectViolated('at-most-once');
    expect(saga({ definition: 'trip', lostResponses: { hotel: 1 } }).run().expectNoViolations().rows('hotel')).toHaveLength(1);
  });

  it('works in a choreography and with every fault knob', () => {
    saga({ definition: 'trip', mode: 'choreography', failAt: 'car' }).run().expectCompensated(['hotel', 'flight']);
    const crash = saga({ definition: 'trip', crash: { step: 'hotel', when: 'after-commit' } }).run();
    crash.expectOutcome('completed').expectNoViolations();
    saga({ definition: 'trip', failAt: 'payment', compensationFailures: { car: 'always' } }).run().expectOutcome('needs-attention');
  });
});

describe('tablesAt rebuilds any definition from the trace alone', () => {
  for (const definition of ['order', 'order-with-pivot', 'trip'] as const) {
    it(`${definition}: at the end it equals run.databases (same tables, same key order, empty ones included)`, () => {
      const run = runScenario({ definition, failAt: definition === 'trip' ? 'car' : 'warehouse' });
      expect(tablesAt(run.trace)).toEqual(run.databases);
      expect(Object.keys(tablesAt(run.trace, 0))).toEqual(Object.keys(run.databases));
    });
  }

  it('keeps exporting the order saga vocabulary', () => {
    expect(STEP_IDS).toEqual(['inventory', 'order', 'payment', 'warehouse', 'delivery']);
    expect(PRICE).toBe(40);
    expect(ITEM.id).toBe('seat-1A');
  });
});
