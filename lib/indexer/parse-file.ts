import { type IndexedReport, toIndexedReport } from '../document/indexed-report';
import { parseReportFile, ReportFileError } from '../report';

/** One file to read and parse, as the walk found it. */
export interface ParseJob {
  file: string;
  partial: boolean;
  /** `sourcePath` stored in the record. */
  sourcePath: string;
  /** The run's start, stamped as the record's `indexedAt`. */
  indexedAt: string;
}

export type ParseOutcome = { kind: 'doc'; record: IndexedReport } | { kind: 'failed'; reason: string };

/**
 * Read, parse and shape one file into its index record. Never rejects: a broken file is a
 * failure with its reason, so one bad file cannot stop a run (nor a worker).
 */
export async function parseToRecord(job: ParseJob): Promise<ParseOutcome> {
  try {
    const doc = await parseReportFile(job.file, job.partial ? { partial: true } : {});
    return { kind: 'doc', record: toIndexedReport(doc, job.sourcePath, job.indexedAt) };
  } catch (error) {
    const reason = error instanceof ReportFileError ? error.reason : `unreadable: ${(error as Error)?.message ?? String(error)}`;
    return { kind: 'failed', reason };
  }
}

/** Where files are parsed: on this thread, or in a pool of worker threads (lib/indexer/workers.ts). */
export interface ReportParser {
  parse(job: ParseJob): Promise<ParseOutcome>;
  /** How many parses it can run at once (the run keeps that many, and some more, in flight). */
  readonly threads: number;
  close(): Promise<void>;
}

/** The default: parse on the calling thread (the portal's admin runs, small runs, tests). */
export const inProcessParser: ReportParser = {
  parse: parseToRecord,
  threads: 1,
  close: async () => {},
};
