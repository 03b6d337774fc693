/**
 * Talking to the page that embeds the simulator (DESIGN §7): typed outgoing events, strictly
 * checked incoming commands, and a small bridge over `window.postMessage`.
 *
 * Any page can post to any window, so every incoming message is treated as hostile until it has
 * exactly the expected shape (and origin, when the host configured one).
 */

import type { Scenario } from '../core/types';
import { isHttpOrigin } from './codecs';
import { checkDefinitionValue, definitionWarnings } from './definitionLink';
import { loadedMessage, loadFailedMessage, MESSAGE_SOURCE, type OutgoingMessage, readyMessage } from './outgoingMessages';
import { plainData } from './plainData';
import { MAX_QUERY_LENGTH, MAX_VALUE_LENGTH, type ParseQueryOptions, parseQuery, parseQueryEntries, type Warning } from './urlSchema';
import type { ViewOptions } from './viewOptions';

export * from './outgoingMessages';

/** Most stops a `seek` may name; runs have a few dozen. */
export const MAX_SEEK_STEP = 100_000;

/** A command from the host page, validated. */
export type IncomingCommand =
  | {
      type: 'load';
      /** The scenario the params describe, defaults filled in (as {@link parseQuery} reads it). */
      scenario: Scenario;
      view: ViewOptions;
      /** What in the params was ignored; show these as text like a link's warnings. */
      warnings: Warning[];
      /** A lesson written as JSON (a plain-data copy, unchecked: the course checks it), or null when it was not plain data. */
      lesson?: unknown;
    }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'reset' }
  /** Pause at this stop of the run (0 is the start; "event N of M" on the scrubber). */
  | { type: 'seek'; step: number }
  /** Answered with `ready` by the bridge itself (then handed on): a host that attached late can ask. */
  | { type: 'ping' };

/** Most keys a `load` params object may have; the schema has about twenty. */
const MAX_PARAMS_KEYS = 64;

/**
 * The own data properties of a plain object, or null for anything else (arrays, class instances,
 * accessors, symbol keys, too many keys). Reading descriptors instead of properties never runs a
 * getter, so a hostile object cannot run code or answer differently on a second read.
 */
function plainProps(value: unknown, maxKeys: number): Map<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  const keys = Reflect.ownKeys(value);
  if (keys.length > maxKeys) return null;
  const props = new Map<string, unknown>();
  for (const key of keys) {
    if (typeof key !== 'string') return null;
    const desc = Reflect.getOwnPropertyDescriptor(value, key);
    if (!desc || !('value' in desc)) return null;
    props.set(key, desc.value);
  }
  return props;
}

function hasExactly(props: Map<string, unknown>, keys: readonly string[]): boolean {
  return props.size === keys.length && keys.every((k) => props.has(k));
}

function parseLoadParams(params: unknown, options: ParseQueryOptions): ReturnType<typeof parseQuery> | null {
  if (typeof params === 'string') {
    // A link would be cut and warned about; a message that large is simply not one of ours.
    return params.length <= MAX_QUERY_LENGTH ? parseQuery(params, options) : null;
  }
  const props = plainProps(params, MAX_PARAMS_KEYS);
  if (!props) return null;
  const entries: [string, string][] = [];
  for (const [key, value] of props) {
    if (typeof value !== 'string' || key.length > MAX_VALUE_LENGTH || value.length > MAX_VALUE_LENGTH) return null;
    entries.push([key, value]);
  }
  return parseQueryEntries(entries, options);
}

/**
 * A `load` with a `definition`: the saga is checked first and the params are read against its
 * steps. A definition that cannot run becomes warnings, and the order saga runs instead.
 */
