import { readSidecar, type Sidecar } from '../harvest/sidecar';
import { IngestError, type IngestedText, readReportFile } from '../ingest';
import { originOf, type ParseOptions, parseReport } from './parse';
import { type ReportDocument, type ReportOrigin, reportDocumentSchema } from './schema';

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

/** The report's origin as its harvest sidecar states it. */
function originFromSidecar(sidecar: Sidecar): ReportOrigin {
  return originOf({
    url: sidecar.url,
    finalUrl: sidecar.finalUrl ?? null,
    pageTitle: sidecar.title ?? sidecar.meta?.articleTitle ?? null,
    pageDate: sidecar.publishedAt ?? null,
    siteName: sidecar.meta?.siteName ?? null,
    columnName: sidecar.meta?.columnName ?? null,
    fetchedAt: sidecar.fetchedAt ?? null,
    firstSeenAt: sidecar.firstSeenAt ?? null,
    listingUrl: sidecar.listingUrl ?? null,
    reportPageUrl: sidecar.reportPageUrl ?? null,
    alsoAt: sidecar.alsoAt ?? [],
    versions: (sidecar.versions ?? []).map(({ file, sha256, fetchedAt }) => ({ file, sha256, fetchedAt })),
  });
}

/** The origin of `path` from its `.source.json` sidecar, if it has one; a broken sidecar is a note, not a lost report. */
function sidecarOrigin(path: string): { origin: ReportOrigin | null; note?: string } {
  try {
    const sidecar = readSidecar(path);
    return { origin: sidecar ? originFromSidecar(sidecar) : null };
  } catch (error) {
    return { origin: null, note: `来源信息（.source.json）无法读取，已忽略：${(error as Error).message.slice(0, 120)}` };
  }
}

/**
 * Read, parse and validate one report file, with its harvest sidecar when it has one (or the
 * origin given). Throws ReportFileError, nothing else.
 */
export async function parseReportFile(path: string, options: ParseOptions & { maxBytes?: number } = {}): Promise<ReportDocument> {
  let ingested: IngestedText;
  try {
    ingested = await readReportFile(path, { maxBytes: options.maxBytes });
  } catch (error) {
    throw new ReportFileError(path, error instanceof IngestError ? error.message : `unreadable: ${String((error as Error)?.message ?? error)}`);
  }
  const fromSidecar = options.origin === undefined ? sidecarOrigin(path) : { origin: options.origin };
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
      { ...options, origin: fromSidecar.origin },
    );
    if (fromSidecar.note) doc.parseNotes.push(fromSidecar.note);
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
