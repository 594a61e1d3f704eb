/**
 * The searchable copies of a report's text: a space around every Han character, so that the
 * engine sees each character as a word and a query term, sent as a phrase of its characters,
 * matches exactly where those characters stand together (lib/search/recall.ts explains why; the
 * query side uses this same function, so both always cut alike).
 */

/** A space between a Han character and any non-space neighbour. */
const HAN_BOUNDARY = /(?<=\p{Script=Han})(?=\S)|(?<=\S)(?=\p{Script=Han})/gu;

/** Every Han character as its own word: what the searchable `search.*` fields hold. */
export function spaceHan(text: string): string {
  return text.replace(HAN_BOUNDARY, ' ');
}
