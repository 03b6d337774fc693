import type { ServiceRequest } from './services/service';
import type { StepId } from './types';

/**
 * The virtual clock's agenda: everything that will happen, as plain data (no closures),
 * so a simulation state can be copied, hashed and replayed.
 */
export type Pending =
  | { kind: 'start'; at: number; seq: number; saga: number }
  | { kind: 'request'; at: number; seq: number; saga: number; incarnation: number; callId: number; req: ServiceRequest }
  | { kind: 'response'; at: number; seq: number; saga: number; incarnation: number; payload: ResponsePayload }
  | { kind: 'timer'; at: number; seq: number; saga: number; incarnation: number; id: string; event: { type: string } }
  | { kind: 'restart'; at: number; seq: number; saga: number }
  | { kind: 'bus'; at: number; seq: number; saga: number; topic: string; subscriber: StepId; from: StepId | 'shop'; attempt?: number };

/** A pending event before the queue numbers it. */
export type NewPending = Pending extends infer P ? (P extends Pending ? Omit<P, 'seq'> : never) : never;

/** What a response delivers to the orchestrator (the reply and which call it answers). */
export type ResponsePayload = Omit<import('./orchestratorMachine').ResponseEvent, 'type' | 'random'>;

/** Events that touch only their own saga (they commute with every other saga's events). */
export const isLocal = (p: Pending): boolean => p.kind !== 'request' && p.kind !== 'bus';

/** Orders the agenda: by virtual time, then by insertion. */
export const byTime = (a: Pending, b: Pending): number => a.at - b.at || a.seq - b.seq;

/** Inserts keeping the agenda sorted; returns a new array (states share nothing mutable). */
export function enqueue(queue: readonly Pending[], item: Pending): Pending[] {
  let i = queue.length;
  while (i > 0 && byTime(queue[i - 1], item) > 0) i--;
  return [...queue.slice(0, i), item, ...queue.slice(i)];
}
