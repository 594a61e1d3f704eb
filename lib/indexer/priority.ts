import os from 'node:os';

/** Niceness the indexer runs at: the engine (normal priority) wins contended CPU. */
const INDEXER_NICENESS = 10;

/**
 * Lowers this process's CPU priority (never raises it). Child processes started afterwards inherit
 * it, so start an embedded Meilisearch first.
 */
export function lowerPriority(niceness = INDEXER_NICENESS): void {
  try {
    if (os.getPriority() < niceness) os.setPriority(niceness);
  } catch {
    // Not permitted here: run at the normal priority.
  }
}
