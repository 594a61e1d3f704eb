/**
 * Report files → plain text. One entry point for every format a disclosure report is published
 * in (.txt/.md, .doc, .docx, .pdf, .html); the bytes decide the reader when the name lies (sites
 * serve HTML and RTF as .doc). Table rows come out as one line with cells joined by '\t', which
 * the parser relies on. Every failure is an IngestError with a stable code and a plain message.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readDoc } from './doc';
import { readDocx } from './docx';
import { decodeText } from './encoding';
import { IngestError, type IngestErrorCode, shortReason } from './errors';
import { checkDepth, decodeHtml, htmlToText } from './html';
import { isBlank, normalizeText } from './normalize';
import { readPdf } from './pdf';
import { rtfToText } from './rtf';
import { type ContentKind, sniffContent } from './sniff';
import { formatBytes } from './zip';

export { INGEST_ERROR_CODES, IngestError, type IngestErrorCode } from './errors';
export { normalizeText } from './normalize';

export type ReportFormat = 'txt' | 'md' | 'doc' | 'docx' | 'pdf' | 'html';

export interface IngestedText {
  /** plain text, '\n' line ends, NFC-normalised, no BOM; table rows are tab-joined lines */
  text: string;
  /** the format the text was read as: follows the content when the name lies (an HTML page named .doc is 'html'; RTF is 'doc') */
  format: ReportFormat;
  /** e.g. 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'big5'; null for binary formats */
  encoding: string | null;
  /** hex SHA-256 of the raw bytes */
  sha256: string;
  /** base name */
  fileName: string;
  bytes: number;
  /** pdf only */
  pages?: number;
}

export interface ReadOptions {
  /** refuse files larger than this (default 50 MB) */
  maxBytes?: number;
  /** refuse a .docx whose zip declares more uncompressed bytes than this (default 200 MB) */
  maxUncompressedBytes?: number;
  /** refuse a .docx whose XML parts (the text, styles, numbering) declare more than this (default 16 MB; images do not count) */
  maxXmlBytes?: number;
  /** give up on PDF text extraction after this long (default 30 s) */
  timeoutMs?: number;
  /** refuse a file whose text is longer than this many characters (default 1,000,000) */
  maxTextChars?: number;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** A long report's document.xml is 1–3 MB; mammoth needs ~20× the XML's size in memory. */
const DEFAULT_MAX_XML_BYTES = 16 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * A report is tens of thousands of characters; a million is a 600-page book. Longer texts are
 * refused: the parser would take seconds and hundreds of MB on them, and their document (text
 * plus its search copy) would pass Meilisearch's 100 MB payload limit and take the whole batch down.
 */
const DEFAULT_MAX_TEXT_CHARS = 1_000_000;

const EXTENSION_FORMATS: Readonly<Record<string, ReportFormat>> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.doc': 'doc',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
};

/** File extensions (lower case, with the dot) that readReportFile accepts. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(EXTENSION_FORMATS));

/** The format a file name claims, or null when its extension is not supported. */
export function formatOf(fileName: string): ReportFormat | null {
  return EXTENSION_FORMATS[extname(fileName).toLowerCase()] ?? null;
}

function unsupported(fileName: string): IngestError {
  const ext = extname(fileName).toLowerCase();
  const what = ext ? `"${ext}" files are not supported` : 'the file name has no extension';
  return new IngestError('unsupported format', fileName, `${what} (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`);
}

function tooLarge(fileName: string, size: number, max: number): IngestError {
  return new IngestError('too large', fileName, `${formatBytes(size)} is over the ${formatBytes(max)} limit`);
}

function tooLong(fileName: string, chars: number, max: number, about: string): IngestError {
  return new IngestError(
    'too large',
    fileName,
    `the text is ${about}${Math.round(chars).toLocaleString('en')} characters, over the ${max.toLocaleString('en')} limit`,
  );
}

export async function readReportFile(path: string, opts: ReadOptions = {}): Promise<IngestedText> {
  const fileName = basename(path);
  try {
    if (!formatOf(fileName)) throw unsupported(fileName);
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new IngestError('unreadable', fileName, 'not a regular file');
      size = info.size;
    } catch (err) {
      if (err instanceof IngestError) throw err;
      const code = (err as { code?: string }).code;
      throw new IngestError('unreadable', fileName, code === 'ENOENT' ? 'file not found' : shortReason(err), { cause: err });
    }
    if (size > maxBytes) throw tooLarge(fileName, size, maxBytes);
    let buf: Buffer;
    try {
      buf = await readFile(path);
    } catch (err) {
      throw new IngestError('unreadable', fileName, shortReason(err), { cause: err });
    }
    return await readReportBuffer(buf, fileName, opts);
  } catch (err) {
    throw asIngestError(err, fileName);
  }
}

export async function readReportBuffer(buf: Uint8Array, fileName: string, opts: ReadOptions = {}): Promise<IngestedText> {
  const name = basename(fileName);
  try {
    return await read(buf, name, opts);
  } catch (err) {
    throw asIngestError(err, name);
  }
}

function asIngestError(err: unknown, fileName: string): IngestError {
  if (err instanceof IngestError) return err;
  return new IngestError('unreadable', fileName, shortReason(err), { cause: err });
}

interface Extracted {
  text: string;
  format: ReportFormat;
  encoding: string | null;
  pages?: number;
}

