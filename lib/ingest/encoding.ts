import chardet from 'chardet';
import iconv from 'iconv-lite';

/**
 * Decoding of plain-text and HTML bytes. Order matters: a BOM is trusted, then BOM-less UTF-16
 * (many NUL bytes), then strict UTF-8 (short GBK text fools statistical detectors, strict UTF-8
 * does not), then GB18030 (a superset of GBK and GB2312) against Big5 by how "common" the
 * double-byte characters are, and chardet only to pick among the remaining candidates.
 */
export interface DecodedText {
  text: string;
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'big5', or another iconv-lite name */
  encoding: string;
}

/** Share of junk characters above which a decoding is refused as nonsense. */
const MAX_BAD_RATIO = 0.1;
/** Share of junk characters a candidate may have to be taken without further doubt. */
const CLEAN_BAD_RATIO = 0.02;

function detectBom(buf: Uint8Array): { encoding: 'utf-8-bom' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { encoding: 'utf-8-bom', length: 3 };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeStrictUtf8(buf: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return null;
  }
}

function decodeUtf16(buf: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  const even = buf.length % 2 === 0 ? buf : buf.subarray(0, buf.length - 1);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(even);
}

/**
 * UTF-16 without a BOM: ASCII characters (digits, spaces, line ends) and CJK characters such as
 * 一 (U+4E00) leave NUL bytes, which text in UTF-8 or GBK never has. Both byte orders are tried
 * and the one that reads as plausible text wins.
 */
function guessUtf16WithoutBom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 1 << 20) & ~1;
  if (n < 4) return null;
  let nul = 0;
  for (let i = 0; i < n; i++) if (buf[i] === 0) nul++;
  if (nul < Math.max(2, n * 0.005)) return null;
  const sample = buf.subarray(0, n);
  const le = plausibleShare(decodeUtf16(sample, 'utf-16le'));
  const be = plausibleShare(decodeUtf16(sample, 'utf-16be'));
  if (Math.max(le, be) < 0.9) return null;
  return le >= be ? 'utf-16le' : 'utf-16be';
}

/** Share of characters a Chinese report is made of: CJK, ASCII, whitespace, CJK and fullwidth punctuation. */
function plausibleShare(text: string): number {
  if (!text) return 0;
  const good = text.match(/[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return good / text.length;
}

/**
 * Share of characters that no real report contains: replacement characters, control characters
 * (other than tab and line ends), private-use characters and lone surrogates.
 */
function badCharRatio(text: string): number {
  let bad = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    total++;
    if (c === 0xfffd || (c < 0x20 && c !== 0x0c && c !== 0x0b) || (c >= 0x7f && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff)) {
      bad++;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else bad++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      bad++;
    }
  }
  return total === 0 ? 0 : bad / total;
}

/**
 * How much of the double-byte text falls in GB2312's frequent hanzi and punctuation rows,
 * read as GBK/GB18030. Near 1 for real simplified-Chinese GBK text; about 0.5 for Big5 bytes.
 */
function gbCommonShare(buf: Uint8Array): number {
  let total = 0;
  let common = 0;
  for (let i = 0; i < buf.length; i++) {
    const lead = buf[i]!;
    if (lead < 0x81 || lead === 0xff) continue;
    total++;
    const trail = buf[i + 1];
    if (trail === undefined) break;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // four-byte GB18030 sequence: valid but rare in reports
      continue;
    }
    if (trail < 0x40 || trail === 0x7f || trail === 0xff) continue; // invalid pair
    i++;
    if (trail >= 0xa1 && ((lead >= 0xb0 && lead <= 0xf7) || (lead >= 0xa1 && lead <= 0xa3))) common++;
  }
  return total === 0 ? 0 : common / total;
}

/** The same for Big5: its frequent hanzi are A440–C67E, punctuation A140–A3FE. */
function big5CommonShare(buf: Uint8Array): number {
  let total = 0;
  let common = 0;
  for (let i = 0; i < buf.length; i++) {
    const lead = buf[i]!;
    if (lead < 0x81 || lead === 0xff) continue;
    total++;
    const trail = buf[i + 1];
    if (trail === undefined) break;
    if (!((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe))) continue;
    i++;
    if (lead >= 0xa1 && lead <= 0xc6) common++;
  }
  return total === 0 ? 0 : common / total;
}

