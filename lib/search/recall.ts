import { spaceHan } from '../document/search-copies';
import { toSimplified } from '../region/traditional';

/**
 * Chinese recall. Meilisearch segments Chinese with jieba and matches whole words (or a prefix of
 * the last query word), so a term that jieba cut differently in the report and in the query is
 * missed: 城镇 in 海城镇 (海城|镇), 龙江 in 黑龙江 (one word), 办公厅 in 人民政府办公厅, 委员会 in
 * 科学技术委员会; and unrelated words match instead (依申请 → 依 + 申请 finds 沙依巴克区).
 *
 * So the index never sees jieba's words: the searchable fields hold the report's text with a space
 * around every Han character (`spaceHan`, lib/document/search-copies.ts), each character becoming one word, and every query term
 * becomes a phrase of those characters (`toEngineQuery`). A phrase matches only consecutive
 * positions, so a term is found exactly where its characters stand together in the text: the
 * substring search people expect, whatever jieba thinks a word is. Both sides use this one function,
 * so they always cut alike.
 */

const HAN = /\p{Script=Han}/u;
/** Meilisearch reads only the first ten words of a query (a phrase counts as one). */
const MAX_QUERY_TERMS = 10;

/** Letters and digits; anything else (punctuation, quotes, `-`, operators) separates terms. */
const TERM = /[\p{L}\p{N}]+/gu;

/**
 * The terms of a query as the index knows them: traditional characters made simplified (reports are
 * indexed in simplified script), split on anything that is not a letter or a digit, lower-cased,
 * without duplicates, at most ten. These are also the strings to highlight.
 */
export function searchTerms(q: string): string[] {
  if (!q.trim()) return [];
  const simplified = HAN.test(q) ? toSimplified(q) : q;
  const terms: string[] = [];
  for (const match of simplified.normalize('NFKC').toLowerCase().matchAll(TERM)) {
    const term = match[0];
    if (!terms.includes(term)) terms.push(term);
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  return terms;
}

/**
 * The `q` sent to Meilisearch: a Han term as a quoted phrase of its characters; a term without Han
 * characters as a plain word (so its last one still matches as a prefix). Terms hold only letters
 * and digits, so no quote or operator of the user's ever reaches the engine.
 */
export function toEngineQuery(terms: readonly string[]): string {
  return terms.map((term) => (HAN.test(term) ? `"${spaceHan(term)}"` : term)).join(' ');
}
