import WordExtractor, { type WordDocument } from 'word-extractor';
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import { CELL_PARAGRAPH, ROW_END, TableAwareWordExtractor } from './doc-tables';
import { IngestError, type IngestErrorCode } from './errors';

const CJK_EDGE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

function toBuffer(buf: Uint8Array): Buffer {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Password-protected Office files are OLE containers with an EncryptedPackage stream. */
function isEncryptedOffice(buf: Uint8Array): boolean {
  return toBuffer(buf).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

async function extractWithTables(buf: Buffer): Promise<WordDocument> {
  const reader = new BufferReader(buf);
  await reader.open();
  try {
    return await new TableAwareWordExtractor().extract(reader);
  } finally {
    await reader.close();
  }
}

/** Turns the row and in-cell marks into text: rows end lines, paragraphs inside a cell join. */
function resolveMarks(body: string): string {
  return body.replace(new RegExp(`\\t?${ROW_END}`, 'g'), '\n').replace(new RegExp(`(.?)${CELL_PARAGRAPH}+(.?)`, 'g'), (_, before: string, after: string) => {
    const glue = before && after && CJK_EDGE.test(before) && CJK_EDGE.test(after) ? '' : ' ';
    return `${before}${glue}${after}`;
  });
}

/** Plain words for word-extractor's failures; the original error stays attached as `cause`. */
function docReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/does not seem to be a Word document|Unable to read this type of file/i.test(message)) return 'not a Word document';
  return 'damaged or truncated Word file';
}

/** Legacy Word 97-2003 (.doc, OLE) text. Tables come out one row per line, cells tab-separated. */
export async function readDoc(buf: Uint8Array, fileName: string, code: IngestErrorCode = 'corrupt doc'): Promise<string> {
  if (isEncryptedOffice(buf)) throw new IngestError(code, fileName, 'the document is password-protected');
  const buffer = toBuffer(buf);
  let doc: WordDocument;
  try {
    doc = await extractWithTables(buffer);
  } catch {
    // The table-aware pass leans on word-extractor internals; fall back to the plain reader.
    try {
      doc = await new WordExtractor().extract(buffer);
    } catch (err) {
      throw new IngestError(code, fileName, docReason(err), { cause: err });
    }
  }
  // filterUnicode:false keeps “” and — as written (the default turns them into ASCII).
  return resolveMarks(doc.getBody({ filterUnicode: false }));
}
