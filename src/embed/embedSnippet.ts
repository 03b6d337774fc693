/**
 * What the copy-link and copy-embed buttons produce: a share URL that pins the scenario and view,
 * and the `<iframe>` snippet an instructor pastes into a course page.
 */

import type { Scenario } from '../core/types';
import { toQuery } from './urlSchema';
import type { ViewOptions } from './viewOptions';

/** Size and accessible name of the embedded frame. */
export interface EmbedSnippetOptions {
  /** The frame's accessible name. Default "Saga Simulator". */
  title?: string;
  /** Pixels (number or digits) or a percentage such as `'100%'`. Default 100%: the frame fits any column, even on a phone. */
  width?: number | string;
  /** Pixels (number or digits) or a percentage. Default 600 (the starting height, with auto-height). */
  height?: number | string;
  /**
   * The absolute http(s) URL of the simulator's `embed.js`: adds its `<script>` after the frame, and
   * the frame then takes its content's height (the app posts `resize`). Absent: a fixed height.
   */
  resizerUrl?: string;
}

const DEFAULT_TITLE = 'Saga Simulator';
const DEFAULT_WIDTH = '100%';
const DEFAULT_HEIGHT = '600';

/**
 * What the frame may do: scripts, its own origin (it reads its URL and keeps progress in storage),
 * popups ("Open full simulator"), and forms. The app needs no form submission (a course page's
 * sandbox may leave `allow-forms` out); it is listed so the frame behaves the same either way.
 */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-forms';

function httpUrl(url: string, what: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http(s)');
    return parsed.href;
  } catch {
    throw new RangeError(`${what} needs an absolute http or https URL`);
  }
}

/** Escapes text for a double-quoted HTML attribute value. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A size is written only if it is plainly a size; anything else falls back to the default.
function size(value: number | string | undefined, fallback: string): string {
  const text = String(value ?? fallback);
  return /^[0-9]{1,5}%?$/.test(text) ? text : fallback;
}

/**
 * The `<iframe>` snippet for `url`: src and title escaped, lazy loading, sandboxed
 * ({@link EMBED_SANDBOX}), no referrer; with `resizerUrl`, followed by the resizer's `<script>`.
 *
 * @throws RangeError when `url` or `resizerUrl` is not an absolute http(s) URL — a `javascript:`
 * src pasted into a course page would run in that page's frame.
 */
export function embedSnippet(url: string, opts: EmbedSnippetOptions = {}): string {
  const href = httpUrl(url, 'embedSnippet');
  const resizer = opts.resizerUrl === undefined ? undefined : httpUrl(opts.resizerUrl, 'The resizer');
  const attrs: [string, string][] = [
    ['src', href],
    ['title', opts.title?.trim() || DEFAULT_TITLE],
    ['width', size(opts.width, DEFAULT_WIDTH)],
    ['height', size(opts.height, DEFAULT_HEIGHT)],
    ['loading', 'lazy'],
    ['sandbox', EMBED_SANDBOX],
    ['referrerpolicy', 'no-referrer'],
    ['allow', 'clipboard-write'],
  ];
  const frame = `<iframe ${attrs.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')}></iframe>`;
  return resizer ? `${frame}\n<script src="${escapeAttribute(resizer)}" async></script>` : frame;
}

/**
 * The link to this exact run: `baseHref` (the app's address; its own query and hash are replaced)
 * with the scenario and view as query parameters, defaults left out.
 */
export function shareUrl(baseHref: string, scenario: Partial<Scenario>, view: Partial<ViewOptions> = {}): string {
  const url = new URL(baseHref);
  const query = toQuery(scenario, view);
  url.search = query;
  url.hash = '';
  return url.href;
}
