import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { inProcessParser, type ParseJob, type ParseOutcome, type ReportParser } from './parse-file';

/**
 * A pool of worker threads that parse report files, so a run parses on every core while the
 * main thread walks, keeps the ledger and feeds the engine. Piscina (the Node.js project's pool)
 * rather than hand-made workers: it queues, restarts a crashed worker and reports its load.
 *
 * Only the command line and the benchmarks use it. The worker is a TypeScript file loaded by the
 * same `tsx` hooks as the script (workers inherit `--import tsx`); the portal's bundled server has
 * no such file, so its admin runs parse in-process (lib/indexer/parse-file.ts).
 */
export function createParsePool(threads: number): ReportParser {
  const size = Math.max(1, threads);
  const pool = new Piscina<ParseJob, ParseOutcome>({
    filename: new URL('./parse-worker.ts', import.meta.url).href,
    minThreads: size,
    maxThreads: size,
    // a file is a few hundred kB at most in flight; an idle worker stays for the next run's batch
    idleTimeout: 10_000,
  });
  return {
    threads: size,
    parse: (job) => pool.run(job),
    close: () => pool.destroy(),
  };
}

/**
 * How many threads parse by default: one per four cores. Meilisearch indexes on every core at
 * ~115 reports/s a thread here, and one parse thread reads ~750 reports/s, so one parse thread
 * keeps up with about six engine threads; more parse threads take CPU from the engine. Measured
 * on 2 cores (docs/scale.md): in-process 226–236 docs/s, two workers 213 docs/s and 150–250 MB more.
 */
export function defaultParseThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 4));
}

/** One thread: parse in-process (no worker, no copying); more: a pool of that many workers. */
export function parserFor(threads: number): ReportParser {
  return threads > 1 ? createParsePool(threads) : inProcessParser;
}
