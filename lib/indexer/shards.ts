import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { config } from '../config';
import { toStoredReport } from '../document/indexed-report';
import { createMeiliClient, type MeiliConnection } from '../engine/client';
import { bumpIndexGeneration } from '../engine/generation';
import {
  buildIndexName,
  countDocuments,
  dropIndexQuietly,
  enqueueDocuments,
  enqueueNdjson,
  ndjsonLine,
  prepareIndex,
  swapIntoServing,
  waitForTask,
} from '../engine/indexes';
import { RunLedger } from './ledger';
import { inProcessParser, type ReportParser } from './parse-file';
import { mapOrdered } from './pool';
import { emptyResult, type IndexRunOptions, type IndexRunResult } from './run';
import { writeRunReport } from './run-report';
import { type WalkItem, walkReportFiles } from './walk';

/**
 * A full reindex over several Meilisearch instances, each holding the reports of some provinces
 * (docs/scale-network.md). Files are walked, parsed and judged exactly as runIndex does (the same
 * ledger: duplicates, cross-year checks); each document then goes to the instance its province is
 * assigned to. Every instance fills its own build index, and only when all of them are complete is
 * each one swapped in atomically (one after the other: the switch is atomic per instance, not
 * across the network). On any failure every build index is dropped and the serving ones stay.
 */

interface ShardTarget {
  /** The instance's name in the network (`self` / `remotes` of PATCH /network). */
  name: string;
  connection: MeiliConnection;
}

/**
 * The instance a province belongs to: rendezvous (highest-random-weight) hashing of the province
 * over the instance names. Stable for a given set of names, and adding or removing an instance
 * moves only the provinces that go to or come from it. Reports of unknown province go together,
 * as the province ''.
 */
export function shardOf(province: string | null, names: readonly string[]): string {
  if (names.length === 0) throw new Error('shardOf: no instance to assign to');
  let best = names[0]!;
  let bestWeight = '';
  for (const name of names) {
    const weight = createHash('sha256')
      .update(`${province ?? ''}\u0000${name}`)
      .digest('hex');
    if (weight > bestWeight) {
      best = name;
      bestWeight = weight;
    }
  }
  return best;
}

/** Splits documents by the instance of their province: name → its share (every name present). */
export function splitByProvince<T extends { province: string | null }>(documents: Iterable<T>, names: readonly string[]): Map<string, T[]> {
  const shares = new Map(names.map((name) => [name, [] as T[]]));
  for (const doc of documents) shares.get(shardOf(doc.province, names))!.push(doc);
  return shares;
}

export interface ShardedIndexOptions {
  paths: readonly string[];
  shards: readonly ShardTarget[];
  /** The serving index on every instance. */
  index: string;
  /** `sourcePath` is stored relative to this folder (as runIndex does). */
  baseDir?: string;
  batchSize?: number;
  concurrency?: number;
  /** Where files are parsed (lib/indexer/parse-file.ts); in-process by default. */
  parser?: ReportParser;
  /** Stops the run after the current file; the serving indexes stay as they were. */
  signal?: AbortSignal;
}

export interface ShardedIndexResult {
  /** Documents in each instance's serving index at the end, by instance name. */
  documents: Record<string, number>;
  indexed: number;
  /** Files read. */
  files: number;
  failed: Array<{ file: string; reason: string }>;
  duplicates: Array<{ file: string; duplicateOf: string; reason: string }>;
  crossYear: { compared: number; failed: number; updated: number };
  durationMs: number;
}

interface Shard {
  name: string;
  client: Meilisearch;
  build: string;
  lines: Buffer[];
  tasks: number[];
}

