/** Why a report file could not be turned into text. The code is stable; the message is for people. */
export type IngestErrorCode =
  | 'unsupported format'
  | 'empty'
  | 'too large'
  | 'no text layer'
  | 'corrupt pdf'
  | 'corrupt docx'
  | 'corrupt doc'
  | 'undecodable text'
  | 'unreadable';

export const INGEST_ERROR_CODES: readonly IngestErrorCode[] = [
  'unsupported format',
  'empty',
  'too large',
  'no text layer',
  'corrupt pdf',
  'corrupt docx',
  'corrupt doc',
  'undecodable text',
  'unreadable',
];

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  readonly fileName: string;

  /** message reads "code: reason", e.g. "corrupt docx: not a zip archive". */
  constructor(code: IngestErrorCode, fileName: string, reason?: string, options?: { cause?: unknown }) {
    super(reason ? `${code}: ${reason}` : code, options);
    this.name = 'IngestError';
    this.code = code;
    this.fileName = fileName;
  }
}

/** A short, single-line reason from an unknown thrown value (library messages can be long). */
export function shortReason(err: unknown, max = 160): string {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : String(err);
  const line = raw.replace(/\s+/g, ' ').trim() || 'unknown error';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
