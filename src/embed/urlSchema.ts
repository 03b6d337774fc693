/**
 * The query parameters of a Saga Simulator link, declared once (PhET style: name, type, default,
 * validation, description), and the two directions built from that one declaration:
 * {@link parseQuery} (URL → scenario + view + warnings) and {@link toQuery} (state → URL).
 *
 * A link comes from anyone, so reading it never throws, never trusts a value it cannot validate
 * exactly, and explains every value it ignored in a short plain-text warning.
 */

import type { DefinitionName, Scenario } from '../core/types';
import { DEFAULT_SCENARIO } from '../core/scenario';
import { BUILT_IN_DEFINITIONS } from '../core/definitions/builtins';
import { enumCodec, flagCodec, originCodec } from './codecs';
import { lessonCodec, panelsCodec } from './paramCodecs';
import { EMBED_PARAMS } from './embedParams';
import { defineParam, MAX_VALUE_LENGTH, type ParseQueryOptions, type QueryParam, type QuerySource, type QueryState } from './queryParam';
import { safeExcerpt } from './safeText';
import { SCENARIO_PARAMS } from './scenarioParams';
import { traceViewParams } from './traceViewParams';
import { ALL_PANELS, freshDefaultView, PAGES, type PageId, type PanelId, SPEEDS, type Speed, type ViewOptions } from './viewOptions';

/** Something in a link that was ignored, and why, in plain words. Render it as text. */
export interface Warning {
  /** The parameter concerned, or `''` for the link as a whole. */
  param: string;
  message: string;
}

/** What {@link parseQuery} read. Every field it could not read holds its default. */
export interface ParsedQuery {
  /** A complete scenario: the link's valid values over the defaults. */
  scenario: Scenario;
  view: ViewOptions;
  warnings: Warning[];
}

/** Longest query read, in characters; the rest is ignored with a warning. Real links need under 2 000. */
export const MAX_QUERY_LENGTH = 8192;
/** Most warnings reported one by one; the rest are counted in one last warning. */
export const MAX_WARNINGS = 20;
export { MAX_SCHEDULE_LENGTH } from './scenarioParams';

/** The scenario a link describes when it says nothing; the same values as the core's defaults. */
export const defaultScenario: Readonly<Scenario> = Object.freeze({ ...DEFAULT_SCENARIO });

// --- the schema -----------------------------------------------------------------------------------

/** Every query parameter a link may carry, in the order {@link toQuery} writes them. */
export const QUERY_PARAMS: readonly QueryParam[] = [
  defineParam<string>({
    name: 'lesson',
    target: 'view',
    description: 'Open this lesson.',
    codec: lessonCodec,
    defaultText: 'no lesson',
    read: (s) => s.view.lesson,
    write: (st, v) => {
      st.view.lesson = v;
    },
  }),
  defineParam<PageId>({
    name: 'view',
    target: 'view',
    description: 'Which page shows: one run, choreography and orchestration side by side, the failure matrix, the trace waterfall, or the course summary (every lesson’s idea, with a link back to its run).',
    codec: enumCodec(PAGES),
    defaultValue: 'single',
    defaultText: 'single (one run)',
    read: (s) => s.view.page,
    write: (st, v) => {
      if (v === 'single') delete st.view.page;
      else st.view.page = v;
    },
  }),
  ...SCENARIO_PARAMS.filter((p) => p.name !== 'schedule'),
  defineParam<Speed>({
    name: 'speed',
    target: 'view',
    description: 'Playback speed, as a multiple of normal.',
    codec: enumCodec(SPEEDS),
    defaultValue: 1,
    defaultText: '1',
    read: (s) => s.view.speed,
    write: (st, v) => {
      st.view.speed = v;
    },
  }),
  defineParam<boolean>({
    name: 'autoplay',
    target: 'view',
    description: 'Start playing as soon as the page loads.',
    codec: flagCodec,
    defaultValue: false,
    defaultText: '0 (off)',
    read: (s) => s.view.autoplay,
    write: (st, v) => {
      st.view.autoplay = v;
    },
  }),
  defineParam<PanelId[]>({
    name: 'panels',
    target: 'view',
    description: 'Which panels show.',
    codec: panelsCodec,
    defaultValue: [...ALL_PANELS],
    defaultText: 'all panels',
    read: (s) => s.view.panels,
    write: (st, v) => {
      st.view.panels = v;
    },
  }),
  defineParam<boolean>({
    name: 'embed',
    target: 'view',
    description: 'Embedded mode: compact page that reports to its host page.',
    codec: flagCodec,
    defaultValue: false,
    defaultText: '0 (off)',
    read: (s) => s.view.embed,
    write: (st, v) => {
      st.view.embed = v;
    },
  }),
  defineParam<string>({
    name: 'parentOrigin',
    target: 'view',
    description: 'The host page’s origin: messages go only there, commands are accepted only from there.',
    codec: originCodec,
    defaultText: 'none, so messages go to any host page',
    read: (s) => s.view.parentOrigin,
    write: (st, v) => {
      st.view.parentOrigin = v;
    },
  }),
  ...EMBED_PARAMS,
  ...SCENARIO_PARAMS.filter((p) => p.name === 'schedule'),
  ...traceViewParams({
    scenarioParams: () => QUERY_PARAMS.filter((p) => p.target === 'scenario').map((p) => p.name),
    read: (entries) => parseQueryEntries(entries),
    write: (scenario) => toQuery(scenario),
  }),
];

