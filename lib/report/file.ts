import { IngestError, type IngestedText, readReportFile } from '../ingest';
import { type ParseOptions, parseReport } from './parse';
import { type ReportDocument, reportDocumentSchema } from './schema';

/** Why one file could not become a document, in plain words. */
export class ReportFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ReportFileError';
  }
}

/** Read, parse and validate one report file. Throws ReportFileError, nothing else. */
export async function parseReportFile(path: string, options: ParseOptions & { maxBytes?: number } = {}): Promise<ReportDocument> {
  let ingested: IngestedText;
  try {
    ingested = await readReportFile(path, { maxBytes: options.maxBytes });
  } catch (error) {
    throw new ReportFileError(path, error instanceof IngestError ? error.message : `unreadable: ${String((error as Error)?.message ?? error)}`);
  }
  let doc: ReportDocument;
  try {
    doc = parseReport(
      ingested.text,
      {
        fileName: ingested.fileName,
        format: ingested.format,
        encoding: ingested.encoding,
        sha256: ingested.sha256,
        bytes: ingested.bytes,
      },
      options,
    );
  } catch (error) {
    throw new ReportFileError(path, `parse failed: ${(error as Error)?.message ?? String(error)}`);
  }
  const valid = reportDocumentSchema.safeParse(doc);
  if (!valid.success) {
    const issue = valid.error.issues[0];
    throw new ReportFileError(path, `invalid document: ${issue.path.join('.')}: ${issue.message}`);
  }
  return valid.data;
}
