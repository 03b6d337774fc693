/**
 * A custom saga definition in a link: the JSON, deflate-raw compressed with the browser's own
 * CompressionStream, then base64url, as one `def` parameter. A link comes from anyone, so the
 * reader caps every size, never throws, and turns every problem into a plain-text warning.
 */

import { definitionProblems } from '../core/definitions/validate';
import { serializeRun } from '../core/runScenario';
import type { SagaDefinitionJson } from '../core/definitions/definition';
import type { ParseQueryOptions } from './queryParam';
import { type ParsedQuery, parseQuery, type Warning } from './urlSchema';

/** The query parameter that carries a custom definition. */
export const DEF_PARAM = 'def';
/** A link longer than this many characters gets a warning: some chat tools, LMSs and servers cut longer ones. */
export const LONG_LINK_LENGTH = 8000;
/** Longest `def` value read, in characters (a definition of eight verbose steps compresses to ~1.5 kB). */
export const MAX_DEF_PARAM_LENGTH = 16_000;
/** Largest decompressed definition read, in bytes: a small "zip bomb" link cannot exhaust memory. */
export const MAX_DEF_JSON_BYTES = 64_000;
/** Longest problem message shown for a bad definition, in characters. */
const MAX_MESSAGE_LENGTH = 240;

/** What reading a `def` value gave: a runnable definition, or the reasons it cannot run. */
export type DecodedDefinition = { ok: true; definition: SagaDefinitionJson } | { ok: false; problems: { path: string; message: string }[] };

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (text: string): Uint8Array | null => {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
};

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array | null> {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The `def` value for a definition: deflate-raw of its JSON, base64url. */
export async function encodeDefinition(definition: SagaDefinitionJson): Promise<string> {
  const bytes = new TextEncoder().encode(serializeRun(definition, 0));
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return toBase64Url(packed ?? new Uint8Array());
}

const clip = (text: string) => (text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text);
const unreadable = (message: string): DecodedDefinition => ({ ok: false, problems: [{ path: '', message }] });

/** The JSON text a packed link value holds (`what` names it in the problem), or why it has none. Never throws. */
export async function unpackJson(text: string, what = 'the saga in the link'): Promise<{ ok: true; json: string } | { ok: false; problems: { path: string; message: string }[] }> {
  const fail = (message: string) => ({ ok: false as const, problems: [{ path: '', message }] });
  if (text.length > MAX_DEF_PARAM_LENGTH) return fail(`${what} is longer than ${MAX_DEF_PARAM_LENGTH} characters`);
  const bytes = fromBase64Url(text);
  if (!bytes) return fail(`${what} is not base64url text (it may have been cut or changed)`);
  try {
    const raw = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_DEF_JSON_BYTES);
    if (!raw) return fail(`${what} unpacks to more than ${MAX_DEF_JSON_BYTES} bytes`);
    return { ok: true, json: new TextDecoder('utf-8', { fatal: true }).decode(raw) };
  } catch {
    return fail(`${what} could not be unpacked (it may have been cut or changed)`);
  }
}

/** Packs any JSON value for a link: deflate-raw of its JSON, base64url. */
export const packJson = (value: unknown): Promise<string> => encodeDefinition(value as SagaDefinitionJson);

/** Reads a `def` value back into a definition, checked by the core's rules. Never throws. */
export async function decodeDefinition(text: string): Promise<DecodedDefinition> {
  const unpacked = await unpackJson(text);
  return unpacked.ok ? checkDefinitionJson(unpacked.json) : unpacked;
}

/** Parses and checks definition JSON text (a file, a paste, a link). Never throws. */
export function checkDefinitionJson(json: string): DecodedDefinition {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return unreadable(`not JSON: ${clip(e instanceof Error ? e.message : String(e))}`);
  }
  return checkDefinitionValue(value);
}

/** Checks a JSON value against the core's definition rules. Never throws. */
export function checkDefinitionValue(value: unknown): DecodedDefinition {
  const problems = definitionProblems(value).map((p) => ({ path: p.path, message: clip(p.message) }));
  return problems.length === 0 ? { ok: true, definition: value as SagaDefinitionJson } : { ok: false, problems };
}

/** Warnings (plain text) for a definition from a link or a host message that cannot run. */
export function definitionWarnings(problems: readonly { path: string; message: string }[], from: 'link' | 'message'): Warning[] {
  const head: Warning = { param: DEF_PARAM, message: `The saga in this ${from} cannot run, so the order saga runs instead. What is wrong with it:` };
  return [head, ...problems.slice(0, 12).map((p) => ({ param: DEF_PARAM, message: p.path ? `${p.path}: ${p.message}` : p.message }))];
}

/** Splits a query string into its `def` value (the first one) and every other parameter. */
export function splitDefinitionParam(search: string): { rest: string; encoded?: string } {
  const params = new URLSearchParams(search);
  const encoded = params.get(DEF_PARAM) ?? undefined;
  if (encoded === undefined) return { rest: search };
  params.delete(DEF_PARAM);
  return { rest: params.toString(), encoded };
}

/** A query string (without `?`) with the encoded definition added last. */
export const withDefinitionParam = (query: string, encoded: string): string => (query ? `${query}&${DEF_PARAM}=${encoded}` : `${DEF_PARAM}=${encoded}`);

/**
 * Reads a whole link: its `def` first (the other parameters' step ids are checked against that
 * saga), then the rest with the URL schema. A `def` that cannot run becomes warnings, and the
 * rest is read against the order saga. Never throws.
 */
export async function parseLink(search: string, options: ParseQueryOptions = {}): Promise<ParsedQuery> {
  const { rest, encoded } = splitDefinitionParam(search);
  if (encoded === undefined) return parseQuery(search, options);
  const decoded = await decodeDefinition(encoded);
  if (!decoded.ok) {
    const parsed = parseQuery(rest, options);
    return { ...parsed, warnings: [...definitionWarnings(decoded.problems, 'link'), ...parsed.warnings] };
  }
  const parsed = parseQuery(rest, { ...options, steps: decoded.definition.steps.map((s) => s.id) });
  return { ...parsed, scenario: { ...parsed.scenario, definition: decoded.definition } };
}
