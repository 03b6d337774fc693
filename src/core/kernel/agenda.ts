import type { ServiceReply, ServiceRequest } from '../services/service';

/** What a reply delivers to a coordinator: the reply and which call it answers. */
export interface ResponsePayload {
  step: string;
  action: ServiceRequest['action'];
  attempt: number;
  /** Echo of the call's id, so a late reply to an earlier call is recognised as stale. */
  callId: number;
  reply: ServiceReply;
}

/**
 * The virtual clock's agenda: everything that will happen, as plain data (no closures),
 * so a simulation state can be copied, hashed and replayed.
 */
export type Pending =
  | { kind: 'start'; at: number; seq: number; saga: number }
  /** A call reaches its service. */
  | { kind: 'request'; at: number; seq: number; saga: number; incarnation: number; callId: number; req: ServiceRequest }
  /** A slow service (`serviceDelays`) finishes the request it began earlier. */
  | { kind: 'finish'; at: number; seq: number; saga: number; incarnation: number; callId: number; req: ServiceRequest }
  | { kind: 'response'; at: number; seq: number; saga: number; incarnation: number; payload: ResponsePayload }
  | { kind: 'timer'; at: number; seq: number; saga: number; incarnation: number; id: string; event: { type: string } }
  | { kind: 'restart'; at: number; seq: number; saga: number }
  | { kind: 'bus'; at: number; seq: number; saga: number; topic: string; subscriber: string; from: string; attempt?: number };

/** A pending event before the agenda numbers it. */
export type NewPending = Pending extends infer P ? (P extends Pending ? Omit<P, 'seq'> : never) : never;

/** Events that touch only their own saga (they commute with every other saga's events). */
export const isLocal = (p: Pending): boolean => p.kind !== 'request' && p.kind !== 'finish' && p.kind !== 'bus';

/** Orders the agenda: by virtual time, then by insertion. */
export const byTime = (a: Pending, b: Pending): number => a.at - b.at || a.seq - b.seq;

/** Inserts in place, keeping the agenda sorted (the agenda is copied only when a state is forked). */
export function enqueue(queue: Pending[], item: Pending): void {
  let i = queue.length;
  while (i > 0 && byTime(queue[i - 1], item) > 0) i--;
  queue.splice(i, 0, item);
}
