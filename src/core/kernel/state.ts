import { seedState } from '../rng';
import type { KeyStore } from '../services/idempotency';
import type { Row } from '../types';
import type { TraceEvent } from '../traceEvents';
import type { Pending } from './agenda';

/** One buyer's saga as the kernel tracks it. `machine` is the coordinator's own state (opaque here). */
export interface SagaRuntime {
  index: number;
  id: string;
  orderId: string;
  buyer: number;
  /** The coordinator's in-memory state for this saga (the orchestrator's snapshot); null while down. */
  machine: unknown;
  /** Bumped by each crash, so replies addressed to a dead orchestrator are recognised. */
  incarnation: number;
  crashed: boolean;
  /** Stopped by the event budget. */
  halted: boolean;
}

/**
 * The whole simulation as plain data. Updates happen in place; {@link forkState} copies
 * what can change, so a branch of the explorer shares nothing mutable with its parent.
 */
export interface SimState {
  now: number;
  seq: number;
  /** One seeded stream per saga: a saga's draws do not depend on how sagas interleave. */
  rngs: number[];
  queue: Pending[];
  sagas: SagaRuntime[];
  tables: Record<string, Row[]>;
  /** Idempotency key stores, one per step. */
  keys: Record<string, KeyStore>;
  /** Fault budgets used so far and other once-only facts (`lost:payment`, `crashed`). */
  counters: Record<string, number>;
  /** Saga log rows written so far, per saga (log row ids are numbered per saga). */
  logRows: Record<string, number>;
  /** Saga indexes chosen at each choice point. */
  decisions: number[];
  scheduleCursor: number;
  /** Time order only: the saga of each shared-state event, in order (to derive a replayable schedule). */
  order: number[];
  /** Facts recorded (trace events, counted even when the trace is off), for the event budget. */
  events: number;
  trace: TraceEvent[] | null;
}

/** The state before anything happened. */
export function initialState(buyers: number, seed: number, tables: Record<string, Row[]>, steps: readonly string[], withTrace: boolean): SimState {
  const sagas: SagaRuntime[] = Array.from({ length: buyers }, (_, i) => ({
    index: i,
    id: `s-${i + 1}`,
    orderId: `o-${i + 1}`,
    buyer: i + 1,
    machine: null,
    incarnation: 0,
    crashed: false,
    halted: false,
  }));
  return {
    now: 0,
    seq: sagas.length,
    // Saga 0 draws the seed's own stream, so single-buyer runs are what they always were.
    rngs: sagas.map((s) => seedState(s.index === 0 ? seed : seed + 7919 * s.index)),
    queue: sagas.map((s) => ({ kind: 'start', at: 0, seq: s.index, saga: s.index })),
    sagas,
    tables,
    keys: Object.fromEntries(steps.map((s) => [s, {}])),
    counters: {},
    logRows: {},
    decisions: [],
    scheduleCursor: 0,
    order: [],
    events: 0,
    trace: withTrace ? [] : null,
  };
}

/** A branch of a state: copies of everything that is updated in place. */
export function forkState(s: SimState): SimState {
  return {
    ...s,
    rngs: [...s.rngs],
    queue: [...s.queue],
    sagas: s.sagas.map((g) => ({ ...g })),
    tables: Object.fromEntries(Object.entries(s.tables).map(([k, rows]) => [k, [...rows]])),
    keys: Object.fromEntries(Object.entries(s.keys).map(([k, store]) => [k, { ...store }])),
    counters: { ...s.counters },
    logRows: { ...s.logRows },
    decisions: [...s.decisions],
    order: [...s.order],
    trace: s.trace ? [...s.trace] : null,
  };
}