// A Map, not an object, so names like `__proto__` or `constructor` are just unknown parameters.
const BY_NAME = new Map(QUERY_PARAMS.map((p) => [p.name, p]));
const BY_LOWER_NAME = new Map(QUERY_PARAMS.map((p) => [p.name.toLowerCase(), p.name]));

// --- reading ---------------------------------------------------------------------------------------

/** Collects warnings up to {@link MAX_WARNINGS}, so a hostile link cannot flood the page. */
class WarningList {
  private readonly list: Warning[] = [];
  private dropped = 0;

  add(param: string, message: string): void {
    if (this.list.length < MAX_WARNINGS) this.list.push({ param, message });
    else this.dropped++;
  }

  done(): Warning[] {
    if (this.dropped > 0) {
      this.list.push({ param: '', message: `${this.dropped} more problems with the link were ignored as well.` });
    }
    return this.list;
  }
}

function invalidMessage(param: QueryParam, raw: string, options: ParseQueryOptions): string {
  const expected = param.expectedWith(options);
  const what =
    raw === ''
      ? `The ${param.name} parameter is empty`
      : raw.length > MAX_VALUE_LENGTH
        ? `The ${param.name} parameter is too long (${raw.length} characters)`
        : `The ${param.name} parameter has the value "${safeExcerpt(raw)}"`;
  return `${what}, but it must be ${expected}. Using the default: ${param.defaultText}.`;
}

function unknownMessage(name: string): string {
  const near = BY_LOWER_NAME.get(name.toLowerCase());
  const hint = near ? ` Did you mean "${near}"? Names are case-sensitive.` : '';
  return `Unknown parameter "${safeExcerpt(name)}", ignored.${hint}`;
}

/** A step named by a link must be a step of the saga the link chose (whatever order the parameters came in). */
function checkSteps(state: QueryState, seen: ReadonlySet<string>, warnings: WarningList, given?: readonly string[]): void {
  // A link carrying its own saga (def=) names that saga's steps; otherwise the built-in it names.
  const definition = given ? { id: 'your own', steps: given.map((id) => ({ id })) } : (BUILT_IN_DEFINITIONS[state.scenario.definition as DefinitionName] ?? BUILT_IN_DEFINITIONS.order);
  const steps = definition.steps.map((s) => s.id);
  for (const param of QUERY_PARAMS) {
    if (!seen.has(param.name)) continue;
    const unknown = param.stepsIn(state).find((s) => !steps.includes(s));
    if (unknown === undefined) continue;
    param.reset(state);
    warnings.add(param.name, `The ${param.name} parameter names the step "${unknown}", but the ${definition.id} saga's steps are ${steps.join(', ')}. Using the default: ${param.defaultText}.`);
  }
}

