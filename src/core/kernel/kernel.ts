import type { SagaDefinition } from '../definitions/definition';
import { nextRandom } from '../rng';
import type { Db } from '../services/service';
import type { NewTraceEvent, TraceEvent } from '../traceEvents';
import type { Outcome, Row, Scenario } from '../types';
import { enqueue, isLocal, type NewPending, type Pending } from './agenda';
import type { Coordinator } from './coordinator';
import { forkState, type SagaRuntime, type SimState } from './state';

/** Who decides at a point where more than one saga can move. */
export type Scheduler = 'time' | 'schedule' | 'learner' | 'explorer';

/** What one `step()` did. */
export type StepResult = 'stepped' | 'idle' | 'choice';

/**
 * Most facts (trace events) a run may record. A run that reaches it — a retry that never
 * ends, buyers waiting forever on a hold nobody releases — is stopped: every saga still
 * moving ends `needs-attention` with an alert saying why. So every run ends, and every
 * trace stays under 5,000 events.
 */
export const EVENT_BUDGET = 4000;

/**
 * The simulation kernel: a virtual clock's agenda, the scheduler, the tables and the trace.
 * It knows nothing of XState or choreography: it hands each agenda event to its coordinator.
 *
 * Scheduling: by default (`'time'`) events run in virtual-time order. When a schedule,
 * a learner or the explorer decides, events that touch only their own saga run first
 * (they commute with everything else) and the sagas then take turns at shared-state events
 * in the order chosen — the granularity at which interleavings matter.
 */
export class Kernel {
  readonly coordinator: Coordinator;
  constructor(
    readonly scenario: Scenario,
    readonly definition: SagaDefinition,
    readonly scheduler: Scheduler,
    public state: SimState,
    private readonly coordinate: (k: Kernel) => Coordinator,
  ) {
    this.coordinator = coordinate(this);
  }

  /** An independent copy sharing nothing mutable. */
  fork(scheduler: Scheduler = this.scheduler): Kernel {
    return new Kernel(this.scenario, this.definition, scheduler, forkState(this.state), this.coordinate);
  }

  // ——— scheduling ———

  /** Either the next event to run, or the sagas that could move. */
  select(): { next?: Pending; choice?: Pending[] } {
    const queue = this.state.queue;
    if (queue.length === 0) return {};
    if (this.scheduler === 'time') return { next: queue[0] };
    const firsts: Pending[] = [];
    for (const p of queue) if (!firsts.some((f) => f.saga === p.saga)) firsts.push(p);
    const local = firsts.find(isLocal);
    if (local) return { next: local };
    if (firsts.length === 1) return { next: firsts[0] };
    return { choice: [...firsts].sort((a, b) => a.saga - b.saga) };
  }

  /** The saga a schedule (or, past its end, virtual-time order) picks; undefined when a learner or the explorer must. */
  decide(options: Pending[]): number | undefined {
    const s = this.state;
    const schedule = this.scenario.schedule;
    if ((this.scheduler === 'schedule' || this.scheduler === 'learner') && schedule && s.scheduleCursor < schedule.length) {
      const wanted = schedule[s.scheduleCursor++];
      if (options.some((o) => o.saga === wanted)) return wanted;
    }
    if (this.scheduler === 'learner' || this.scheduler === 'explorer') return undefined;
    return s.queue.find((p) => options.some((o) => o.saga === p.saga))?.saga;
  }

  /** Advances by one event. Returns `'choice'` when a learner must decide first. */
  step(): StepResult {
    if (this.state.queue.length === 0) return 'idle';
    if (this.state.events >= EVENT_BUDGET) {
      this.halt();
      return 'idle';
    }
    const { next, choice } = this.select();
    if (next) {
      this.run(next);
      return 'stepped';
    }
    const decided = this.decide(choice as Pending[]);
    if (decided === undefined) return 'choice';
    this.moveSaga(decided);
    return 'stepped';
  }

  /** Runs saga `sagaIndex`'s earliest event (a decision at a choice point). */
  moveSaga(sagaIndex: number): void {
    this.state.decisions.push(sagaIndex);
    this.run(this.state.queue.find((p) => p.saga === sagaIndex) as Pending);
  }

  private run(p: Pending): void {
    const s = this.state;
    s.queue.splice(s.queue.indexOf(p), 1);
    s.now = Math.max(s.now, p.at);
    if (this.scheduler === 'time' && !isLocal(p) && s.sagas.length > 1) s.order.push(p.saga);
    // Each saga keeps its own consistent timeline: what it schedules is relative to its own event.
    if (p.kind === 'start') this.coordinator.start(s.sagas[p.saga], p.at);
    else this.coordinator.handle(p, p.at);
  }

