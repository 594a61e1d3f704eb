import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config } from '../config';
import { countFailed, type IndexedReport, toIndexedReport, toStoredReport } from '../document/indexed-report';
import { createMeiliClient, describeMeiliError, type MeiliConnection } from '../engine/client';
import { bumpIndexGeneration } from '../engine/generation';
import {
  buildIndexName,
  countDocuments,
  dropIndexQuietly,
  dropStaleBuildIndexes,
  enqueueDeletion,
  enqueueDocuments,
  enqueueNdjson,
  indexedSummaries,
  ndjsonLine,
  prepareIndex,
  swapIntoServing,
  waitForTask,
} from '../engine/indexes';
import { PARSER_VERSION, parseReportFile, ReportFileError, reportId } from '../report';
import { CrossYearTracker, crossYearChecks, type YearEntry } from './cross-year';
import { mapOrdered } from './pool';
import { type ProgressReporter, silentProgress } from './progress';
import { countReportFiles, type WalkItem, walkReportFiles } from './walk';

/**
 * One indexing run, as a library function the script, the portal, the benchmark and the tests
 * share. Files stream through: walk → parse (a few in flight) → batches of 500 to Meilisearch;
 * only small per-report figures stay in memory for duplicates and cross-year checks, which are
 * sent as partial updates after the last batch.
 *
 * Full run: a fresh `<index>_build_<time>` index is filled, then swapped in atomically; when
 * anything fails before the swap, the build index is dropped and the serving index is untouched.
 * Incremental run: files whose content hash (the report id) is already indexed are skipped;
 * new and changed files go straight into the serving index (a changed file replaces the document
 * it had before).
 */

export interface IndexRunOptions {
  paths: readonly string[];
  connection: MeiliConnection;
  /** The serving index (MEILI_INDEX). */
  index: string;
  incremental?: boolean;
  /** Files parsed at once. */
  concurrency?: number;
  batchSize?: number;
  /** Where the JSON run report goes; null for none. Default: the data folder's runs/ (config().data.runs). */
  runsDir?: string | null;
  progress?: ProgressReporter;
  signal?: AbortSignal;
  /** `sourcePath` is stored relative to this folder when the file is inside it. */
  baseDir?: string;
  /** Who or what started the run (e.g. `{ by: 'admin@example.org', trigger: 'admin' }`): kept in the result and the run report. */
  meta?: Record<string, string>;
}

interface FileFailure {
  file: string;
  reason: string;
}

interface DuplicateFile {
  file: string;
  duplicateOf: string;
  reason: string;
}

