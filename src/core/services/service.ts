import type { Row } from '../types';

/** What the orchestrator (or a choreography participant) asks a service to do. */
export type ServiceAction = 'forward' | 'compensate' | 'confirm';

/** A call to a service's local transaction. Built in one place: `serviceCall.ts`. */
export interface ServiceRequest {
  saga: string;
  orderId: string;
  /** 1-based buyer number, shown in tables ("buyer 2"). */
  buyer: number;
  step: string;
  action: ServiceAction;
  attempt: number;
  /** Idempotency key (`s-1:payment:forward`); absent when the scenario turns keys off. */
  key?: string;
  payload: RequestPayload;
}

/** The business data of a request. */
export interface RequestPayload {
  amount: number;
  item: string;
  /** The simulated business rejection (card declined, out of stock, …) for `failAt`. */
  reject?: boolean;
}

/** A service's answer. `retryable` separates transient failures from business ones. */
export type ServiceReply =
  | { ok: true; status: 200; result: Record<string, unknown>; replayed?: boolean }
  | { ok: false; status: number; retryable: boolean; reason: string; locked?: boolean; heldBy?: string };

/** The database handle a service gets for one local transaction. Writes are recorded in the trace. */
export interface Db {
  rows(table: string): readonly Row[];
  find(table: string, pred: (row: Row) => boolean): Row | undefined;
  insert(table: string, row: Row): void;
  update(table: string, id: string, changes: Record<string, unknown>): void;
  /**
   * A row id named after its order (`charge-o1`, then `charge-o1#2`). Ids never depend on
   * how other orders' rows interleave, so independent sagas' writes commute.
   */
  nextId(table: string, prefix: string, orderId: string): string;
}

/** Settings a service may read (the lock is an inventory rule). */
export interface ServiceSettings {
  semanticLock: boolean;
  stock: number;
}

/** A simulated service: owns one table and the rules of its local transactions. */
export interface Service {
  step: string;
  name: string;
  table: string;
  handle(req: ServiceRequest, db: Db, settings: ServiceSettings): ServiceReply;
  /** The rows its table starts with (the item in stock). */
  initialRows?(settings: ServiceSettings): Row[];
  /** Whether a row is the effect of one forward action (a charge, a pick): the at-most-once invariant counts them per order. */
  isEffect(row: Row): boolean;
  /** Whether the order still has live work here (a hold, a net charge, a booked row): what compensation must undo. */
  holdsWork(rows: readonly Row[], orderId: string): boolean;
  /** Whether the order's work here has been confirmed (for steps that are told the saga completed). */
  confirmed(rows: readonly Row[], orderId: string): boolean;
}

/** A successful reply. */
export const ok = (result: Record<string, unknown> = {}): ServiceReply => ({ ok: true, status: 200, result });

/** A business rejection: not retried, the saga compensates. */
export const rejected = (status: number, reason: string): ServiceReply => ({ ok: false, status, retryable: false, reason });
