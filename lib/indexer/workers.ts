import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ParseJob, ParseOutcome, ReportParser } from './parse-file';

/**
 * A pool of worker threads that parse report files, so a run parses on every core while the
 * main thread walks, keeps the ledger and feeds the engine. Piscina (the Node.js project's pool)
 * rather than hand-made workers: it queues, restarts a crashed worker and reports its load.
 *
 * Only the command line and the benchmarks use it. The worker is a TypeScript file loaded by the
 * same `tsx` hooks as the script (workers inherit `--import tsx`); the portal's bundled server has
 * no such file, so its admin runs parse in-process (lib/indexer/parse-file.ts).
 */
export function createParsePool(threads = availableParallelism()): ReportParser {
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