  /** The budget is spent: nothing more happens, and every saga still moving needs an operator. */
  private halt(): void {
    const moving = new Set(this.state.queue.map((p) => p.saga));
    this.state.queue.length = 0;
    for (const saga of this.state.sagas) {
      if (!moving.has(saga.index)) continue;
      saga.halted = true;
      const message = `The simulator stopped this run after ${EVENT_BUDGET.toLocaleString('en-US')} events: saga ${saga.id} was still retrying or waiting, and would never have finished on its own. An operator must look at order ${saga.orderId}.`;
      this.record(saga.id, { type: 'alert.raised', message, reason: 'budget' });
      this.record(saga.id, { type: 'saga.needs-attention' });
    }
  }

  /**
   * The decisions that replay this run as `Scenario.schedule`. In virtual-time order they
   * are derived from the order of shared-state events: a schedule decides only where two or
   * more sagas still have such events ahead of them.
   */
  replaySchedule(): number[] {
    const s = this.state;
    if (this.scheduler !== 'time') return [...s.decisions];
    const out: number[] = [];
    const ahead = new Set<number>();
    const movers: number[] = new Array(s.order.length);
    for (let i = s.order.length - 1; i >= 0; i--) {
      ahead.add(s.order[i]);
      movers[i] = ahead.size;
    }
    for (let i = 0; i < s.order.length; i++) if (movers[i] >= 2) out.push(s.order[i]);
    return out;
  }

  /** How a saga stands; the budget's verdict comes first. */
  outcomeOf(saga: SagaRuntime): Outcome {
    return saga.halted ? 'needs-attention' : this.coordinator.outcome(saga);
  }

  // ——— facts ———

  /** Appends a fact to the trace (counted against the budget even when tracing is off). */
  record(sagaId: string, event: NewTraceEvent): void {
    const s = this.state;
    s.events++;
    if (!s.trace) return;
    const clean: Record<string, unknown> = { seq: s.trace.length, at: s.now, saga: sagaId };
    for (const [k, v] of Object.entries(event)) if (v !== undefined) clean[k] = v;
    s.trace.push(clean as unknown as TraceEvent);
  }

  /** Inserts or replaces a row, and traces the change (which step and action wrote it). */
  write(table: string, row: Row, op: 'insert' | 'update', sagaId = 'system', cause?: { step: string; action: NonNullable<Extract<TraceEvent, { type: 'db.changed' }>['action']> }): void {
    const rows = this.state.tables[table];
    if (op === 'insert') rows.push(row);
    else rows[rows.findIndex((r) => r.id === row.id)] = row;
    this.record(sagaId, { type: 'db.changed', table, op, row, step: cause?.step, action: cause?.action });
  }

  /** A database handle for one local transaction on behalf of a saga. */
  db(sagaId: string, cause: { step: string; action: NonNullable<Extract<TraceEvent, { type: 'db.changed' }>['action']> }): Db {
    const tables = this.state.tables;
    return {
      rows: (t) => tables[t],
      find: (t, pred) => tables[t].find(pred),
      insert: (t, row) => this.write(t, row, 'insert', sagaId, cause),
      update: (t, id, changes) => {
        const old = tables[t].find((r) => r.id === id);
        if (old) this.write(t, { ...old, ...changes }, 'update', sagaId, cause);
      },
      nextId: (t, prefix, orderId) => {
        const base = `${prefix}-${orderId.replace('-', '')}`;
        const n = tables[t].filter((r) => r.id === base || r.id.startsWith(`${base}#`)).length;
        return n === 0 ? base : `${base}#${n + 1}`;
      },
    };
  }

  schedule(item: NewPending): void {
    enqueue(this.state.queue, { ...item, seq: this.state.seq++ } as Pending);
  }

  /** One seeded draw in [0, 1) from a saga's own stream. */
  random(sagaIndex: number): number {
    const [value, next] = nextRandom(this.state.rngs[sagaIndex]);
    this.state.rngs[sagaIndex] = next;
    return value;
  }

  /** One network hop, 20–119 virtual ms. */
  latency(sagaIndex: number): number {
    return 20 + Math.floor(this.random(sagaIndex) * 100);
  }

  /** Increments a counter and returns its new value. */
  bump(name: string): number {
    const v = (this.state.counters[name] ?? 0) + 1;
    this.state.counters[name] = v;
    return v;
  }
}