/**
 * Reads name/value pairs (already decoded, e.g. a host's `load` params object) against the
 * schema, exactly as {@link parseQuery} reads a query string. Never throws.
 */
export function parseQueryEntries(entries: Iterable<readonly [string, string]>, options: ParseQueryOptions = {}): ParsedQuery {
  return readEntries(entries, options, new WarningList());
}

// The first occurrence of a name wins; later ones, unknown names and invalid values are ignored with a warning.
function readEntries(entries: Iterable<readonly [string, string]>, options: ParseQueryOptions, warnings: WarningList): ParsedQuery {
  const state: QueryState = { scenario: { ...defaultScenario }, view: freshDefaultView() };
  const seen = new Set<string>();
  const complained = new Set<string>();
  for (const [name, raw] of entries) {
    const param = BY_NAME.get(name);
    if (seen.has(name)) {
      // One warning per repeated name, however often it repeats.
      if (!complained.has(name)) {
        complained.add(name);
        warnings.add(
          param ? name : safeExcerpt(name),
          param
            ? `The ${name} parameter appears more than once; only the first one was read, the others were ignored.`
            : unknownMessage(name),
        );
      }
      continue;
    }
    seen.add(name);
    if (!param) {
      complained.add(name);
      warnings.add(safeExcerpt(name), unknownMessage(name));
    } else if (!param.apply(raw, state, options)) {
      warnings.add(name, invalidMessage(param, raw, options));
    }
  }
  checkSteps(state, seen, warnings, options.steps);
  return { ...state, warnings: warnings.done() };
}

/**
 * Reads a query string (`location.search`, with or without the leading `?`) into a complete
 * scenario, the view options, and a warning for everything that was ignored. Never throws.
 */
export function parseQuery(search: string, options: ParseQueryOptions = {}): ParsedQuery {
  const warnings = new WarningList();
  // The leading '?' is left for URLSearchParams to drop: stripping it here too would drop a second one.
  let text = typeof search === 'string' ? search : '';
  if (text.length > MAX_QUERY_LENGTH) {
    // Cut at the last whole parameter, so the cut does not turn a good value into a bad one.
    const lastAmp = text.lastIndexOf('&', MAX_QUERY_LENGTH);
    text = text.slice(0, lastAmp > 0 ? lastAmp : MAX_QUERY_LENGTH);
    warnings.add('', `The link's settings are longer than ${MAX_QUERY_LENGTH} characters; everything after that was ignored.`);
  }
  return readEntries(new URLSearchParams(text), options, warnings);
}

// --- writing ---------------------------------------------------------------------------------------

// ',', ':' and '/' are legal in a query; leaving them unescaped keeps links readable (payment:1).
const encodeValue = (text: string) => encodeURIComponent(text).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');

/**
 * The query string (without `?`) for a state, leaving out every default, so that
 * `parseQuery(toQuery(s, v))` gives back `s` and `v` (with defaults filled in) and no warnings.
 * Values a link cannot express (`retry`, counts past a field's range, an empty panel list) are left out.
 */
export function toQuery(scenario: Partial<Scenario>, view: Partial<ViewOptions> = {}): string {
  const source: QuerySource = { scenario, view };
  const parts: string[] = [];
  for (const param of QUERY_PARAMS) {
    const text = param.emit(source);
    if (text !== undefined) parts.push(`${param.name}=${encodeValue(text)}`);
  }
  return parts.join('&');
}

export { MAX_VALUE_LENGTH, type ParseQueryOptions, type QueryParam } from './queryParam';
export { defaultView, type PanelId, type Speed, type ViewOptions } from './viewOptions';
