import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { config } from '../config';
import { type IndexedReport, toStoredReport } from '../document/indexed-report';
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
import { PARSER_VERSION, reportId } from '../report';
import { RunLedger } from './ledger';
import { inProcessParser, type ReportParser } from './parse-file';
import { mapOrdered } from './pool';
import { type ProgressReporter, silentProgress } from './progress';
import { writeRunReport } from './run-report';
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
  /** Files in flight at once (at least twice the parser's threads). */
  concurrency?: number;
  /** Where files are parsed: in-process by default; `createParsePool()` (lib/indexer/workers.ts) for every core. */
  parser?: ReportParser;
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

const MAX_BATCH_BYTES = 40 * 1024 * 1024;

/** A file's size and modification time, as an incremental run compares them. */
function fileStamp(stats: { size: number; mtimeMs: number }): string {
  return `${stats.size}:${Math.trunc(stats.mtimeMs)}`;
}

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

/** A run's result before anything happened (runIndex, and runIndexOnNetwork with its instances as `url`). */
export function emptyResult(options: IndexRunOptions, mode: IndexRunResult['mode'], startedAt: string, url = options.connection.url): IndexRunResult {
  return {
    mode,
    index: options.index,
    url,
    paths: options.paths.map((p) => path.resolve(p)),
    startedAt,
    finishedAt: startedAt,
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
}

/**
 * Batches of serialised documents on their way to the engine: a parsed report is dropped once it
 * is a line. A batch goes when it holds `size` documents or MAX_BATCH_BYTES.
 */
class Batcher {
  readonly pending: PendingBatch[] = [];
  #lines: Buffer[] = [];
  #files: PendingBatch['files'] = [];
  #bytes = 0;

  constructor(
    private readonly client: Meilisearch,
    private readonly target: string,
    private readonly size: number,
  ) {}

  async add(record: IndexedReport, sourcePath: string): Promise<void> {
    const line = ndjsonLine(toStoredReport(record));
    this.#lines.push(line);
    this.#files.push({ path: sourcePath, id: record.id });
    this.#bytes += line.length;
    if (this.#lines.length >= this.size || this.#bytes >= MAX_BATCH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#lines.length === 0) return;
    const taskUid = await enqueueNdjson(this.client, this.target, this.#lines);
    this.pending.push({ taskUid, files: this.#files });
    this.#lines = [];
    this.#files = [];
    this.#bytes = 0;
  }

  /** A task of its own (deletions, path updates) that must succeed with the batches. */
  track(taskUid: number): void {
    this.pending.push({ taskUid, files: [] });
  }
}

/** The phases of one run, in order; each reads and updates the run's result. */
class IndexRun {
  readonly started = new Date();
  readonly mode: IndexRunResult['mode'];
  readonly result: IndexRunResult;
  readonly client: Meilisearch;
  readonly ledger = new RunLedger();
  readonly progress: ProgressReporter;
  readonly batchSize: number;
  readonly baseDir: string;
  /** The index documents go into: the serving one, or a full run's build index. */
  target: string;
  buildIndex: string | null = null;
  #phaseStart = performance.now();

  constructor(private readonly options: IndexRunOptions) {
    this.mode = options.incremental ? 'incremental' : 'full';
    this.result = emptyResult(options, this.mode, this.started.toISOString());
    this.client = createMeiliClient(options.connection);
    this.progress = options.progress ?? silentProgress;
    this.batchSize = options.batchSize ?? 500;
    // turbopackIgnore (here and below): runtime paths; without it the app build traces the whole project.
    this.baseDir = path.resolve(/*turbopackIgnore: true*/ options.baseDir ?? process.cwd());
    this.target = options.index;
  }

  checkAbort(): void {
    if (this.options.signal?.aborted) throw new RunAborted();
  }

  lap(name: keyof IndexRunResult['timings']): void {
    const now = performance.now();
    this.result.timings[name] = Math.round(now - this.#phaseStart);
    this.#phaseStart = now;
  }

  /** The engine answers and the key works, there are files, and the target index is ready. */
  async prepare(): Promise<number> {
    await this.client.getIndexes({ limit: 1 });
    const total = await countReportFiles(this.options.paths);
    if (total === 0) throw new NothingToIndex(`no report files found in ${this.options.paths.join(', ')} (supported: .txt .md .doc .docx .pdf .html)`);
    if (this.mode === 'full') {
      const stale = await dropStaleBuildIndexes(this.client, this.options.index, this.started);
      if (stale.length > 0) this.progress.note(`dropped ${stale.length} build index(es) left by interrupted runs`);
      this.buildIndex = buildIndexName(this.options.index, this.started);
      this.target = this.buildIndex;
      await prepareIndex(this.client, this.buildIndex);
    } else {
      await prepareIndex(this.client, this.options.index);
      for await (const doc of indexedSummaries(this.client, this.options.index)) this.ledger.rememberIndexed(doc);
    }
    this.checkAbort();
    return total;
  }

  /** One file read and parsed (or found unchanged by its hash, in an incremental run). */
  async prepareFile(item: WalkItem): Promise<Prepared> {
    if (item.kind === 'invalid') return { kind: 'failed', file: item.file, reason: item.reason };
    try {
      const sourcePath = relativeTo(this.baseDir, item.file);
      const stamp = fileStamp(await stat(item.file));
      if (this.mode === 'incremental') {
        // Size and mtime as when indexed: unchanged without reading it (docs/scale.md measures it).
        const known = this.ledger.unchangedByStamp(sourcePath, stamp, PARSER_VERSION);
        if (known) return { kind: 'unchanged', file: item.file, id: known };
        const id = reportId(await hashFile(item.file));
        if (this.ledger.isCurrent(id, PARSER_VERSION)) return { kind: 'unchanged', file: item.file, id };
      }
      const parser = this.options.parser ?? inProcessParser;
      const outcome = await parser.parse({ file: item.file, partial: item.partial, sourcePath, indexedAt: this.result.startedAt });
      return outcome.kind === 'doc'
        ? { kind: 'doc', file: item.file, record: { ...outcome.record, fileStamp: stamp } }
        : { kind: 'failed', file: item.file, reason: outcome.reason };
    } catch (error) {
      return { kind: 'failed', file: item.file, reason: `unreadable: ${(error as Error)?.message ?? String(error)}` };
    }
  }

  /**
   * Walk → parse (a few in flight, in order) → batches to the engine. Returns the batcher, whose
   * tasks the next phase waits for.
   */
  async readAndSend(total: number): Promise<Batcher> {
    const batcher = new Batcher(this.client, this.target, this.batchSize);
    const toDelete: string[] = [];
    const moved: Array<{ id: string; sourcePath: string }> = [];
    const threads = (this.options.parser ?? inProcessParser).threads;
    const concurrency = Math.max(1, this.options.concurrency ?? 4, threads * 2);
    this.progress.start(total);
    this.#phaseStart = performance.now();
    for await (const prepared of mapOrdered(walkReportFiles(this.options.paths), concurrency, (item) => this.prepareFile(item))) {
      this.checkAbort();
      this.result.files++;
      const sourcePath = relativeTo(this.baseDir, prepared.file);
      if (prepared.kind === 'failed') this.result.failed.push({ file: sourcePath, reason: prepared.reason });
      else if (prepared.kind === 'unchanged') this.#takeUnchanged(prepared.id, sourcePath, moved);
      else await this.#takeDocument(prepared.record, sourcePath, batcher, toDelete);
      this.#reportProgress(total);
    }
    await batcher.flush();
    this.progress.stop();
    this.lap('read');
    this.checkAbort();
    if (toDelete.length > 0) {
      batcher.track(await enqueueDeletion(this.client, this.target, toDelete));
      this.result.replaced = toDelete.length;
    }
    if (moved.length > 0) batcher.track(await enqueueDocuments(this.client, this.target, moved, 'update'));
    return batcher;
  }

  #takeUnchanged(id: string, sourcePath: string, moved: Array<{ id: string; sourcePath: string }>): void {
    const verdict = this.ledger.judgeUnchanged(id, sourcePath, (known) => existsSync(path.resolve(/*turbopackIgnore: true*/ this.baseDir, known)));
    if (verdict.kind === 'duplicate') {
      this.result.duplicates.push({ file: sourcePath, duplicateOf: verdict.duplicateOf, reason: 'same content as a file already indexed' });
      return;
    }
    // The file moved: same report, new place.
    if (verdict.kind === 'moved') moved.push({ id, sourcePath });
    this.result.unchanged++;
  }

  async #takeDocument(record: IndexedReport, sourcePath: string, batcher: Batcher, toDelete: string[]): Promise<void> {
    const verdict = this.ledger.judge(record, sourcePath);
    if (verdict.kind === 'duplicate') {
      this.result.duplicates.push({ file: sourcePath, duplicateOf: verdict.duplicateOf, reason: verdict.reason });
      return;
    }
    // A changed file: its old document goes.
    if (verdict.replaces) toDelete.push(verdict.replaces);
    this.result.indexed++;
    await batcher.add(record, sourcePath);
  }

  #reportProgress(total: number): void {
    const r = this.result;
    this.progress.update({ done: r.files, total, indexed: r.indexed, unchanged: r.unchanged, failed: r.failed.length, duplicates: r.duplicates.length });
  }

  /** Every batch's task, waited for: a refused batch fails its files, a refused deletion the run. */
  async awaitBatches(batcher: Batcher): Promise<void> {
    if (batcher.pending.length > 0) this.progress.note(`waiting for Meilisearch to finish indexing ${this.result.indexed} document(s)…`);
    const refused = new Set<string>();
    for (const batch of batcher.pending) {
      const task = await waitForTask(this.client, batch.taskUid);
      this.checkAbort();
      if (task.status === 'succeeded') continue;
      const reason = `Meilisearch refused the batch: ${task.error?.message ?? task.status}`;
      if (batch.files.length === 0) throw new Error(reason);
      for (const file of batch.files) {
        this.result.failed.push({ file: file.path, reason });
        refused.add(file.id);
      }
      this.result.indexed -= batch.files.length;
    }
    if (refused.size > 0) this.ledger.tracker.deleteIds(refused);
    this.lap('engine');
  }

  /** Second pass: cross-year checks as partial updates of the reports they concern. */
  async sendCrossYearChecks(): Promise<void> {
    // A fresh indexedAt: the index generation (lib/opendata/generation.ts) moves when these figures change.
    const indexedAt = new Date().toISOString();
    const updates = [...this.ledger.tracker.updates()].map((update) => ({ ...update, indexedAt }));
    for (let i = 0; i < updates.length; i += this.batchSize) {
      const uid = await enqueueDocuments(this.client, this.target, updates.slice(i, i + this.batchSize), 'update');
      const task = await waitForTask(this.client, uid);
      if (task.status !== 'succeeded') throw new Error(`Meilisearch refused the cross-year updates: ${task.error?.message ?? task.status}`);
    }
    this.result.crossYear = { ...this.ledger.tracker.summary(), updated: updates.length };
    this.lap('crossYear');
    this.checkAbort();
  }

  /** A full run's build index becomes the serving one, atomically. */
  async swap(): Promise<void> {
    if (this.mode !== 'full') return;
    if (this.result.indexed === 0) throw new NothingToIndex('no document could be indexed; the serving index is unchanged');
    await swapIntoServing(this.client, this.options.index, this.buildIndex!);
    this.buildIndex = null;
    this.lap('swap');
  }

  /** Why the run stopped, in the result; a full run's build index is dropped. */
  async fail(error: unknown): Promise<void> {
    this.progress.stop();
    const result = this.result;
    if (error instanceof RunAborted) {
      result.fatal = this.mode === 'full' ? 'interrupted: the serving index is unchanged' : 'interrupted: some new files may already be indexed';
      result.exitCode = 130;
    } else if (error instanceof NothingToIndex) {
      result.fatal = error.message;
      result.exitCode = result.failed.length > 0 ? 1 : 2;
    } else if (isMeiliError(error)) {
      result.fatal = describeMeiliError(error, this.options.connection.url);
      result.exitCode = 2;
    } else {
      result.fatal = (error as Error)?.message ?? String(error);
      result.exitCode = 2;
    }
    if (this.buildIndex) await dropIndexQuietly(this.client, this.buildIndex);
  }

  /** Times, the run report, and this process's cached answers forgotten. */
  finish(): IndexRunResult {
    // Whatever happened, the serving index may have changed: this process's cached answers are old.
    bumpIndexGeneration();
    const finished = new Date();
    this.result.finishedAt = finished.toISOString();
    this.result.durationMs = finished.getTime() - this.started.getTime();
    // Nothing to record when the engine could not even be reached.
    const touchedNothing = this.result.exitCode === 2 && this.result.files === 0;
    const runsDir = this.options.runsDir === undefined ? config().data.runs : this.options.runsDir;
    this.result.runReport = touchedNothing ? null : writeRunReport(runsDir, this.started, this.result);
    return this.result;
  }
}

export async function runIndex(options: IndexRunOptions): Promise<IndexRunResult> {
  const run = new IndexRun(options);
  try {
    const total = await run.prepare();
    const batcher = await run.readAndSend(total);
    await run.awaitBatches(batcher);
    await run.sendCrossYearChecks();
    await run.swap();
    run.result.documentsInIndex = await countDocuments(run.client, options.index);
    run.result.exitCode = run.result.failed.length > 0 ? 1 : 0;
  } catch (error) {
    await run.fail(error);
  }
  return run.finish();
}
