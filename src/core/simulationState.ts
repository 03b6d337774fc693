import type { Pending } from './eventQueue';
import type { OrchestratorMachine } from './orchestratorMachine';
import { seedState } from './rng';
import { ITEM } from './scenario';
import type { KeyStore } from './services/idempotency';
import type { Row, Scenario, StepId, TableName, TraceEvent } from './types';

/** The orchestrator snapshot type of a machine. */
export type OrchestratorSnapshot = ReturnType<OrchestratorMachine['getInitialSnapshot']>;

/** One buyer's saga as the kernel tracks it. */
export interface SagaRuntime {
  index: number;
  id: string;
  orderId: string;
  buyer: number;
  /** The orchestrator's in-memory state; null before it starts and while it is down. */
  snapshot: OrchestratorSnapshot | null;
  /** Bumped by each crash, so replies addressed to a dead orchestrator are recognised. */
  incarnation: number;
  crashed: boolean;
}

/**
 * The whole simulation as plain data. Every update replaces what it changes (copy on
 * write), so copying a state for a branch of the explorer is a shallow copy.
 */
export interface SimState {
  now: number;
  seq: number;
  rng: number;
  queue: Pending[];
  sagas: SagaRuntime[];
  tables: Record<TableName, Row[]>;
  keys: Record<StepId, KeyStore>;
  /** Fault budgets used so far (`lost:s-1:payment`, `compFail:s-1:payment`, `crashed`). */
  counters: Record<string, number>;
  /** Saga indexes chosen at each choice point. */
  decisions: number[];
  scheduleCursor: number;
  trace: TraceEvent[] | null;
}

/** The tables at time zero: one item with `stock` units and empty everything else. */
export function initialTables(stock: number): Record<TableName, Row[]> {
  return {
    inventory: [{ id: ITEM.id, kind: 'item', name: ITEM.name, stock, available: stock }],
    orders: [],
    payments: [],
    warehouse: [],
    delivery: [],
    sagaLog: [],
  };
}

/** The state before anything happened. */
export function initialState(scenario: Scenario, withTrace: boolean): SimState {
  const sagas: SagaRuntime[] = Array.from({ length: scenario.buyers }, (_, i) => ({
    index: i,
    id: `s-${i + 1}`,
    orderId: `o-${i + 1}`,
    buyer: i + 1,
    snapshot: null,
    incarnation: 0,
    crashed: false,
  }));
  return {
    now: 0,
    seq: sagas.length,
    rng: seedState(scenario.seed),
    queue: sagas.map((s) => ({ kind: 'start', at: 0, seq: s.index, saga: s.index })),
    sagas,
    tables: initialTables(scenario.stock),
    keys: { inventory: {}, order: {}, payment: {}, warehouse: {}, delivery: {} },
    counters: {},
    decisions: [],
    scheduleCursor: 0,
    trace: withTrace ? [] : null,
  };
}

/** A branch of a state: shallow copies of everything that is updated in place. */
export function forkState(s: SimState): SimState {
  return {
    ...s,
    sagas: s.sagas.map((g) => ({ ...g })),
    tables: { ...s.tables },
    keys: { ...s.keys },
    counters: { ...s.counters },
    decisions: [...s.decisions],
    trace: s.trace ? [...s.trace] : null,
  };
}

/**
 * A key identifying what matters for the future of a state: machines, tables, key stores,
 * fault budgets and each saga's agenda in order — but not absolute times, so interleavings
 * that reach the same situation merge.
 */
export function stateKey(s: SimState): string {
  // Canonical order (rows by id, record entries by key): writes of independent sagas commute.
  const sortedRows = (rows: readonly Row[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sortedEntries = (o: object) => Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([
    s.sagas.map((g) => [g.snapshot ? [g.snapshot.value, g.snapshot.context] : null, g.crashed, g.incarnation]),
    Object.values(s.tables).map(sortedRows),
    Object.values(s.keys).map(sortedEntries),
    sortedEntries(s.counters),
    s.sagas.map((g) => s.queue.filter((p) => p.saga === g.index).map(({ at: _at, seq: _seq, ...rest }) => rest)),
  ]);
}
