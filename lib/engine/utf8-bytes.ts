import { type SnippetOptions, snippet } from '../search/highlight';
import type { HighlightedText } from '../search/types';

/**
 * Report text kept as its UTF-8 bytes, one character per byte (a latin1 string), until a passage
 * of it is shown. Node 20 decodes UTF-8 Chinese at ~130 MB/s: the texts of a page of 20 hits
 * (~200 KB) cost 1.5 ms, a third of what the search API may add to the engine's time, while the
 * snippet needs ~300 bytes of each. Reading the reply as latin1 is ~7× cheaper; short fields are
 * then decoded properly (`repairUtf8`) and the texts only around the first match
 * (`snippetFromUtf8Bytes`).
 *
 * Sound because UTF-8 never uses a byte below 0x80 inside a multi-byte character: JSON's quotes
 * and backslashes are found as they are, and the bytes of a whole character sequence can only
 * match at a character boundary.
 */

export type Utf8Bytes = string & { readonly __utf8Bytes: true };

const NON_ASCII = /[\x80-\xff]/;
const BEYOND_LATIN1 = /[^\x00-\xff]/;

/** A latin1 string back to the text its bytes spell; plain ASCII (most keys and ids) as it is. */
export function decodeUtf8Bytes(bytes: string): string {
  // A character above 0xFF came from a JSON \u escape, so the string is already text.
  if (!NON_ASCII.test(bytes) || BEYOND_LATIN1.test(bytes)) return bytes;
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Decodes every string and key of a parsed reply, except the hits' fields named in `keep`. */
export function repairUtf8<T>(value: T, keep: ReadonlySet<string> = new Set(), inHit = false): T {
  if (typeof value === 'string') return decodeUtf8Bytes(value) as T;
  if (Array.isArray(value)) return value.map((item) => repairUtf8(item, keep, inHit)) as T;
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines properties (a key "__proto__" stays a key).
  return Object.fromEntries(
    Object.entries(value).map(([key, item]): [string, unknown] => {
      if (inHit && keep.has(key)) return [key, item];
      if (key === 'hits' && !inHit && Array.isArray(item)) return [key, item.map((hit) => repairUtf8(hit, keep, true))];
      return [decodeUtf8Bytes(key), repairUtf8(item, keep, false)];
    }),
  ) as T;
}

function toBytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

const HAN = /\p{Script=Han}/u;
/** ASCII whitespace or U+3000 (ideographic space) between characters of a Han term. */
const BYTE_JOINT = '(?:[\\t\\n\\v\\f\\r ]|\\u00e3\\u0080\\u0080)*';

function escapeByte(c: string): string {
  if (/[a-z]/i.test(c)) return `[${c.toLowerCase()}${c.toUpperCase()}]`;
  return c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The terms as a pattern over UTF-8 bytes: ASCII letters either case, spaces allowed next to Han. */
function bytePattern(terms: readonly string[]): RegExp | null {
  const parts = [...new Set(terms.filter((t) => t.length > 0))]
    .sort((a, b) => b.length - a.length)
    .map((term) => {
      const chars = Array.from(term);
      let source = '';
      chars.forEach((char, i) => {
        if (i > 0 && (HAN.test(chars[i - 1]) || HAN.test(char))) source += BYTE_JOINT;
        source += Array.from(toBytes(char), escapeByte).join('');
      });
      return source;
    });
  return parts.length ? new RegExp(parts.join('|')) : null;
}

const isContinuation = (code: number) => code >= 0x80 && code <= 0xbf;

/**
 * `snippet` of a text held as UTF-8 bytes: the first match is found among the bytes, and only a
 * span around it (or the opening, without a match) is decoded and cut as usual.
 */
export function snippetFromUtf8Bytes(bytes: Utf8Bytes, terms: readonly string[], options: SnippetOptions = {}): HighlightedText {
  if (!bytes) return [];
  const length = options.length ?? 100;
  // Up to 3 bytes a character, and room on both sides for the window snippet() picks.
  const span = length * 3 * 2;
  const at = bytePattern(terms)?.exec(bytes)?.index ?? 0;
  let from = Math.max(0, at - span);
  let to = Math.min(bytes.length, at + span);
  while (from > 0 && isContinuation(bytes.charCodeAt(from))) from--;
  while (to < bytes.length && isContinuation(bytes.charCodeAt(to))) to++;
  return snippet(decodeUtf8Bytes(bytes.slice(from, to)), terms, options);
}
