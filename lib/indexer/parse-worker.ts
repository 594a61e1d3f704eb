/**
 * The worker side of the parse pool (lib/indexer/workers.ts): Piscina calls the default export
 * with one job at a time; what it returns is structured-cloned back to the run.
 */
import { type ParseJob, type ParseOutcome, parseToRecord } from './parse-file';

export default function parseInWorker(job: ParseJob): Promise<ParseOutcome> {
  return parseToRecord(job);
}
