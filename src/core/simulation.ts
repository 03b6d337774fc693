import { Choreography } from './coordinators/choreography';
import { Orchestration } from './coordinators/orchestration';
import type { SagaDefinition } from './definitions/definition';
import { resolveDefinition } from './definitions';
import { checkInvariants } from './invariants';
import type { Pending } from './kernel/agenda';
import { Kernel, type Scheduler, type StepResult } from './kernel/kernel';
import { initialState } from './kernel/state';
import { stateKey } from './kernel/stateKey';
import { servicesFor } from './services';
import { asDatabases } from './tables';
import type { Alert, Databases, Outcome, Row, RunResult, Scenario } from './types';

export type { Scheduler, StepResult } from './kernel/kernel';
export { RESTART_DELAY_MS } from './coordinators/orchestration';

/** A saga that can move at a choice point, and what it would do. */
export interface Choice {
  /** Saga index (0-based), the number `choose` and `Scenario.schedule` take. */
  saga: number;
  sagaId: string;
  buyer: number;
  step: string;
  /** What happens if this saga moves, in words. */
  label: string;
}

/**
 * A live run of a (resolved) scenario: step it, let a learner choose at choice points,
 * send operator actions, fork it, and read its result at any moment. Everything it does is
 * a function of the scenario, the seed and the choices made.
 */
export class Simulation {
  readonly scenario: Scenario;
  readonly definition: SagaDefinition;
  #k: Kernel;

  constructor(scenario: Scenario, options: { trace?: boolean; scheduler?: Scheduler } = {}, kernel?: Kernel) {
    this.scenario = scenario;
    this.definition = resolveDefinition(scenario.definition);
    if (kernel) {
      this.#k = kernel;
      return;
    }
    const services = servicesFor(this.definition);
    const settings = { semanticLock: scenario.semanticLock, stock: scenario.stock };
    const tables: Record<string, Row[]> = Object.fromEntries(this.definition.steps.map((s) => [s.table, services[s.id].initialRows?.(settings) ?? []]));
    tables.sagaLog = [];
    const state = initialState(scenario.buyers, scenario.seed, tables, this.definition.steps.map((s) => s.id), options.trace ?? true);
    const coordinate = scenario.mode === 'orchestration' ? (k: Kernel) => new Orchestration(k) : (k: Kernel) => new Choreography(k);
    const k = new Kernel(scenario, this.definition, options.scheduler ?? (scenario.schedule ? 'schedule' : 'time'), state, coordinate);
    this.#k = k;
    // The trace starts with the tables and their first rows, so every table can be rebuilt from the trace alone.
    k.record('system', { type: 'run.started', definition: this.definition.id, tables: Object.keys(tables) });
    for (const [table, rows] of Object.entries(tables)) for (const row of rows) k.record('system', { type: 'db.changed', table, op: 'insert', row });
  }

  /** Who decides at choice points. */
  get scheduler(): Scheduler {
    return this.#k.scheduler;
  }

