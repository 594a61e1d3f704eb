import { search } from '../search/queries';

/**
 * The index generation a download comes from: the newest `indexedAt` in the serving index and its
 * number of documents, found with one sorted search through the search-only key. Every way the
 * served data changes moves one of them: a full reindex swaps in an index whose documents carry
 * the run's time; an incremental run (an admin upload too) stamps what it adds or replaces, and
 * its cross-year updates (lib/indexer/run.ts), with its own time; an admin's removal lowers the
 * count. So a file named by its generation is exactly what that generation served.
 */

export interface IndexGeneration {
  /** 20261215T101530123Z-1234: the newest indexedAt without separators, a dash, the count. */
  id: string;
  indexedAt: string | null;
  documents: number;
}

/** What a generation id looks like (the bulk downloads refuse anything else with a 400). */
export const GENERATION_PATTERN = /^[0-9A-Za-z]{1,32}-\d{1,12}$/;

function generationId(indexedAt: string | null, documents: number): string {
  const stamp = (indexedAt ?? '').replace(/[^0-9A-Za-z]/g, '').slice(0, 32) || '0';
  return `${stamp}-${documents}`;
}

export async function currentGeneration(): Promise<IndexGeneration> {
  const response = await search<{ indexedAt?: string }>({
    q: '',
    sort: ['indexedAt:desc'],
    page: 1,
    hitsPerPage: 1,
    attributesToRetrieve: ['indexedAt'],
  });
  const indexedAt = response.hits[0]?.indexedAt ?? null;
  const documents = response.totalHits ?? 0;
  return { id: generationId(indexedAt, documents), indexedAt, documents };
}