async function read(buf: Uint8Array, fileName: string, opts: ReadOptions): Promise<IngestedText> {
  const claimed = formatOf(fileName);
  if (!claimed) throw unsupported(fileName);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buf.byteLength > maxBytes) throw tooLarge(fileName, buf.byteLength, maxBytes);
  if (buf.byteLength === 0) throw new IngestError('empty', fileName, 'the file has no content');
  const maxTextChars = opts.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  // No text encoding takes more than 4 bytes a character: a plain text this big is too long before decoding.
  if ((claimed === 'txt' || claimed === 'md') && buf.byteLength > maxTextChars * 4 && sniffContent(buf) === 'unknown')
    throw tooLong(fileName, buf.byteLength / 4, maxTextChars, 'at least ');

  const extracted = await extract(buf, fileName, claimed, opts);
  if (extracted.text.length > maxTextChars * 2) throw tooLong(fileName, extracted.text.length, maxTextChars, 'about ');
  const text = normalizeText(extracted.text);
  if (isBlank(text)) throw new IngestError('empty', fileName, 'no text in the file');
  if (text.length > maxTextChars) throw tooLong(fileName, text.length, maxTextChars, '');

  const result: IngestedText = {
    text,
    format: extracted.format,
    encoding: extracted.encoding,
    sha256: createHash('sha256').update(buf).digest('hex'),
    fileName,
    bytes: buf.byteLength,
  };
  if (extracted.pages !== undefined) result.pages = extracted.pages;
  return result;
}

/** Which reader handles the bytes: the content's magic bytes win over the extension. */
function route(claimed: ReportFormat, kind: ContentKind): ReportFormat | 'rtf' | null {
  switch (kind) {
    case 'pdf':
      return 'pdf';
    case 'zip':
      return 'docx';
    case 'ole':
      return 'doc';
    case 'rtf':
      return claimed === 'txt' || claimed === 'md' ? claimed : 'rtf';
    case 'html':
      // an HTML error page saved as .pdf is not a report; .doc files are often HTML on purpose
      return claimed === 'pdf' ? null : claimed === 'txt' || claimed === 'md' ? claimed : 'html';
    default:
      if (claimed === 'pdf' || claimed === 'docx') return null;
      return claimed === 'doc' ? 'txt' : claimed; // a .doc without any signature may be plain text
  }
}

const CORRUPT_CODE: Partial<Record<ReportFormat, IngestErrorCode>> = { pdf: 'corrupt pdf', docx: 'corrupt docx', doc: 'corrupt doc' };

async function extract(buf: Uint8Array, fileName: string, claimed: ReportFormat, opts: ReadOptions): Promise<Extracted> {
  let kind = sniffContent(buf);
  // A text file that merely mentions "%PDF-" near its start is still text.
  if ((claimed === 'txt' || claimed === 'md') && kind === 'pdf' && !startsWithPdf(buf)) kind = 'unknown';
  const reader = route(claimed, kind);
  const note =
    reader !== null && reader !== claimed && reader !== 'txt' ? ` (file named .${claimed} holds ${reader === 'rtf' ? 'RTF' : reader.toUpperCase()})` : '';

  switch (reader) {
    case null: {
      const code = CORRUPT_CODE[claimed] ?? 'unreadable';
      const looks = kind === 'html' ? 'it is an HTML page' : claimed === 'pdf' ? 'no %PDF header' : 'not a zip archive';
      throw new IngestError(code, fileName, `not a ${claimed.toUpperCase()} file: ${looks}`);
    }
    case 'pdf':
      return withNote(note, async () => {
        const { text, pages } = await readPdf(buf, fileName, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        return { text, format: 'pdf', encoding: null, pages };
      });
    case 'docx':
      return withNote(note, async () => ({
        text: await readDocx(buf, fileName, opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES, opts.maxXmlBytes ?? DEFAULT_MAX_XML_BYTES),
        format: 'docx',
        encoding: null,
      }));
    case 'doc':
      return withNote(note, async () => ({
        text: await readDoc(buf, fileName, claimed === 'docx' ? 'corrupt docx' : 'corrupt doc'),
        format: 'doc',
        encoding: null,
      }));
    case 'rtf':
      return { text: rtfToText(buf), format: 'doc', encoding: null };
    case 'html': {
      const decoded = decodeHtml(buf);
      if (!decoded) throw new IngestError('undecodable text', fileName, 'the page is in no encoding we can read');
      checkDepth(decoded.text, fileName, 'too large');
      return { text: htmlToText(decoded.text, { selectBody: true }), format: 'html', encoding: decoded.encoding };
    }
    case 'txt':
    case 'md': {
      if (claimed === 'doc') return readPlainDoc(buf, fileName);
      const decoded = decodeText(buf);
      if (!decoded) throw new IngestError('undecodable text', fileName, 'the bytes are in no text encoding we can read (binary file?)');
      return { text: decoded.text, format: reader, encoding: decoded.encoding };
    }
  }
}

function startsWithPdf(buf: Uint8Array): boolean {
  return buf[0] === 0x25 && buf[1] === 0x50 && buf[2] === 0x44 && buf[3] === 0x46;
}

/** Errors from a reader the content was routed to say what the file name claimed. */
async function withNote(note: string, fn: () => Promise<Extracted>): Promise<Extracted> {
  if (!note) return fn();
  try {
    return await fn();
  } catch (err) {
    if (err instanceof IngestError && err.code !== 'too large' && err.code !== 'empty') {
      throw new IngestError(err.code, err.fileName, `${err.message.slice(err.code.length + 2)}${note}`, { cause: err });
    }
    throw err;
  }
}

/** A .doc that is neither Word, RTF nor HTML: plain text saved with the wrong name, or junk. */
function readPlainDoc(buf: Uint8Array, fileName: string): Extracted {
  const sample = buf.subarray(0, 4096);
  const decoded = sample.includes(0) ? null : decodeText(buf);
  if (!decoded) throw new IngestError('corrupt doc', fileName, 'not a Word document (no Word, RTF or HTML signature)');
  return { text: decoded.text, format: 'txt', encoding: decoded.encoding };
}
