import { decodeUtf8Bytes, type Utf8Bytes } from '../engine/utf8-bytes';
import { type SnippetOptions, snippet } from './highlight';
import type { HighlightedText } from './types';

/**
 * Snippets of report texts the engine adapter hands over as UTF-8 bytes (lib/engine/utf8-bytes.ts
 * says why): the first match is looked for among the bytes, and only the span around it is decoded.
 */

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