export interface IndexRunResult {
  mode: 'full' | 'incremental';
  index: string;
  url: string;
  paths: string[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Files read (or skipped as unchanged). */
  files: number;
  indexed: number;
  unchanged: number;
  /** Incremental: documents of changed files that were replaced. */
  replaced: number;
  failed: FileFailure[];
  duplicates: DuplicateFile[];
  crossYear: { compared: number; failed: number; updated: number };
  /** Where the time went, in ms: reading and sending, waiting for the engine, the cross-year pass, the swap. */
  timings: { read: number; engine: number; crossYear: number; swap: number };
  /** Documents in the serving index at the end; null when it could not be read. */
  documentsInIndex: number | null;
  /** Why nothing could be done (unreachable server, no files, interrupted); null otherwise. */
  fatal: string | null;
  /** 0 all went in, 1 some files failed, 2 nothing could be done, 130 interrupted. */
  exitCode: 0 | 1 | 2 | 130;
  runReport: string | null;
  /** IndexRunOptions.meta, when given. */
  meta?: Record<string, string>;
}

class RunAborted extends Error {}
class NothingToIndex extends Error {}

type Prepared =
  | { kind: 'failed'; file: string; reason: string }
  | { kind: 'unchanged'; file: string; id: string }
  | { kind: 'doc'; file: string; record: IndexedReport };

interface PendingBatch {
  taskUid: number;
  files: Array<{ path: string; id: string }>;
}

interface KnownDocument {
  path: string | null;
  parserVersion: number | null;
}

const MAX_BATCH_BYTES = 40 * 1024 * 1024;

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function relativeTo(baseDir: string, file: string): string {
  const relative = path.relative(baseDir, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

function isMeiliError(error: unknown): boolean {
  const name = (error as Error)?.name ?? '';
  return name.startsWith('Meilisearch') || name === 'MeiliTaskError';
}

function duplicateKey(record: Pick<IndexedReport, 'bodyKey' | 'year'>): string | null {
  return record.bodyKey && record.year ? `${record.bodyKey}#${record.year}` : null;
}

export function runReportFileName(at: Date): string {
  return `${at.toISOString().replace(/:/g, '-').replace('.', '-')}.json`;
}

export async function runIndex(options: IndexRunOptions): Promise<IndexRunResult> {
  const started = new Date();
  const mode = options.incremental ? 'incremental' : 'full';
  const progress = options.progress ?? silentProgress;
  const batchSize = options.batchSize ?? 500;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  // turbopackIgnore (here and below): runtime paths; without it the app build traces the whole project.
  const baseDir = path.resolve(/*turbopackIgnore: true*/ options.baseDir ?? process.cwd());
  const client = createMeiliClient(options.connection);
  const serving = options.index;
  const indexedAt = started.toISOString();

  const result: IndexRunResult = {
    mode,
    index: serving,
    url: options.connection.url,
    paths: options.paths.map((p) => path.resolve(p)),
    startedAt: indexedAt,
    finishedAt: indexedAt,
    durationMs: 0,
    files: 0,
    indexed: 0,
    unchanged: 0,
    replaced: 0,
    failed: [],
    duplicates: [],
    crossYear: { compared: 0, failed: 0, updated: 0 },
    timings: { read: 0, engine: 0, crossYear: 0, swap: 0 },
    documentsInIndex: null,
    fatal: null,
    exitCode: 0,
    runReport: null,
    ...(options.meta ? { meta: { ...options.meta } } : {}),
  };

  const tracker = new CrossYearTracker();
  /** Report id → the file it came from (this run or the index): same bytes twice. */
  const knownIds = new Map<string, KnownDocument>();
  /** body + year → file: the same report from two files. */
  const bodyYears = new Map<string, string>();
  /** Incremental: file → the id its document has in the index. */
  const idByPath = new Map<string, { id: string; bodyKey: string | null; year: number | null }>();
  const pending: PendingBatch[] = [];
  const toDelete: string[] = [];
  const movedPaths: Array<{ id: string; sourcePath: string }> = [];
  let target = serving;
  let buildIndex: string | null = null;
  let swapped = false;

  const checkAbort = () => {
    if (options.signal?.aborted) throw new RunAborted();
  };

  try {
    // Reachable, and the key works, before anything is read.
    await client.getIndexes({ limit: 1 });

    const total = await countReportFiles(options.paths);
    if (total === 0) throw new NothingToIndex(`no report files found in ${options.paths.join(', ')} (supported: .txt .md .doc .docx .pdf .html)`);

    if (mode === 'full') {
      const stale = await dropStaleBuildIndexes(client, serving, started);
      if (stale.length > 0) progress.note(`dropped ${stale.length} build index(es) left by interrupted runs`);
      buildIndex = buildIndexName(serving, started);
      target = buildIndex;
      await prepareIndex(client, buildIndex);
    } else {
      await prepareIndex(client, serving);
      for await (const doc of indexedSummaries(client, serving)) {
        knownIds.set(doc.id, { path: doc.sourcePath, parserVersion: doc.parserVersion });
        if (doc.sourcePath) idByPath.set(doc.sourcePath, { id: doc.id, bodyKey: doc.bodyKey, year: doc.year });
        const key = duplicateKey(doc);
        if (key && doc.sourcePath) bodyYears.set(key, doc.sourcePath);
        if (doc.bodyKey && doc.year && doc.yearFigures) {
          tracker.set(doc.bodyKey, {
            id: doc.id,
            year: doc.year,
            figures: doc.yearFigures,
            failedChecks: doc.failedChecks,
            storedChecks: JSON.stringify(doc.crossYearChecks),
          });
        }
      }
    }
    checkAbort();

    progress.start(total);
    let phaseStart = performance.now();
    const lap = (name: keyof IndexRunResult['timings']) => {
      const now = performance.now();
      result.timings[name] = Math.round(now - phaseStart);
      phaseStart = now;
    };
    const report = () =>
      progress.update({
        done: result.files,
        total,
        indexed: result.indexed,
        unchanged: result.unchanged,
        failed: result.failed.length,
        duplicates: result.duplicates.length,
      });

    const prepare = async (item: WalkItem): Promise<Prepared> => {
      if (item.kind === 'invalid') return { kind: 'failed', file: item.file, reason: item.reason };
      try {
        if (mode === 'incremental') {
          const id = reportId(await hashFile(item.file));
          if (knownIds.get(id)?.parserVersion === PARSER_VERSION) return { kind: 'unchanged', file: item.file, id };
        }
        const doc = await parseReportFile(item.file, item.partial ? { partial: true } : {});
        return { kind: 'doc', file: item.file, record: toIndexedReport(doc, relativeTo(baseDir, item.file), indexedAt) };
      } catch (error) {
        const reason = error instanceof ReportFileError ? error.reason : `unreadable: ${(error as Error)?.message ?? String(error)}`;
        return { kind: 'failed', file: item.file, reason };
      }
    };

    // The batch holds serialised lines, not documents: a parsed report is dropped once it is a line.
    let batch: Buffer[] = [];
    let batchFiles: PendingBatch['files'] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const taskUid = await enqueueNdjson(client, target, batch);
      pending.push({ taskUid, files: batchFiles });
      batch = [];
      batchFiles = [];
      batchBytes = 0;
    };

    for await (const prepared of mapOrdered(walkReportFiles(options.paths), concurrency, prepare)) {
      checkAbort();
      result.files++;
      const sourcePath = relativeTo(baseDir, prepared.file);
      if (prepared.kind === 'failed') {
        result.failed.push({ file: sourcePath, reason: prepared.reason });
      } else if (prepared.kind === 'unchanged') {
        const known = knownIds.get(prepared.id)!;
        if (known.path === sourcePath || known.path === null) {
          result.unchanged++;
        } else if (existsSync(path.resolve(/*turbopackIgnore: true*/ baseDir, known.path))) {
          result.duplicates.push({ file: sourcePath, duplicateOf: known.path, reason: 'same content as a file already indexed' });
        } else {
          // The file moved: same report, new place.
          movedPaths.push({ id: prepared.id, sourcePath });
          known.path = sourcePath;
          result.unchanged++;
        }
      } else {
        const record = prepared.record;
        const sameBytes = knownIds.get(record.id);
        const key = duplicateKey(record);
        const sameBody = key ? bodyYears.get(key) : undefined;
        if (sameBytes && sameBytes.path !== sourcePath && sameBytes.path !== null) {
          result.duplicates.push({ file: sourcePath, duplicateOf: sameBytes.path, reason: 'same content as another file' });
        } else if (sameBody && sameBody !== sourcePath) {
          result.duplicates.push({
            file: sourcePath,
            duplicateOf: sameBody,
            reason: `same body and year (${record.organization} ${record.year}) as another file`,
          });
        } else {
          const previous = idByPath.get(sourcePath);
          if (previous && previous.id !== record.id) {
            // A changed file: its old document goes.
            toDelete.push(previous.id);
            const previousKey = duplicateKey(previous);
            if (previousKey && bodyYears.get(previousKey) === sourcePath) bodyYears.delete(previousKey);
            if (previous.bodyKey && previous.year) tracker.delete(previous.bodyKey, previous.year, previous.id);
            knownIds.delete(previous.id);
          }
          knownIds.set(record.id, { path: sourcePath, parserVersion: record.parserVersion });
          if (key) bodyYears.set(key, sourcePath);
          if (record.bodyKey && record.year) {
            const entry: YearEntry = { id: record.id, year: record.year, figures: record.yearFigures, failedChecks: record.failedChecks, storedChecks: '[]' };
            // When last year's report is already known, its checks go in with the document; the
            // reports whose previous year comes later get them in the pass after the last batch.
            const previousYear = tracker.get(record.bodyKey, record.year - 1);
            if (previousYear) {
              const checks = crossYearChecks(entry, previousYear);
              record.crossYearChecks = checks;
              record.failedChecksTotal = record.failedChecks + countFailed(checks);
              record.hasFailedChecks = record.failedChecksTotal > 0;
              entry.storedChecks = JSON.stringify(checks);
            }
            tracker.set(record.bodyKey, entry);
          }
          const line = ndjsonLine(toStoredReport(record));
          batch.push(line);
          batchFiles.push({ path: sourcePath, id: record.id });
          batchBytes += line.length;
          result.indexed++;
          if (batch.length >= batchSize || batchBytes >= MAX_BATCH_BYTES) await flush();
        }
      }
      report();
    }
    await flush();
    progress.stop();
    lap('read');
    checkAbort();

    if (toDelete.length > 0) {
      const uid = await enqueueDeletion(client, target, toDelete);
      pending.push({ taskUid: uid, files: [] });
      result.replaced = toDelete.length;
    }
    if (movedPaths.length > 0) pending.push({ taskUid: await enqueueDocuments(client, target, movedPaths, 'update'), files: [] });

    if (pending.length > 0) progress.note(`waiting for Meilisearch to finish indexing ${result.indexed} document(s)…`);
    const refused = new Set<string>();
    for (const batchTask of pending) {
      const task = await waitForTask(client, batchTask.taskUid);
      checkAbort();
      if (task.status === 'succeeded') continue;
      const reason = `Meilisearch refused the batch: ${task.error?.message ?? task.status}`;
      if (batchTask.files.length === 0) throw new Error(reason);
      for (const file of batchTask.files) {
        result.failed.push({ file: file.path, reason });
        refused.add(file.id);
      }
      result.indexed -= batchTask.files.length;
    }
    if (refused.size > 0) tracker.deleteIds(refused);
    lap('engine');

    // Second pass: cross-year checks as partial updates of the reports they concern.
    const updates = [...tracker.updates()];
    for (let i = 0; i < updates.length; i += batchSize) {
      const uid = await enqueueDocuments(client, target, updates.slice(i, i + batchSize), 'update');
      const task = await waitForTask(client, uid);
      if (task.status !== 'succeeded') throw new Error(`Meilisearch refused the cross-year updates: ${task.error?.message ?? task.status}`);
    }
    result.crossYear = { ...tracker.summary(), updated: updates.length };
    lap('crossYear');
    checkAbort();

    if (mode === 'full') {
      if (result.indexed === 0) {
        throw new NothingToIndex('no document could be indexed; the serving index is unchanged');
      }
      await swapIntoServing(client, serving, buildIndex!);
      swapped = true;
      buildIndex = null;
      lap('swap');
    }
    result.documentsInIndex = await countDocuments(client, serving);
    result.exitCode = result.failed.length > 0 ? 1 : 0;
  } catch (error) {
    progress.stop();
    if (error instanceof RunAborted) {
      result.fatal = mode === 'full' ? 'interrupted: the serving index is unchanged' : 'interrupted: some new files may already be indexed';
      result.exitCode = 130;
    } else if (error instanceof NothingToIndex) {
      result.fatal = error.message;
      result.exitCode = result.failed.length > 0 ? 1 : 2;
    } else if (isMeiliError(error)) {
      result.fatal = describeMeiliError(error, options.connection.url);
      result.exitCode = 2;
    } else {
      result.fatal = (error as Error)?.message ?? String(error);
      result.exitCode = 2;
    }
    if (buildIndex && !swapped) await dropIndexQuietly(client, buildIndex);
  }

  // Whatever happened, the serving index may have changed: this process's cached answers are old.
  bumpIndexGeneration();
  const finished = new Date();
  result.finishedAt = finished.toISOString();
  result.durationMs = finished.getTime() - started.getTime();
  // Nothing to record when the engine could not even be reached.
  const touchedNothing = result.exitCode === 2 && result.files === 0;
  const runsDir = options.runsDir === undefined ? config().data.runs : options.runsDir;
  result.runReport = touchedNothing ? null : writeRunReport(runsDir, started, result);
  return result;
}

function writeRunReport(dir: string | null, started: Date, result: IndexRunResult): string | null {
  if (!dir) return null;
  try {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, runReportFileName(started));
    writeFileSync(file, `${JSON.stringify({ ...result, runReport: file }, null, 2)}\n`);
    return file;
  } catch {
    return null;
  }
}
