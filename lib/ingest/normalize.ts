/**
 * The one text clean-up every format goes through. It only touches invisible or layout
 * characters: the parser depends on tabs and line breaks, so those are kept as they are.
 */
export function normalizeText(input: string): string {
  const text = input
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\v\u0085\u2028\u2029]/g, '\n')
    .normalize('NFC')
    // non-breaking, ideographic (U+3000) and typographic spaces become a plain space
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    // BOMs and zero-width characters split words for search and carry nothing
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    // NUL and other control characters except tab and newline
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '');
  // spaces at line ends and around tab-separated cells carry no meaning
  return text.replace(/ +$/gm, '').replace(/ *\t */g, '\t');
}

/** True when the text holds nothing but whitespace. */
export function isBlank(text: string): boolean {
  return !/\S/.test(text);
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/g;

/** Number of CJK ideographs in a string. */
export function countCjk(text: string): number {
  return text.match(CJK)?.length ?? 0;
}

/** CJK ideographs plus Latin letters: a rough measure of "real words" in extracted text. */
export function countWordChars(text: string): number {
  return countCjk(text) + (text.match(/[A-Za-z]/g)?.length ?? 0);
}
