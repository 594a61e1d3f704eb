/**
 * Report text kept as its UTF-8 bytes, one character per byte (a latin1 string), until a passage
 * of it is shown. Node 20 decodes UTF-8 Chinese at ~130 MB/s: the texts of a page of 20 hits
 * (~200 KB) cost 1.5 ms, a third of what the search API may add to the engine's time, while the
 * snippet needs ~300 bytes of each. Reading the reply as latin1 is ~7× cheaper; short fields are
 * then decoded properly (`repairUtf8`) and the texts only around the first match
 * (`snippetFromUtf8Bytes`, lib/search/utf8-snippet.ts).
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
