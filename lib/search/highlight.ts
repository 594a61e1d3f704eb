import type { HighlightedText } from './types';

/**
 * Highlights and snippets, computed here rather than by the engine: the index matches a query term
 * where its characters stand together in the text (see recall.ts), which is a substring match, so
 * finding the same places here marks exactly what matched, costs microseconds (Meilisearch's crop
 * re-segments each hit's whole text: ~4 ms a hit) and yields plain-text segments that a page
 * renders as text, whatever markup the report contains.
 *
 * Pure and small: the report page may import it (with terms from `searchTerms`) to mark the
 * search terms in the sections.
 */

const HAN = /\p{Script=Han}/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One pattern for all terms, longest first. Whitespace next to a Han character does not separate
 * words (PDF text breaks lines anywhere), so it may appear inside a term's match there.
 */
function buildPattern(terms: readonly string[]): RegExp | null {
  const parts = [...new Set(terms.filter((t) => t.length > 0))]
    .sort((a, b) => b.length - a.length)
    .map((term) => {
      const chars = Array.from(term);
      let source = escapeRegExp(chars[0]);
      for (let i = 1; i < chars.length; i++) {
        const joint = HAN.test(chars[i - 1]) || HAN.test(chars[i]) ? '\\s*' : '';
        source += joint + escapeRegExp(chars[i]);
      }
      return source;
    });
  // Case-insensitive only when a term has cased letters: the `i` flag slows Han-only scans down.
  const cased = terms.some((t) => t.toLowerCase() !== t.toUpperCase());
  return parts.length ? new RegExp(parts.join('|'), cased ? 'gi' : 'g') : null;
}

/** A page of results highlights the same terms twenty times: keep the last pattern. */
let lastPattern: { key: string; pattern: RegExp | null } | null = null;

function termPattern(terms: readonly string[]): RegExp | null {
  const key = terms.join('\u0000');
  if (lastPattern?.key !== key) lastPattern = { key, pattern: buildPattern(terms) };
  return lastPattern.pattern;
}

interface Match {
  start: number;
  end: number;
  /** The term it matched, normalised, to count distinct terms. */
  key: string;
}

/** Matches starting in [from, until), at most `limit`. */
function findMatches(text: string, terms: readonly string[], limit: number, from = 0, until = Infinity): Match[] {
  const pattern = termPattern(terms);
  if (!pattern) return [];
  const matches: Match[] = [];
  pattern.lastIndex = from;
  for (let m = pattern.exec(text); m !== null && m.index < until; m = pattern.exec(text)) {
    const found = m[0];
    if (found.length === 0) {
      pattern.lastIndex++;
      continue;
    }
    matches.push({ start: m.index, end: m.index + found.length, key: /\s/.test(found) ? found.replace(/\s+/g, '').toLowerCase() : found.toLowerCase() });
    if (matches.length === limit) break;
  }
  return matches;
}

function push(segments: HighlightedText, text: string, hit: boolean): void {
  if (!text) return;
  const last = segments[segments.length - 1];
  if (last && last.hit === hit) last.text += text;
  else segments.push({ text, hit });
}

function segmentsOf(text: string, matches: readonly Match[], from: number, to: number, tidy: (s: string) => string): HighlightedText {
  const segments: HighlightedText = [];
  let at = from;
  for (const m of matches) {
    if (m.end <= from || m.start >= to) continue;
    const start = Math.max(m.start, at);
    const end = Math.min(m.end, to);
    if (start >= end) continue;
    push(segments, tidy(text.slice(at, start)), false);
    push(segments, tidy(text.slice(start, end)), true);
    at = end;
  }
  push(segments, tidy(text.slice(at, to)), false);
  return segments;
}

/** The whole text as segments, with every occurrence of the terms marked. */
export function highlight(text: string, terms: readonly string[]): HighlightedText {
  if (!text) return [];
  return segmentsOf(text, findMatches(text, terms, Infinity), 0, text.length, (s) => s);
}

/** Line breaks and runs of spaces read as one space in a one-line snippet. */
const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** Never cut a surrogate pair (characters outside the BMP, e.g. rare place-name characters). */
function safeStart(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xdc00 && code <= 0xdfff ? i + 1 : i;
}
function safeEnd(text: string, i: number): number {
  const code = text.charCodeAt(i - 1);
  return code >= 0xd800 && code <= 0xdbff ? i - 1 : i;
}

const SNIPPET_MATCHES = 100;

export interface SnippetOptions {
  /** Characters in the passage (default 100). */
  length?: number;
}

/**
 * A short passage around the terms: the window holding the most distinct terms (then the most
 * matches, then the earliest), with a little text before the first. Without any match, the
 * opening of the text, unmarked. No "…" is added: the page marks the cut ends.
 */
export function snippet(text: string, terms: readonly string[], options: SnippetOptions = {}): HighlightedText {
  const length = options.length ?? 100;
  if (!text) return [];
  // One term: its first occurrence. Several: the window with the most of them, among the first matches.
  const candidates = findMatches(text, terms, terms.length === 1 ? 1 : SNIPPET_MATCHES);
  let start = 0;
  if (candidates.length > 0) {
    const lead = Math.floor(length / 5);
    let best = { score: -1, count: -1, start: 0, first: 0 };
    for (let i = 0; i < candidates.length; i++) {
      const windowStart = Math.max(0, candidates[i].start - lead);
      const windowEnd = windowStart + length;
      const keys = new Set<string>();
      let count = 0;
      for (let j = i; j < candidates.length && candidates[j].start < windowEnd; j++) {
        keys.add(candidates[j].key);
        count++;
      }
      if (keys.size > best.score || (keys.size === best.score && count > best.count))
        best = { score: keys.size, count, start: windowStart, first: candidates[i].start };
    }
    // Start at the sentence or line the first match is in, when that is near.
    const before = text.slice(best.start, best.first);
    const boundary = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('！'), before.lastIndexOf('？'));
    start = boundary >= 0 ? best.start + boundary + 1 : best.start;
  }
  start = safeStart(text, start);
  let end = Math.min(text.length, start + length);
  const matches = candidates.length ? findMatches(text, terms, Infinity, start, end) : [];
  // Finish a match the window cuts in half.
  for (const m of matches) if (m.end > end) end = m.end;
  end = safeEnd(text, end);

  const segments = segmentsOf(text, matches, start, end, collapse);
  if (segments.length > 0) {
    segments[0].text = segments[0].text.replace(/^ /, '');
    const last = segments[segments.length - 1];
    last.text = last.text.replace(/ $/, '');
  }
  return segments.filter((s) => s.text.length > 0);
}