function relativeTo(baseDir: string, file: string): string {
  const relative = path.relative(baseDir, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

async function flush(shard: Shard, force: boolean, size: number): Promise<void> {
  if (shard.lines.length === 0 || (!force && shard.lines.length < size)) return;
  shard.tasks.push(await enqueueNdjson(shard.client, shard.build, shard.lines));
  shard.lines = [];
}

async function settleAll(shard: Shard): Promise<void> {
  for (const uid of shard.tasks) {
    const task = await waitForTask(shard.client, uid);
    if (task.status !== 'succeeded') throw new Error(`instance ${shard.name}: Meilisearch refused a batch: ${task.error?.message ?? task.status}`);
  }
  shard.tasks = [];
}

/** A full reindex of `paths` spread over `shards` by province (see the module comment). */
export async function runShardedIndex(options: ShardedIndexOptions): Promise<ShardedIndexResult> {
  const started = performance.now();
  const startedAt = new Date();
  const names = options.shards.map((s) => s.name);
  if (new Set(names).size !== names.length) throw new Error('runShardedIndex: instance names must be distinct');
  const batchSize = options.batchSize ?? 500;
  const baseDir = path.resolve(/*turbopackIgnore: true*/ options.baseDir ?? process.cwd());
  const shards = new Map<string, Shard>(
    options.shards.map((s) => [
      s.name,
      { name: s.name, client: createMeiliClient(s.connection), build: buildIndexName(options.index, startedAt), lines: [], tasks: [] },
    ]),
  );
  const ledger = new RunLedger();
  const shardOfId = new Map<string, Shard>();
  const result: ShardedIndexResult = {
    documents: {},
    indexed: 0,
    files: 0,
    failed: [],
    duplicates: [],
    crossYear: { compared: 0, failed: 0, updated: 0 },
    durationMs: 0,
  };
  try {
    for (const shard of shards.values()) await prepareIndex(shard.client, shard.build);
    const parser = options.parser ?? inProcessParser;
    const prepare = async (item: WalkItem) => {
      if (item.kind === 'invalid') return { file: item.file, error: item.reason } as const;
      const outcome = await parser.parse({
        file: item.file,
        partial: item.partial,
        sourcePath: relativeTo(baseDir, item.file),
        indexedAt: startedAt.toISOString(),
      });
      return outcome.kind === 'doc' ? ({ file: item.file, record: outcome.record } as const) : ({ file: item.file, error: outcome.reason } as const);
    };
    const inFlight = Math.max(1, options.concurrency ?? 4, parser.threads * 2);
    for await (const prepared of mapOrdered(walkReportFiles(options.paths), inFlight, prepare)) {
      if (options.signal?.aborted) throw new Error('interrupted: the serving indexes are unchanged');
      result.files++;
      const sourcePath = relativeTo(baseDir, prepared.file);
      if ('error' in prepared) {
        result.failed.push({ file: sourcePath, reason: prepared.error ?? 'unreadable' });
        continue;
      }
      const verdict = ledger.judge(prepared.record, sourcePath);
      if (verdict.kind === 'duplicate') {
        result.duplicates.push({ file: sourcePath, duplicateOf: verdict.duplicateOf, reason: verdict.reason });
        continue;
      }
      const shard = shards.get(shardOf(prepared.record.province, names))!;
      shardOfId.set(prepared.record.id, shard);
      shard.lines.push(ndjsonLine(toStoredReport(prepared.record)));
      result.indexed++;
      await flush(shard, false, batchSize);
    }
    for (const shard of shards.values()) await flush(shard, true, batchSize);
    for (const shard of shards.values()) await settleAll(shard);
    if (result.indexed === 0) throw new Error('no document could be indexed; the serving indexes are unchanged');

    // Cross-year checks found after a report was sent go to the instance that holds it.
    const indexedAt = new Date().toISOString();
    const updates = new Map<Shard, Array<Record<string, unknown> & { id: string }>>();
    for (const update of ledger.tracker.updates()) {
      const shard = shardOfId.get(update.id);
      if (!shard) continue;
      updates.set(shard, [...(updates.get(shard) ?? []), { ...update, indexedAt }]);
      result.crossYear.updated++;
    }
    result.crossYear = { ...ledger.tracker.summary(), updated: result.crossYear.updated };
    for (const [shard, docs] of updates) {
      for (let i = 0; i < docs.length; i += batchSize)
        shard.tasks.push(await enqueueDocuments(shard.client, shard.build, docs.slice(i, i + batchSize), 'update'));
      await settleAll(shard);
    }

    if (options.signal?.aborted) throw new Error('interrupted: the serving indexes are unchanged');
    // Every share is complete: now each instance switches to it.
    for (const shard of shards.values()) {
      await swapIntoServing(shard.client, options.index, shard.build);
      shard.build = '';
    }
    for (const shard of shards.values()) result.documents[shard.name] = await countDocuments(shard.client, options.index);
  } catch (error) {
    for (const shard of shards.values()) if (shard.build) await dropIndexQuietly(shard.client, shard.build);
    throw error;
  } finally {
    bumpIndexGeneration();
    result.durationMs = Math.round(performance.now() - started);
  }
  return result;
}

/**
 * runIndex's counterpart for a network (NIANBAO_MEILI_REMOTES): the same options and result, the
 * reports spread over `remotes` by province, every instance reached with the options' key (one
 * master key for the network). Full runs only. The hook in scripts/index.ts:
 *
 *   const result = await (settings.remotes ? runIndexOnNetwork(settings.remotes) : runIndex)({ … });
 */
export function runIndexOnNetwork(remotes: ReadonlyArray<{ name: string; url: string }>): (options: IndexRunOptions) => Promise<IndexRunResult> {
  return async (options) => {
    const started = new Date();
    const result = emptyResult(options, 'full', started.toISOString(), remotes.map((r) => `${r.name}=${r.url}`).join(','));
    if (options.incremental) {
      result.fatal = 'incremental runs over a Meilisearch network are not supported: run a full reindex';
      result.exitCode = 2;
      return result;
    }
    try {
      options.progress?.note(`indexing over ${remotes.length} Meilisearch instances by province: ${result.url}`);
      const sharded = await runShardedIndex({
        paths: options.paths,
        shards: remotes.map(({ name, url }) => ({ name, connection: { url, apiKey: options.connection.apiKey } })),
        index: options.index,
        baseDir: options.baseDir,
        batchSize: options.batchSize,
        concurrency: options.concurrency,
        parser: options.parser,
        signal: options.signal,
      });
      Object.assign(result, {
        files: sharded.files,
        indexed: sharded.indexed,
        failed: sharded.failed,
        duplicates: sharded.duplicates,
        crossYear: sharded.crossYear,
        documentsInIndex: Object.values(sharded.documents).reduce((a, b) => a + b, 0),
        exitCode: sharded.failed.length > 0 ? 1 : 0,
      });
    } catch (error) {
      result.fatal = (error as Error)?.message ?? String(error);
      result.exitCode = options.signal?.aborted ? 130 : 2;
    }
    const finished = new Date();
    result.finishedAt = finished.toISOString();
    result.durationMs = finished.getTime() - started.getTime();
    result.runReport = writeRunReport(options.runsDir === undefined ? config().data.runs : options.runsDir, started, result);
    return result;
  };
}
