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
  /** Pixels (number or digits) or a percentage such as `'100%'`. Default 800. */
  width?: number | string;
  /** Pixels (number or digits) or a percentage. Default 600. */
  height?: number | string;
}

const DEFAULT_TITLE = 'Saga Simulator';
const DEFAULT_WIDTH = '800';
const DEFAULT_HEIGHT = '600';

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
 * The `<iframe>` snippet for `url`: src and title escaped, lazy loading, sandboxed to scripts,
 * same-origin (the app reads its own URL and storage) and popups (links out), no referrer.
 *
 * @throws RangeError when `url` is not an absolute http(s) URL — a `javascript:` src pasted into a
 * course page would run in that page's frame.
 */
export function embedSnippet(url: string, opts: EmbedSnippetOptions = {}): string {
  let href: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http(s)');
    href = parsed.href;
  } catch {
    throw new RangeError('embedSnippet needs an absolute http or https URL');
  }
  const attrs: [string, string][] = [
    ['src', href],
    ['title', opts.title?.trim() || DEFAULT_TITLE],
    ['width', size(opts.width, DEFAULT_WIDTH)],
    ['height', size(opts.height, DEFAULT_HEIGHT)],
    ['loading', 'lazy'],
    ['sandbox', 'allow-scripts allow-same-origin allow-popups'],
    ['referrerpolicy', 'no-referrer'],
    ['allow', 'clipboard-write'],
  ];
  return `<iframe ${attrs.map(([name, value]) => `${name}="${escapeAttribute(value)}"`).join(' ')}></iframe>`;
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
