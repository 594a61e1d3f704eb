import { countFailed, type IndexedReport } from '../document/indexed-report';
import type { IndexedSummary } from '../engine/indexes';
import { CrossYearTracker, crossYearChecks, type YearEntry } from './cross-year';

/**
 * What an indexing run remembers about the reports it has seen (this run's and, for an
 * incremental run, the index's): small figures only, never a whole document. It decides what
 * becomes of each parsed report: indexed, a duplicate of another file, or a changed file whose
 * old document goes.
 */

interface KnownDocument {
  path: string | null;
  parserVersion: number | null;
}

type Verdict = { kind: 'index'; replaces: string | null } | { kind: 'duplicate'; duplicateOf: string; reason: string };

type UnchangedVerdict = { kind: 'unchanged' } | { kind: 'moved' } | { kind: 'duplicate'; duplicateOf: string };

function duplicateKey(record: Pick<IndexedReport, 'bodyKey' | 'year'>): string | null {
  return record.bodyKey && record.year ? `${record.bodyKey}#${record.year}` : null;
}

export class RunLedger {
  readonly tracker = new CrossYearTracker();
  /** Report id → the file it came from (this run or the index): same bytes twice. */
  readonly #knownIds = new Map<string, KnownDocument>();
  /** body + year → file: the same report from two files. */
  readonly #bodyYears = new Map<string, string>();
  /** Incremental: file → the id its document has in the index. */
  readonly #idByPath = new Map<string, { id: string; bodyKey: string | null; year: number | null; fileStamp?: string | null }>();

  /** Incremental runs: a document already in the index. */
  rememberIndexed(doc: IndexedSummary): void {
    this.#knownIds.set(doc.id, { path: doc.sourcePath, parserVersion: doc.parserVersion });
    if (doc.sourcePath) this.#idByPath.set(doc.sourcePath, { id: doc.id, bodyKey: doc.bodyKey, year: doc.year, fileStamp: doc.fileStamp });
    const key = duplicateKey(doc);
    if (key && doc.sourcePath) this.#bodyYears.set(key, doc.sourcePath);
    if (doc.bodyKey && doc.year && doc.yearFigures) {
      this.tracker.set(doc.bodyKey, {
        id: doc.id,
        year: doc.year,
        figures: doc.yearFigures,
        failedChecks: doc.failedChecks,
        storedChecks: JSON.stringify(doc.crossYearChecks),
      });
    }
  }

  /**
   * Incremental runs: the id of the document the index holds for this path when the file's size
   * and modification time (`stamp`) are those it had when indexed, by this parser version; null
   * when the file must be read and hashed.
   */
  unchangedByStamp(sourcePath: string, stamp: string, parserVersion: number): string | null {
    const known = this.#idByPath.get(sourcePath);
    if (!known?.fileStamp || known.fileStamp !== stamp) return null;
    return this.isCurrent(known.id, parserVersion) ? known.id : null;
  }

  /** Whether the index holds this content, parsed by this parser version (incremental runs skip it). */
  isCurrent(id: string, parserVersion: number): boolean {
    return this.#knownIds.get(id)?.parserVersion === parserVersion;
  }

  /**
   * A file whose content is already indexed: the same file, the same content under a new name
   * (`moved`: its document's path changes), or a copy of a file still in place.
   */
  judgeUnchanged(id: string, sourcePath: string, stillThere: (path: string) => boolean): UnchangedVerdict {
    const known = this.#knownIds.get(id)!;
    if (known.path === sourcePath || known.path === null) return { kind: 'unchanged' };
    if (stillThere(known.path)) return { kind: 'duplicate', duplicateOf: known.path };
    known.path = sourcePath;
    return { kind: 'moved' };
  }

  /** What becomes of a parsed report from `sourcePath`; when it is indexed, the ledger takes it in. */
  judge(record: IndexedReport, sourcePath: string): Verdict {
    const sameBytes = this.#knownIds.get(record.id);
    const key = duplicateKey(record);
    const sameBody = key ? this.#bodyYears.get(key) : undefined;
    if (sameBytes && sameBytes.path !== sourcePath && sameBytes.path !== null) {
      return { kind: 'duplicate', duplicateOf: sameBytes.path, reason: 'same content as another file' };
    }
    if (sameBody && sameBody !== sourcePath) {
      return { kind: 'duplicate', duplicateOf: sameBody, reason: `same body and year (${record.organization} ${record.year}) as another file` };
    }
    const replaces = this.#forgetChangedFile(record, sourcePath);
    this.#knownIds.set(record.id, { path: sourcePath, parserVersion: record.parserVersion });
    if (key) this.#bodyYears.set(key, sourcePath);
    this.#trackYear(record);
    return { kind: 'index', replaces };
  }

  /** A changed file: its old document goes, and the ledger forgets it. Returns that document's id. */
  #forgetChangedFile(record: IndexedReport, sourcePath: string): string | null {
    const previous = this.#idByPath.get(sourcePath);
    if (!previous || previous.id === record.id) return null;
    const previousKey = duplicateKey(previous);
    if (previousKey && this.#bodyYears.get(previousKey) === sourcePath) this.#bodyYears.delete(previousKey);
    if (previous.bodyKey && previous.year) this.tracker.delete(previous.bodyKey, previous.year, previous.id);
    this.#knownIds.delete(previous.id);
    return previous.id;
  }

  /**
   * The report's figures for the cross-year checks. When last year's report is already known,
   * its checks go in with the document; the reports whose previous year comes later get them in
   * the pass after the last batch.
   */
  #trackYear(record: IndexedReport): void {
    if (!record.bodyKey || !record.year) return;
    const entry: YearEntry = { id: record.id, year: record.year, figures: record.yearFigures, failedChecks: record.failedChecks, storedChecks: '[]' };
    const previousYear = this.tracker.get(record.bodyKey, record.year - 1);
    if (previousYear) {
      const checks = crossYearChecks(entry, previousYear);
      record.crossYearChecks = checks;
      record.failedChecksTotal = record.failedChecks + countFailed(checks);
      record.hasFailedChecks = record.failedChecksTotal > 0;
      entry.storedChecks = JSON.stringify(checks);
    }
    this.tracker.set(record.bodyKey, entry);
  }
}
