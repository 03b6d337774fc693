/**
 * A deep copy of untrusted data (a host page's message) as plain JSON values, read through
 * property descriptors so no getter, Proxy trap or toJSON of the sender's ever runs twice or
 * answers differently on a second read. Anything that is not plain data makes the copy fail.
 */

/** Limits on what is copied: a definition has a few dozen values. */
export interface PlainDataLimits {
  /** Most nested objects and arrays. */
  depth: number;
  /** Most values in total. */
  values: number;
  /** Longest string. */
  stringLength: number;
}

const DEFAULT_LIMITS: PlainDataLimits = { depth: 6, values: 2000, stringLength: 2000 };

/** The value as plain JSON data, or undefined when it is anything else or exceeds the limits. */
export function plainData(value: unknown, limits: PlainDataLimits = DEFAULT_LIMITS): unknown {
  let budget = limits.values;
  const copy = (v: unknown, depth: number): unknown => {
    if (--budget < 0) throw new RangeError('too many values');
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new RangeError('not a finite number');
      return v;
    }
    if (typeof v === 'string') {
      if (v.length > limits.stringLength) throw new RangeError('string too long');
      return v;
    }
    if (typeof v !== 'object' || depth >= limits.depth) throw new RangeError('not plain data');
    if (Array.isArray(v)) {
      const length = Reflect.getOwnPropertyDescriptor(v, 'length')?.value;
      if (typeof length !== 'number' || length > limits.values) throw new RangeError('array too long');
      const out: unknown[] = [];
      for (let i = 0; i < length; i++) {
        const d = Reflect.getOwnPropertyDescriptor(v, String(i));
        if (!d || !('value' in d)) throw new RangeError('not plain data');
        out.push(copy(d.value, depth + 1));
      }
      return out;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw new RangeError('not a plain object');
    // A null-prototype result: a key such as "__proto__" is then just a key.
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Reflect.ownKeys(v)) {
      if (typeof key !== 'string') throw new RangeError('symbol key');
      const d = Reflect.getOwnPropertyDescriptor(v, key);
      if (!d || !('value' in d)) throw new RangeError('accessor');
      out[key] = copy(d.value, depth + 1);
    }
    // Back to an ordinary object; fromEntries defines properties, so "__proto__" stays a plain key.
    return Object.fromEntries(Object.entries(out));
  };
  try {
    return copy(value, 0);
  } catch {
    return undefined;
  }
}
