import mammoth from 'mammoth';
import { IngestError, shortReason } from './errors';
import { checkDepth, htmlToText } from './html';
import { checkZip } from './zip';

/** Plain words for mammoth's failures; the original error stays attached as `cause`. */
function docxReason(err: unknown): string {
  const message = shortReason(err);
  if (/xmldom|parse error|unclosed|xml/i.test(message)) return 'damaged document XML';
  if (/main document part/i.test(message)) return 'a zip archive but not a Word document (no main document part)';
  if (/end of central directory|zip/i.test(message)) return 'damaged zip archive';
  return message;
}

/**
 * .docx via mammoth's HTML, so table rows stay rows (one line, cells joined by tabs).
 * The zip is vetted first: a zip bomb is refused before anything is inflated.
 */
export async function readDocx(buf: Uint8Array, fileName: string, maxUncompressedBytes: number, maxXmlBytes = Infinity): Promise<string> {
  const check = await checkZip(
    buf,
    maxUncompressedBytes,
    (names) => (names.some((n) => n === 'word/document.xml' || n === '[Content_Types].xml') ? null : 'a zip archive but not a Word document'),
    maxXmlBytes,
  );
  if (!check.ok) throw new IngestError(check.problem === 'too large' ? 'too large' : 'corrupt docx', fileName, check.reason);

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) },
      // Images become a marker (with their alt text when present) instead of inline base64.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (err) {
    throw new IngestError('corrupt docx', fileName, docxReason(err), { cause: err });
  }
  checkDepth(html, fileName, 'too large');
  return htmlToText(html, { selectBody: false });
}
