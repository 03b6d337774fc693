import { expect } from 'vitest';
import { createSimulation, result, type RunResult, type Scenario, type Simulation, settle, type StepId, type TraceEvent } from '../../src/core';

/**
 * A test driver in the spirit of tldraw's TestEditor: tests read as scenarios.
 *   saga().fail('payment').run().expectCompensated(['order', 'inventory'])
 */
export class SagaDriver {
  private scenario: Partial<Scenario> = {};
  sim?: Simulation;
  last?: RunResult;

  with(s: Partial<Scenario>): this {
    this.scenario = { ...this.scenario, ...s };
    return this;
  }
  fail(step: StepId): this {
    return this.with({ failAt: step });
  }
  run(): this {
    this.sim = createSimulation(this.scenario);
    this.sim.runUntilBlocked();
    settle(this.sim);
    this.last = result(this.sim);
    return this;
  }
  operator(action: 'retry' | 'resolve', saga = 0): this {
    const sim = this.sim as Simulation;
    expect(sim.operator(saga, action)).toBe(true);
    sim.runUntilBlocked();
    settle(sim);
    this.last = result(sim);
    return this;
  }
  get trace(): TraceEvent[] {
    return (this.last as RunResult).trace;
  }
  events(type: string): TraceEvent[] {
    return this.trace.filter((e) => e.type === type);
  }
  rows(table: keyof RunResult['databases']) {
    return (this.last as RunResult).databases[table].rows;
  }
  expectOutcome(outcome: RunResult['outcome']): this {
    expect(this.last?.outcome).toBe(outcome);
    return this;
  }
  expectCompensated(order: StepId[]): this {
    this.expectOutcome('compensated');
    expect(this.events('compensation.succeeded').map((e) => e.step)).toEqual(order);
    return this;
  }
  expectNoViolations(): this {
    expect(this.last?.violations).toEqual([]);
    return this;
  }
  expectViolated(invariant: string): this {
    expect(this.last?.violations.map((v) => v.invariant)).toContain(invariant);
    return this;
  }
}

export const saga = (s: Partial<Scenario> = {}) => new SagaDriver().with(s);
