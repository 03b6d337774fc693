/**
 * Turning untrusted text (a query value, a parameter name) into a short excerpt that is safe to
 * show inside a plain-text warning.
 */

/** Longest excerpt of an untrusted value a warning may quote, in characters. */
export const EXCERPT_LENGTH = 40;

// Whitelist rather than blacklist: anything outside letters, digits and a few harmless punctuation
// marks becomes '?'. That removes markup (`<`, `>`, `&`), quotes that could end an attribute or a
// quoted excerpt, control characters and bidi overrides that could disguise the rest of the message.
const SAFE_CHAR = /^[\p{L}\p{N} .,:;_\-+=/@#%()[\]!?*~$^|]$/u;

/**
 * A plain-text excerpt of untrusted text: at most {@link EXCERPT_LENGTH} characters, every
 * character outside a small safe set replaced by `?`, and `…` appended when it was cut.
 * Never contains `<`, `>`, `&`, quotes or control characters.
 */
export function safeExcerpt(text: string, maxLength: number = EXCERPT_LENGTH): string {
  // Slice before splitting into code points so a 100 kB value costs no more than a short one.
  const head = Array.from(text.slice(0, maxLength * 2)).slice(0, maxLength);
  const cleaned = head.map((ch) => (SAFE_CHAR.test(ch) ? ch : '?')).join('');
  const cut = head.join('').length < text.length;
  return cut ? `${cleaned}…` : cleaned;
}
