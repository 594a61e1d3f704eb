/** What the bytes of a file look like, whatever its name says. Sites often serve HTML or RTF as .doc. */
export type ContentKind = 'pdf' | 'zip' | 'ole' | 'rtf' | 'html' | 'unknown';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[at + i] !== bytes[i]) return false;
  return true;
}

/** The first bytes as Latin-1, so ASCII markers can be searched whatever the encoding. */
function head(buf: Uint8Array, length: number): string {
  const end = Math.min(buf.length, length);
  let s = '';
  for (let i = 0; i < end; i++) s += String.fromCharCode(buf[i]!);
  return s;
}

function hasUtf16Html(buf: Uint8Array): boolean {
  // "<" followed by NUL (LE) or preceded by NUL (BE), after a BOM: HTML saved as UTF-16.
  const bomLe = startsWith(buf, [0xff, 0xfe]);
  const bomBe = startsWith(buf, [0xfe, 0xff]);
  if (!bomLe && !bomBe) return false;
  const text = new TextDecoder(bomLe ? 'utf-16le' : 'utf-16be').decode(buf.subarray(0, 2048));
  return looksLikeHtml(text);
}

function looksLikeHtml(text: string): boolean {
  const start = text
    .replace(/^[\ufeff\s]+/, '')
    .slice(0, 1024)
    .toLowerCase();
  if (/^<!doctype\s+html/.test(start) || /^<html[\s>]/.test(start)) return true;
  if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>])/.test(start)) return true;
  // Pages that open with a comment or a <meta>/<head> before <html>
  return /^(<!--[\s\S]*?-->\s*)*<(head|meta|body|title)[\s>]/.test(start) || /<html[\s>][\s\S]*<(head|body)[\s>]/.test(start);
}

export function sniffContent(buf: Uint8Array): ContentKind {
  if (startsWith(buf, OLE_MAGIC)) return 'ole';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  const start = head(buf, 1024);
  if (start.includes('%PDF-')) return 'pdf';
  const trimmed = start.replace(/^(\xef\xbb\xbf)?\s*/, '');
  if (trimmed.startsWith('{\\rtf')) return 'rtf';
  if (looksLikeHtml(trimmed) || hasUtf16Html(buf)) return 'html';
  return 'unknown';
}