function readLoadWithDefinition(params: unknown, raw: unknown, options: ParseQueryOptions): IncomingCommand | null {
  const copied = plainData(raw);
  const checked = copied === undefined ? null : checkDefinitionValue(copied);
  if (checked?.ok) {
    const parsed = parseLoadParams(params, { ...options, steps: checked.definition.steps.map((s) => s.id) });
    return parsed && { type: 'load', ...parsed, scenario: { ...parsed.scenario, definition: checked.definition } };
  }
  const parsed = parseLoadParams(params, options);
  const problems = checked ? checked.problems : [{ path: '', message: 'the definition is not plain JSON data (or is far too large)' }];
  return parsed && { type: 'load', ...parsed, warnings: [...definitionWarnings(problems, 'message'), ...parsed.warnings] };
}

function readCommand(data: unknown, options: ParseQueryOptions): IncomingCommand | null {
  const props = plainProps(data, 4);
  if (!props || props.get('source') !== MESSAGE_SOURCE) return null;
  const type = props.get('type');
  if (type === 'play' || type === 'pause' || type === 'reset' || type === 'ping') {
    return hasExactly(props, ['source', 'type']) ? { type } : null;
  }
  if (type === 'seek' && hasExactly(props, ['source', 'type', 'step'])) {
    const step = props.get('step');
    return Number.isSafeInteger(step) && (step as number) >= 0 && (step as number) <= MAX_SEEK_STEP ? { type, step: step as number } : null;
  }
  if (type === 'load' && hasExactly(props, ['source', 'type', 'params'])) {
    const parsed = parseLoadParams(props.get('params'), options);
    return parsed && { type: 'load', ...parsed };
  }
  if (type === 'load' && hasExactly(props, ['source', 'type', 'params', 'lesson'])) {
    const parsed = parseLoadParams(props.get('params'), options);
    return parsed && { type: 'load', ...parsed, lesson: plainData(props.get('lesson'), { depth: 12, values: 5000, stringLength: 2000 }) ?? null };
  }
  if (type === 'load' && hasExactly(props, ['source', 'type', 'params', 'definition'])) {
    return readLoadWithDefinition(props.get('params'), props.get('definition'), options);
  }
  return null;
}

/**
 * The command a `message` event carries, or null when it is not exactly one of
 * `{ source: 'saga-sim', type: 'play' | 'pause' | 'reset' | 'ping' }`,
 * `{ source: 'saga-sim', type: 'seek', step }` (a whole number from 0) or
 * `{ source: 'saga-sim', type: 'load', params }` (params: a query string, or a flat object of
 * string values, read with the URL schema), optionally with `definition` (a saga definition as JSON
 * data, checked by the core's rules: when it cannot run, the command carries its problems as
 * warnings and the order saga) or `lesson` (a lesson file as JSON data, checked by the course).
 * With `allowedOrigin`, messages from any other origin
 * are null too. Never throws, whatever `data` is (throwing getters, Proxies, cycles, huge strings).
 */
export function parseIncomingMessage(
  data: unknown,
  origin: string,
  allowedOrigin?: string,
  options: ParseQueryOptions = {},
): IncomingCommand | null {
  if (allowedOrigin !== undefined && origin !== allowedOrigin) return null;
  try {
    return readCommand(data, options);
  } catch {
    // A Proxy trap can throw from anywhere; a message we cannot read is not a command.
    return null;
  }
}

/**
 * Why a message that is plainly meant as our `load` (source `saga-sim`, type `load`) cannot be
 * obeyed, or null when it is not such a message (or is a valid one). Lets the bridge answer
 * `load-failed` instead of leaving the host guessing. Never throws.
 */
export function loadRefusal(data: unknown, options: ParseQueryOptions = {}): string[] | null {
  try {
    const props = plainProps(data, 16);
    if (!props || props.get('source') !== MESSAGE_SOURCE || props.get('type') !== 'load') return null;
    const keys = ['source', 'type', 'params'];
    if (!hasExactly(props, keys) && !hasExactly(props, [...keys, 'definition']) && !hasExactly(props, [...keys, 'lesson'])) {
      return ['A load message has exactly the keys source, type and params, and optionally definition or lesson.'];
    }
    if (parseLoadParams(props.get('params'), options)) return null;
    const params = props.get('params');
    if (typeof params === 'string') return [`params is longer than ${MAX_QUERY_LENGTH} characters.`];
    return [
      `params must be a query string (such as "failAt=payment&speed=2") or a flat object of string values, each at most ${MAX_VALUE_LENGTH} characters.`,
    ];
  } catch {
    return ['The load message could not be read.'];
  }
}

