import type { Outcome } from '../types';
import type { Pending } from './agenda';
import type { SagaRuntime } from './state';

/**
 * Who drives a saga: orchestration (an XState machine per saga) or choreography (services
 * reacting to each other's events). The kernel hands it every agenda event; it keeps no state
 * of its own — everything lives in the kernel's state, so forks and replays stay exact.
 */
export interface Coordinator {
  /** The saga's first event. */
  start(saga: SagaRuntime, local: number): void;
  /** Any later agenda event of the saga. */
  handle(p: Pending, local: number): void;
  /** How the saga stands now (`stuck` when nothing will move it). */
  outcome(saga: SagaRuntime): Outcome;
  /** The saga's coordinator state as plain data, for the explorer's state key (null: none of its own). */
  stateOf(saga: SagaRuntime): unknown;
  /** An operator's action on a saga waiting in needs-attention; false when it is not waiting or the action is unknown. */
  operator(saga: SagaRuntime, action: string): boolean;
}
