/**
 * The embed dialog's choices and the snippet they make: lesson or run, autoplay, panels, speed,
 * fixed height or the resizer, a moment of the run, and the host's origin. Pure: the dialog
 * renders it, a test checks every choice reaches the snippet.
 */

import type { Scenario } from '../core/types';
import { isHttpOrigin } from './codecs';
import { embedSnippet, shareUrl } from './embedSnippet';
import { ALL_PANELS, type PanelId, type Speed, type ViewOptions } from './viewOptions';

/** What an instructor picks in the embed dialog. */
export interface EmbedChoices {
  /** The open lesson (from its question) or the run on screen as it is. */
  target: 'lesson' | 'run';
  /** The run plays by itself once loaded (not for a lesson: it waits for the prediction). */
  autoplay: boolean;
  panels: readonly PanelId[];
  speed: Speed;
  /** `'auto'`: the frame takes its content's height (adds `embed.js`); a number: fixed pixels. */
  height: 'auto' | number;
  /** Open the run paused at this stop; absent: from the start (not for a lesson). */
  step?: number;
  /** The course page's origin; empty: any page may embed and hear the frame. */
  parentOrigin: string;
}

/** The snippet and the frame's address, or what is wrong with the choices (the snippet then leaves that choice out). */
export interface EmbedCode {
  url: string;
  code: string;
  problems: string[];
}

/** Height of a frame with the resizer before its first `resize` message arrives. */
export const AUTO_START_HEIGHT = 600;

/**
 * The snippet for `choices`, the app running at `appHref` and showing `scenario` (and `lessonId`,
 * when a lesson is open).
 *
 * @throws RangeError when `appHref` is not http(s) (an app opened from a file cannot be embedded).
 */
export function embedCode(appHref: string, scenario: Partial<Scenario>, lessonId: string | null, choices: EmbedChoices, decorate: (url: string) => string = (u) => u): EmbedCode {
  const problems: string[] = [];
  const origin = choices.parentOrigin.trim();
  const originOk = origin === '' || isHttpOrigin(origin);
  if (!originOk) problems.push(`"${origin.slice(0, 80)}" is not an origin: write it like https://school.example (no path), or leave it empty.`);
  const lesson = choices.target === 'lesson' && lessonId !== null;
  const view: Partial<ViewOptions> = {
    ...(lesson ? { lesson: lessonId } : {}),
    speed: choices.speed,
    panels: ALL_PANELS.filter((p) => choices.panels.includes(p)),
    embed: true,
    ...(!lesson && choices.autoplay ? { autoplay: true } : {}),
    ...(!lesson && choices.step !== undefined ? { step: choices.step } : {}),
    ...(origin && originOk ? { parentOrigin: origin } : {}),
  };
  // A lesson is its own pinned run: the link names the lesson alone.
  // `decorate` adds what only the app knows how to write (a custom saga or lesson, packed).
  const url = decorate(shareUrl(appHref, lesson ? {} : scenario, view));
  const auto = choices.height === 'auto';
  const code = embedSnippet(url, {
    title: lesson ? 'Saga Simulator lesson' : 'Saga Simulator: an interactive saga run',
    height: auto ? AUTO_START_HEIGHT : choices.height,
    ...(auto ? { resizerUrl: new URL('embed.js', url).href } : {}),
  });
  return { url, code, problems };
}
