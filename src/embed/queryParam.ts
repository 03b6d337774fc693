/**
 * The machinery of one query parameter: its declaration ({@link ParamSpec}) and the type-erased
 * form the schema lists ({@link QueryParam}), which reads a raw value into a state and writes a
 * state's value back as canonical text.
 */

import type { Scenario } from '../core/types';
import type { Codec } from './codecs';
import type { ViewOptions } from './viewOptions';

/** Context for reading a link. */
export interface ParseQueryOptions {
  /** The lesson ids that exist. Without it, any id of 1–40 characters `a-z`, `0-9`, `-` is accepted. */
  lessonIds?: readonly string[];
  /** The step ids of the saga the link runs. Without it, read from the link's `definition` (the order saga's by default). */
  steps?: readonly string[];
}

/** Longest single value read; a longer one is ignored with a warning. */
export const MAX_VALUE_LENGTH = 2048;

/** A state being read into: complete, so every field ends up valid or default. */
export interface QueryState {
  scenario: Scenario;
  view: ViewOptions;
}

/** A state being written out: anything may be missing. */
export interface QuerySource {
  scenario: Partial<Scenario>;
  view: Partial<ViewOptions>;
}

/** The declaration of one parameter. `T` is the value as the URL spells it. */
export interface ParamSpec<T> {
  name: string;
  target: 'scenario' | 'view';
  description: string;
  /** How the value is read and written; a function when validity depends on the options (lesson ids). */
  codec: Codec<T> | ((options: ParseQueryOptions) => Codec<T>);
  /** Plain words for a valid value, when the codec's own are too long for a warning. */
  expected?: string;
  /** The value meaning "as if absent"; omitted by {@link toQuery}. Undefined: absent by default. */
  defaultValue?: T;
  /** The default in plain words, quoted by warnings. */
  defaultText: string;
  read(source: QuerySource): T | undefined;
  write(state: QueryState, value: T): void;
  /** The step ids a value names, checked against the chosen saga once the whole link is read. */
  stepsOf?: (value: T) => string[];
}

/** One parameter of the schema: its documentation plus reading and writing, with its value type hidden. */
export interface QueryParam {
  readonly name: string;
  /** Whether it sets the scenario (changes the run) or only the view. */
  readonly target: 'scenario' | 'view';
  /** Kind of value: `integer`, `enum`, `flag`, `list`, `step map`, `origin`, `crash point`, `id`. */
  readonly type: string;
  readonly description: string;
  /** What a valid value looks like, in plain words. */
  readonly expected: string;
  /** {@link QueryParam.expected} given the options (the lesson list names the known lessons). */
  expectedWith(options: ParseQueryOptions): string;
  /** The default, in plain words. */
  readonly defaultText: string;
  /** Reads `raw` into `state`; false (and `state` untouched) when `raw` is not a valid value. */
  apply(raw: string, state: QueryState, options: ParseQueryOptions): boolean;
  /** The canonical text for the source's value, or undefined when it is the default or not expressible. */
  emit(source: QuerySource): string | undefined;
  /** The step ids the state's value names (none for parameters that name no step). */
  stepsIn(state: QueryState): string[];
  /** Puts the default back (a value that turned out not to fit the chosen saga). */
  reset(state: QueryState): void;
}

/** The codec of a spec, given the options. */
export const codecFor = <T>(spec: ParamSpec<T>, options: ParseQueryOptions): Codec<T> =>
  typeof spec.codec === 'function' ? spec.codec(options) : spec.codec;

export function defineParam<T>(spec: ParamSpec<T>): QueryParam {
  const docCodec = codecFor(spec, {});
  return {
    name: spec.name,
    target: spec.target,
    type: docCodec.type,
    description: spec.description,
    expected: spec.expected ?? docCodec.expected,
    defaultText: spec.defaultText,
    expectedWith: (options) => spec.expected ?? codecFor(spec, options).expected,
    apply(raw, state, options) {
      if (raw.length > MAX_VALUE_LENGTH) return false;
      const value = codecFor(spec, options).parse(raw);
      if (value === undefined) return false;
      spec.write(state, value);
      return true;
    },
    stepsIn(state) {
      const value = spec.read(state);
      return value === undefined || !spec.stepsOf ? [] : spec.stepsOf(value);
    },
    reset(state) {
      if (spec.defaultValue !== undefined) spec.write(state, spec.defaultValue);
    },
    emit(source) {
      // A JavaScript caller can hand in anything; an unexpected shape is simply not expressible.
      try {
        const value = spec.read(source);
        if (value === undefined) return undefined;
        const text = docCodec.format(value);
        if (spec.defaultValue !== undefined && text === docCodec.format(spec.defaultValue)) return undefined;
        // Only write what the reader accepts without a warning, so every link we make reads back cleanly.
        return text.length <= MAX_VALUE_LENGTH && docCodec.parse(text) !== undefined ? text : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