/** The parts of a `message` event the bridge reads. */
export interface MessageEventLike {
  data: unknown;
  origin: string;
  source?: unknown;
}

/** The parts of `window` the bridge uses; a real `Window` fits, and so does a test double. */
export interface HostWindowLike {
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEventLike) => void): void;
}

/** What {@link createHostBridge} needs. */
export interface HostBridgeOptions {
  win: HostWindowLike;
  /** The host's origin, from the `parentOrigin` parameter. Absent: post to any origin, accept from any. */
  parentOrigin?: string;
  onCommand(command: IncomingCommand): void;
  /** Known lesson ids, to validate `load` params as a link would be. */
  lessonIds?: readonly string[];
}

/** A live connection to the host page. */
export interface HostBridge {
  /** True when the page runs inside a frame, i.e. there is a host to talk to. */
  readonly embedded: boolean;
  /** Posts to the host page; false when not embedded, disposed, or the browser refused. */
  post(message: OutgoingMessage): boolean;
  /** Stops listening; later posts do nothing. */
  dispose(): void;
}

/**
 * Connects the simulator to its host page. Outgoing messages go to `win.parent` with
 * targetOrigin `parentOrigin ?? '*'`, and only when embedded (`win.parent !== win`). Incoming
 * `message` events are accepted only from the parent window (and from `parentOrigin`, when set)
 * and only in the exact shapes of {@link parseIncomingMessage}. The bridge answers the protocol
 * itself: `ping` with `ready`, an obeyed `load` with `loaded`, a malformed one with `load-failed`. Does not post `ready` by itself:
 * the page does that once it can actually obey commands.
 *
 * @throws RangeError when `parentOrigin` is given but is not an http(s) origin — falling back to
 * `'*'` would silently send results to any page.
 */
export function createHostBridge({ win, parentOrigin, onCommand, lessonIds }: HostBridgeOptions): HostBridge {
  if (parentOrigin !== undefined && !isHttpOrigin(parentOrigin)) {
    throw new RangeError('parentOrigin must be an http(s) origin such as https://school.example');
  }
  const embedded = (win.parent as unknown) !== (win as unknown);
  const options: ParseQueryOptions = lessonIds ? { lessonIds } : {};
  let disposed = false;

  const listener = (event: MessageEventLike) => {
    // Only the parent may command us: without a configured origin, a popup or sibling frame holding
    // a reference to this window could otherwise drive the simulator.
    if (disposed || event.source !== win.parent) return;
    const command = parseIncomingMessage(event.data, event.origin, parentOrigin, options);
    if (!command) {
      const reasons = parentOrigin === undefined || event.origin === parentOrigin ? loadRefusal(event.data, options) : null;
      if (reasons) post(loadFailedMessage(reasons));
      return;
    }
    if (command.type === 'ping') post(readyMessage());
    onCommand(command);
    if (command.type === 'load') post(loadedMessage(command.warnings));
  };
  const post = (message: OutgoingMessage): boolean => {
    if (!embedded || disposed) return false;
    try {
      win.parent.postMessage(message, parentOrigin ?? '*');
      return true;
    } catch {
      // A host page that went away must not crash the simulator; the false return reports it.
      return false;
    }
  };
  if (embedded) win.addEventListener('message', listener);

  return {
    embedded,
    post,
    dispose() {
      if (disposed) return;
      disposed = true;
      if (embedded) win.removeEventListener('message', listener);
    },
  };
}
