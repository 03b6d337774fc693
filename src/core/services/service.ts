import type { Row, StepId, TableName } from '../types';

/** What the orchestrator (or a choreography participant) asks a service to do. */
export type ServiceAction = 'forward' | 'compensate' | 'confirm';

/** A call to a service's local transaction. */
export interface ServiceRequest {
  saga: string;
  orderId: string;
  /** 1-based buyer number, shown in tables ("buyer 2"). */
  buyer: number;
  step: StepId;
  action: ServiceAction;
  attempt: number;
  /** Idempotency key; absent when the scenario turns keys off. */
  key?: string;
  payload: RequestPayload;
}

/** The business data of a request; part of the idempotency fingerprint. */
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
  rows(table: TableName): readonly Row[];
  find(table: TableName, pred: (row: Row) => boolean): Row | undefined;
  insert(table: TableName, row: Row): void;
  update(table: TableName, id: string, changes: Record<string, unknown>): void;
  /**
   * A row id named after its order (`charge-o1`, then `charge-o1#2`). Ids never depend on
   * how other orders' rows interleave, so independent sagas' writes commute.
   */
  nextId(table: TableName, prefix: string, orderId: string): string;
}

/** Settings a service may read (the lock is an inventory rule). */
export interface ServiceSettings {
  semanticLock: boolean;
}

/** A simulated service: owns one table and the rules of its local transactions. */
export interface Service {
  step: StepId;
  name: string;
  table: TableName;
  handle(req: ServiceRequest, db: Db, settings: ServiceSettings): ServiceReply;
}

/** A successful reply. */
export const ok = (result: Record<string, unknown> = {}): ServiceReply => ({ ok: true, status: 200, result });

/** A business rejection: not retried, the saga compensates. */
export const rejected = (status: number, reason: string): ServiceReply => ({ ok: false, status, retryable: false, reason });