  /** An independent copy sharing nothing mutable. */
  fork(scheduler: Scheduler = this.scheduler): Simulation {
    return new Simulation(this.scenario, {}, this.#k.fork(scheduler));
  }

  /** The trace so far (empty when tracing is off). */
  get trace(): readonly RunResult['trace'][number][] {
    return this.#k.state.trace ?? [];
  }

  /** The saga indexes chosen at each choice point so far. */
  get decisions(): readonly number[] {
    return this.#k.state.decisions;
  }

  /** True when nothing more can happen without an operator. */
  get idle(): boolean {
    return this.#k.state.queue.length === 0;
  }

  /** Identity of the state for the explorer: equal keys have equal futures. */
  key(): string {
    const crashPending = this.scenario.crash !== undefined && !this.#k.state.counters.crashed;
    return stateKey(this.#k.state, (i) => this.#k.coordinator.stateOf(this.#k.state.sagas[i]), crashPending);
  }

  /** The sagas that can move now, when more than one can; otherwise empty. */
  nextChoices(): Choice[] {
    if (this.scheduler === 'time') return [];
    return (this.#k.select().choice ?? []).map((p) => this.describe(p));
  }

  /** Moves saga `sagaIndex` at a choice point (the learner's or the explorer's decision). */
  choose(sagaIndex: number): void {
    const { choice } = this.#k.select();
    if (!choice) throw new Error('There is no choice to make right now.');
    if (!choice.some((c) => c.saga === sagaIndex)) throw new Error(`Saga ${sagaIndex} cannot move now; choose one of ${choice.map((c) => c.saga).join(', ')}.`);
    this.#k.moveSaga(sagaIndex);
  }

  /** Advances by one event. Returns `'choice'` when a learner must decide first. */
  step(): StepResult {
    return this.#k.step();
  }

  /** Runs until idle or until a learner must choose. Every run ends: the event budget stops endless ones. */
  runUntilBlocked(): StepResult {
    for (;;) {
      const r = this.step();
      if (r !== 'stepped') return r;
    }
  }

  /**
   * An operator's action on saga `sagaIndex` waiting in needs-attention: `'retry'` the
   * stuck compensation now, or `'resolve'` it by hand. Returns false (and does nothing)
   * when the saga is not waiting or the action is unknown.
   */
  operator(sagaIndex: number, action: 'retry' | 'resolve'): boolean {
    const saga = this.#k.state.sagas[sagaIndex];
    return saga ? this.#k.coordinator.operator(saga, action) : false;
  }

  /** How each saga stands: final states, needs-attention, or stuck when nothing more will happen. */
  outcomes(): { id: string; orderId: string; outcome: Outcome }[] {
    return this.#k.state.sagas.map((g) => ({ id: g.id, orderId: g.orderId, outcome: this.#k.outcomeOf(g) }));
  }

  /** The databases as they stand. */
  databases(): Databases {
    return asDatabases(this.#k.state.tables);
  }

  /** Marks sagas that will not move again (stuck, or read off a choreography's tables). Idempotent. */
  settle(): void {
    if (!this.idle) return;
    const k = this.#k;
    for (const [i, o] of this.outcomes().entries()) {
      const observed = this.scenario.mode === 'choreography' || o.outcome === 'stuck';
      if (!observed || k.state.sagas[i].halted || k.state.counters[`settled:${o.id}`]) continue;
      k.bump(`settled:${o.id}`);
      k.record(o.id, { type: `saga.${o.outcome}`, observed: true });
    }
  }

  /** The run as it stands: outcome, trace, databases, invariant violations and alerts. */
  result(): RunResult {
    const databases = this.databases();
    const sagas = this.outcomes();
    const alerts: Alert[] = this.trace.flatMap((e) => (e.type === 'alert.raised' ? [{ saga: e.saga, step: e.step, message: e.message }] : []));
    return {
      outcome: sagas[0].outcome,
      sagas,
      trace: [...this.trace],
      databases,
      violations: checkInvariants(databases, this.idle, { definition: this.definition, sagas, trace: this.#k.state.trace }),
      alerts,
      scenario: this.scenario,
      schedule: this.#k.replaySchedule(),
    };
  }

  private describe(p: Pending): Choice {
    const saga = this.#k.state.sagas[p.saga];
    const step = p.kind === 'request' || p.kind === 'finish' ? p.req.step : p.kind === 'bus' ? p.subscriber : this.definition.steps[0].id;
    const def = this.definition.steps.find((d) => d.id === step);
    const action = p.kind === 'request' || p.kind === 'finish' ? p.req.action : 'forward';
    const what =
      action === 'forward'
        ? def?.table === 'inventory' && !this.scenario.semanticLock
          ? 'read availability'
          : def?.action
        : action === 'compensate'
          ? def?.compensation
          : def?.table === 'inventory'
            ? 'mark the item SOLD'
            : 'confirm the order';
    return { saga: p.saga, sagaId: saga.id, buyer: saga.buyer, step, label: `Buyer ${saga.buyer}: ${def?.service ?? step} — ${what}` };
  }
}
