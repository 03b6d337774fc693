import type { ServiceReply } from './service';

/**
 * Idempotency keys as real payment APIs treat them (Stripe, the IETF draft): a key seen
 * before with a stored reply → the reply is replayed and nothing runs twice; a key whose
 * first request is still being processed → 409, retry later. (A different payload under the
 * same key would be a 422, but a key here always names one saga's one step and action, so
 * no run can reach it.)
 */
export type KeyEntry = { state: 'in-flight' } | { state: 'done'; reply: ServiceReply };

/** One service's key store: plain data, updated in place, copied when a state is forked. */
export type KeyStore = Record<string, KeyEntry>;

/** The one idempotency key of a saga's step and action: `s-1:payment:forward`. */
export const idempotencyKey = (sagaId: string, step: string, action: string): string => `${sagaId}:${step}:${action}`;

/** Result of looking a key up before executing. */
export type BeginResult = { proceed: true } | { proceed: false; reply: ServiceReply };

/** Looks the key up; when the request is new, marks it in flight. */
export function beginKey(store: KeyStore, key: string): BeginResult {
  const entry = store[key];
  if (!entry) {
    store[key] = { state: 'in-flight' };
    return { proceed: true };
  }
  if (entry.state === 'in-flight') {
    return { proceed: false, reply: { ok: false, status: 409, retryable: true, reason: `request with key ${key} is still in flight` } };
  }
  return { proceed: false, reply: entry.reply.ok ? { ...entry.reply, replayed: true } : entry.reply };
}

/** Stores the reply under the key. Transient failures are not stored: a retry may execute. */
export function completeKey(store: KeyStore, key: string, reply: ServiceReply): void {
  if (!reply.ok && reply.retryable) delete store[key];
  else store[key] = { state: 'done', reply };
}