/** Maps a charset label (from <meta>, chardet, …) to the decoder we use, or null if unknown. */
function canonicalCharset(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/_/g, '-');
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (['gb2312', 'gbk', 'gb18030', 'x-gbk', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'csgb2312', 'gb-2312', 'hz-gb-2312'].includes(l)) return 'gb18030';
  if (['big5', 'big5-hkscs', 'cp950', 'x-x-big5', 'csbig5'].includes(l)) return 'big5';
  if (l === 'utf-16' || l === 'utf-16le' || l === 'unicode') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  const name = l === 'shift-jis' ? 'shift_jis' : l;
  return iconv.encodingExists(name) ? name : null;
}

function decodeWith(buf: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return decodeUtf16(buf, encoding);
  return iconv.decode(buf, encoding, { stripBOM: false });
}

/** Multi-byte encodings chardet may name that are worth a try once GB18030 and Big5 fail. */
const CHARDET_CANDIDATES = new Set([
  'big5',
  'utf-16le',
  'utf-16be',
  'utf-32le',
  'utf-32be',
  'shift_jis',
  'euc-jp',
  'euc-kr',
  'iso-2022-jp',
  'iso-2022-kr',
  'iso-2022-cn',
]);

/**
 * Decodes text bytes. `declared` is a charset label the file itself states (HTML <meta>);
 * it is used only when strict UTF-8 fails and it decodes cleanly. Returns null when no
 * decoding gives believable text.
 */
export function decodeText(buf: Uint8Array, declared?: string | null): DecodedText | null {
  const bom = detectBom(buf);
  if (bom) {
    const body = buf.subarray(bom.length);
    const text = bom.encoding === 'utf-8-bom' ? decodeWith(body, 'utf-8') : decodeUtf16(body, bom.encoding);
    return badCharRatio(text) > MAX_BAD_RATIO ? null : { text, encoding: bom.encoding };
  }

  const utf16 = guessUtf16WithoutBom(buf);
  if (utf16) {
    const text = decodeUtf16(buf, utf16);
    if (badCharRatio(text) <= CLEAN_BAD_RATIO * 2) return { text, encoding: utf16 };
  }

  const utf8 = decodeStrictUtf8(buf);
  if (utf8 !== null) return badCharRatio(utf8) > MAX_BAD_RATIO ? null : { text: utf8, encoding: 'utf-8' };

  const declaredCharset = declared ? canonicalCharset(declared) : null;
  if (declaredCharset && declaredCharset !== 'utf-8') {
    const text = decodeWith(buf, declaredCharset);
    if (badCharRatio(text) <= CLEAN_BAD_RATIO) return { text, encoding: declaredCharset };
  }

  const gbText = iconv.decode(buf, 'gb18030');
  const gbBad = badCharRatio(gbText);
  const gbShare = gbCommonShare(buf);
  const big5Share = big5CommonShare(buf);
  if (gbBad <= CLEAN_BAD_RATIO && gbShare >= 0.6 && gbShare >= big5Share) return { text: gbText, encoding: 'gb18030' };

  let big5: DecodedText | null = null;
  if (big5Share > gbShare) {
    const text = iconv.decode(buf, 'big5');
    const bad = badCharRatio(text);
    if (bad <= CLEAN_BAD_RATIO) return { text, encoding: 'big5' };
    if (bad <= MAX_BAD_RATIO) big5 = { text, encoding: 'big5' };
  }

  for (const match of safeAnalyse(buf)) {
    const name = canonicalCharset(match.name);
    if (!name || !CHARDET_CANDIDATES.has(name) || match.confidence < 10) continue;
    let text: string;
    try {
      text = decodeWith(buf, name);
    } catch {
      continue;
    }
    if (badCharRatio(text) <= CLEAN_BAD_RATIO) return { text, encoding: name };
  }

  if (gbBad <= MAX_BAD_RATIO && (!big5 || gbShare >= big5Share)) return { text: gbText, encoding: 'gb18030' };
  return big5;
}

function safeAnalyse(buf: Uint8Array): { name: string; confidence: number }[] {
  try {
    return chardet.analyse(buf.subarray(0, 1 << 20));
  } catch {
    return [];
  }
}
