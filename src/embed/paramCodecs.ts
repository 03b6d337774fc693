/**
 * Codecs for the simulator's own value formats in links: lesson ids, crash points, failure counts,
 * panel sets, and "a step or none".
 */

import type { CrashPoint, StepId } from '../core/types';
import { type Codec, enumCodec, intCodec, LINK_STEP_IDS, listCodec, stepCodecFor } from './codecs';
import type { ParseQueryOptions } from './queryParam';
import { ALL_PANELS, type PanelId } from './viewOptions';

const LESSON_ID = /^[a-z0-9-]{1,40}$/;

/**
 * A lesson id: one of `options.lessonIds` when given, else any 1–40 of `a-z`, `0-9`, `-`.
 * The warning then lists (up to eight of) the known ids, so an instructor can fix a typo.
 */
export function lessonCodec(options: ParseQueryOptions): Codec<string> {
  const known = options.lessonIds;
  const shown = known && (known.length > 8 ? `${known.slice(0, 8).join(', ')}, …` : known.join(', '));
  return {
    type: 'id',
    expected: known ? `the id of a known lesson (${shown})` : 'a lesson id: 1 to 40 of a-z, 0-9 and -',
    parse: (raw) => (LESSON_ID.test(raw) && (!known || known.includes(raw)) ? raw : undefined),
    format: (id) => id,
  };
}

const CRASH_WHEN = ['before-call', 'after-commit'] as const;

/** `step:when`, plus `:compensation` for a crash during that step's compensation (steps: see {@link stepCodecFor}). */
export function crashCodecFor(steps?: readonly string[]): Codec<CrashPoint | 'none'> {
  const stepCodec = stepCodecFor(steps);
  return {
    type: 'crash point',
    expected: `none, or step:when where step is ${steps ? `one of ${steps.join(', ')}` : 'a step id'} and when is before-call or after-commit (add :compensation to crash during the undo)`,
    parse: (raw) => {
      if (raw === 'none') return 'none';
      const [stepText, whenText, phaseText, ...rest] = raw.split(':', 4);
      const step = stepCodec.parse(stepText ?? '');
      const when = CRASH_WHEN.find((w) => w === whenText);
      if (step === undefined || when === undefined || rest.length > 0) return undefined;
      if (phaseText === undefined) return { step, when };
      return phaseText === 'compensation' ? { step, when, phase: 'compensation' } : undefined;
    },
    format: (c) => (c === 'none' ? 'none' : `${c.step}:${c.when}${c.phase === 'compensation' ? ':compensation' : ''}`),
  };
}

/** Crash points of any built-in saga (checked against the chosen one once the link is read). */
export const crashCodec = crashCodecFor(LINK_STEP_IDS);

/** A failure count in a link: 1 to 5 (0 is written by leaving the step out). */
export const oneToFive = intCodec(1, 5);

/** A compensation failure count: 1 to 5, or `always`. */
export const timesOrAlways: Codec<number | 'always'> = {
  type: 'count',
  expected: 'a whole number from 1 to 5, or always',
  parse: (raw) => (raw === 'always' ? 'always' : oneToFive.parse(raw)),
  format: (v) => String(v),
};

/** Panels as a set: read in any order, always held and written in page order. */
export const panelsCodec: Codec<PanelId[]> = (() => {
  const list = listCodec(enumCodec(ALL_PANELS), ALL_PANELS.length, (p) => p);
  const canonical = (panels: readonly PanelId[]) => ALL_PANELS.filter((p) => panels.includes(p));
  return {
    type: 'list',
    expected: `a comma-separated list of panels, each once, from ${ALL_PANELS.join(', ')}`,
    parse: (raw) => {
      const panels = list.parse(raw);
      return panels && canonical(panels);
    },
    format: (panels) => canonical(panels).join(','),
  };
})();

/** A step, or `none` for "no step" — so a link can say explicitly that nothing fails. */
export const stepOrNone: Codec<StepId | 'none'> = enumCodec([...LINK_STEP_IDS, 'none'] as const);

/** A step of the given definition (any well-formed id when unknown), or `none`. */
export function stepOrNoneFor(steps?: readonly string[]): Codec<StepId | 'none'> {
  if (steps) return enumCodec([...steps, 'none']);
  const step = stepCodecFor();
  return { ...step, expected: `${step.expected}, or none`, parse: (raw) => (raw === 'none' ? 'none' : step.parse(raw)) };
}

/** Removes zero counts: `payment:0` means the same as not mentioning payment. */
export function nonZero<V>(map: Partial<Record<StepId, V | 0>> | undefined): Partial<Record<StepId, V>> {
  const out: Partial<Record<StepId, V>> = {};
  // The built-in sagas' steps first (one spelling), then any other definition's, in the map's order.
  for (const step of [...LINK_STEP_IDS, ...Object.keys(map ?? {}).filter((k) => !LINK_STEP_IDS.includes(k))]) {
    const v = map?.[step];
    if (v !== undefined && v !== 0) out[step] = v as V;
  }
  return out;
}
