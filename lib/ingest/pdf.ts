import { extractText, getDocumentProxy } from 'unpdf';
import { IngestError, shortReason } from './errors';
import { countWordChars } from './normalize';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Fewer real characters (CJK or letters) than this per page means a scan without a text layer. */
const MIN_WORD_CHARS_PER_PAGE = 15;

class PdfTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PdfTimeout(`text extraction took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function pdfReason(err: unknown): string {
  const name = (err as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return 'the PDF is password-protected';
  if (name === 'InvalidPDFException') return 'invalid PDF structure (damaged or truncated file)';
  return shortReason(err);
}

/** PDF text page by page (unpdf keeps the line order), pages joined with a line break. */
export async function readPdf(buf: Uint8Array, fileName: string, timeoutMs: number): Promise<{ text: string; pages: number }> {
  let pdf: PdfDocument | undefined;
  const work = (async () => {
    // pdf.js may take ownership of the bytes, so it gets a copy.
    pdf = await getDocumentProxy(new Uint8Array(buf), { verbosity: 0 });
    return extractText(pdf, { mergePages: false });
  })();
  // Free pdf.js resources once the work settles, also when we stopped waiting for it.
  work.then(
    () => pdf?.loadingTask.destroy().catch(() => undefined),
    () => pdf?.loadingTask.destroy().catch(() => undefined),
  );

  let result: { totalPages: number; text: string[] };
  try {
    result = await withTimeout(work, timeoutMs);
  } catch (err) {
    throw new IngestError('corrupt pdf', fileName, pdfReason(err), { cause: err });
  }

  const text = result.text.join('\n');
  const pages = result.totalPages;
  if (countWordChars(text) < Math.max(1, pages) * MIN_WORD_CHARS_PER_PAGE) {
    throw new IngestError('no text layer', fileName, `no text found on ${pages} page${pages === 1 ? '' : 's'} (a scan needs OCR)`);
  }
  return { text, pages };
}
