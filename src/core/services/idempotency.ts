import type { ServiceReply, ServiceRequest } from './service';

/**
 * Idempotency keys as real payment APIs treat them (Stripe, the IETF draft):
 * same key + same payload → the stored reply is replayed and nothing runs twice;
 * same key + different payload → 422; same key while the first request is in flight → 409.
 */
export type KeyEntry = { fingerprint: string; state: 'in-flight' } | { fingerprint: string; state: 'done'; reply: ServiceReply };

/** One service's key store. Plain data, so a simulation state can be copied. */
export type KeyStore = Readonly<Record<string, KeyEntry>>;

/** What the request body looks like to the key check. */
export function fingerprint(req: ServiceRequest): string {
  return `${req.action}|${req.orderId}|${req.payload.amount}|${req.payload.item}`;
}

/** Result of looking a key up before executing. */
export type BeginResult = { proceed: true; store: KeyStore } | { proceed: false; reply: ServiceReply };

/** Looks the key up; when the request is new, marks it in flight. */
export function beginKey(store: KeyStore, key: string, print: string): BeginResult {
  const entry = store[key];
  if (!entry) return { proceed: true, store: { ...store, [key]: { fingerprint: print, state: 'in-flight' } } };
  if (entry.fingerprint !== print) {
    return { proceed: false, reply: { ok: false, status: 422, retryable: false, reason: `idempotency key ${key} was used with a different request` } };
  }
  if (entry.state === 'in-flight') {
    return { proceed: false, reply: { ok: false, status: 409, retryable: true, reason: `request with key ${key} is still in flight` } };
  }
  return { proceed: false, reply: entry.reply.ok ? { ...entry.reply, replayed: true } : entry.reply };
}

/** Stores the reply under the key. Transient failures are not stored: a retry may execute. */
export function completeKey(store: KeyStore, key: string, print: string, reply: ServiceReply): KeyStore {
  if (!reply.ok && reply.retryable) {
    const { [key]: _dropped, ...rest } = store;
    return rest;
  }
  return { ...store, [key]: { fingerprint: print, state: 'done', reply } };
}
