/**
 * Small value codecs for query parameters: each reads one raw string strictly and writes the
 * canonical text back, so that parse(format(v)) gives v again.
 */

import { BUILT_IN_DEFINITIONS } from '../core/definitions/builtins';
import type { StepId } from '../core/types';

/**
 * Every step id of the built-in sagas, in their order (the order saga's first). A link's step
 * values are read against this set; whether the chosen saga has that step is checked once
 * the whole link is read (`parseQuery`), because `definition` may come after them.
 */
export const LINK_STEP_IDS: readonly StepId[] = [...new Set(Object.values(BUILT_IN_DEFINITIONS).flatMap((d) => d.steps.map((s) => s.id)))];

/**
 * Reads and writes one kind of query-parameter value.
 * `parse` returns `undefined` for any text that is not exactly a valid value; it never throws.
 */
export interface Codec<T> {
  /** Short name of the kind of value, for documentation (`integer`, `flag`, `list`, …). */
  readonly type: string;
  /** What a valid value looks like, in plain words ("a whole number from 1 to 4"). */
  readonly expected: string;
  parse(raw: string): T | undefined;
  format(value: T): string;
}

/** A whole number from `min` to `max` written in plain decimal digits (no sign, exponent or fraction). */
export function intCodec(min: number, max: number): Codec<number> {
  // Bounding the digit count first keeps Number() away from 10 000-digit strings.
  const digits = new RegExp(`^[0-9]{1,${String(max).length}}$`);
  return {
    type: 'integer',
    expected: `a whole number from ${min} to ${max}`,
    parse: (raw) => {
      if (!digits.test(raw)) return undefined;
      const n = Number(raw);
      return n >= min && n <= max ? n : undefined;
    },
    format: (n) => String(n),
  };
}

/** Exactly one of `values`, compared as text. */
export function enumCodec<T extends string | number>(values: readonly T[]): Codec<T> {
  return {
    type: 'enum',
    expected: `one of ${values.join(', ')}`,
    parse: (raw) => values.find((v) => String(v) === raw),
    format: (v) => String(v),
  };
}

/** `1` for on, `0` for off; nothing else, so every link has one spelling. */
export const flagCodec: Codec<boolean> = {
  type: 'flag',
  expected: '0 (off) or 1 (on)',
  parse: (raw) => (raw === '1' ? true : raw === '0' ? false : undefined),
  format: (on) => (on ? '1' : '0'),
};

/** A step id of a built-in saga. */
export const stepCodec: Codec<StepId> = enumCodec(LINK_STEP_IDS);

const STEP_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
/** Most steps a definition has (the core's MAX_STEPS). */
const MAX_LINK_STEPS = 8;

/**
 * A step of the definition the link runs: one of `steps` when known; without them (writing a
 * link) any well-formed step id, so a custom saga's steps can be written and read back.
 */
export function stepCodecFor(steps?: readonly string[]): Codec<StepId> {
  if (steps) return enumCodec(steps);
  return { type: 'enum', expected: 'a step id: 1 to 32 of a-z, 0-9 and -', parse: (raw) => (STEP_ID.test(raw) ? raw : undefined), format: (s) => s };
}

/**
 * A comma-separated list of `item`s, at most `maxItems` long. With `key`, two items with the same
 * key make the whole list invalid: `payment:1,payment:2` has no single meaning.
 */
export function listCodec<T>(item: Codec<T>, maxItems: number, key?: (value: T) => string): Codec<T[]> {
  return {
    type: 'list',
    expected: `a comma-separated list of at most ${maxItems} items, each ${item.expected}`,
    parse: (raw) => {
      const parts = raw.split(',', maxItems + 1);
      if (parts.length > maxItems) return undefined;
      const out: T[] = [];
      const seen = new Set<string>();
      for (const part of parts) {
        const value = item.parse(part);
        if (value === undefined) return undefined;
        if (key) {
          const k = key(value);
          if (seen.has(k)) return undefined;
          seen.add(k);
        }
        out.push(value);
      }
      return out;
    },
    format: (values) => values.map((v) => item.format(v)).join(','),
  };
}

/**
 * A per-step setting written as `step:value,step:value` (each step at most once), read into a
 * `Partial<Record<StepId, V>>`. Written back in forward step order, so a map has one spelling.
 */
export function stepMapCodec<V>(value: Codec<V>, steps?: readonly string[]): Codec<Partial<Record<StepId, V>>> {
  const step = stepCodecFor(steps);
  const pair: Codec<[StepId, V]> = {
    type: 'pair',
    expected: `step:value`,
    parse: (raw) => {
      const colon = raw.indexOf(':');
      if (colon < 0) return undefined;
      const id = step.parse(raw.slice(0, colon));
      const v = value.parse(raw.slice(colon + 1));
      return id === undefined || v === undefined ? undefined : [id, v];
    },
    format: ([step, v]) => `${step}:${value.format(v)}`,
  };
  const list = listCodec(pair, steps?.length ?? Math.max(MAX_LINK_STEPS, LINK_STEP_IDS.length), ([id]) => id);
  return {
    type: 'step map',
    expected: `a comma-separated list of step:value where step is ${steps ? `one of ${steps.join(', ')}` : 'a step id'} (each at most once) and value is ${value.expected}`,
    parse: (raw) => {
      const pairs = list.parse(raw);
      return pairs === undefined ? undefined : Object.fromEntries(pairs);
    },
    // The definition's step order, then any other step in the map's own order: one spelling per map.
    format: (map) => {
      const known = steps ?? LINK_STEP_IDS;
      const order = [...known, ...Object.keys(map).filter((k) => !known.includes(k))];
      return list.format(order.flatMap((id): [StepId, V][] => (map[id] === undefined ? [] : [[id, map[id] as V]])));
    },
  };
}

/**
 * True when `text` is exactly an http(s) origin such as `https://school.example` or
 * `http://localhost:8080` — no path, no trailing slash, no credentials.
 */
export function isHttpOrigin(text: string): boolean {
  if (text.length > 2048) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}

/** An http(s) origin, see {@link isHttpOrigin}. */
export const originCodec: Codec<string> = {
  type: 'origin',
  expected: 'an http or https origin such as https://school.example (no path, no trailing slash)',
  parse: (raw) => (isHttpOrigin(raw) ? raw : undefined),
  format: (origin) => origin,
};
