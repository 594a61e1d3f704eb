import { sniffContent } from '../../ingest/sniff';
import type { Fetched } from '../types';

/**
 * What the fetched bytes are: ingest's sniffer (pdf, zip, ole, rtf, html), plus `text` for bytes
 * that read as plain text in any of the encodings Chinese sites use (UTF-8, GBK, UTF-16 with a
 * BOM). Never the URL's extension nor the Content-Type alone.
 */
export function sniffFetched(body: Uint8Array): Fetched['sniffed'] {
  const kind = sniffContent(body);
  if (kind !== 'unknown' || body.length === 0) return kind;
  return looksLikeText(body) ? 'text' : 'unknown';
}

function looksLikeText(body: Uint8Array): boolean {
  if ((body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff)) return true;
  const end = Math.min(body.length, 4096);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = body[i]!;
    if (byte === 0) return false;
    // Tab, line feed, form feed, carriage return and escape are ordinary in text files.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) control++;
  }
  return control <= end / 100;
}
