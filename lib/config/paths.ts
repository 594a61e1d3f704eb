import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the portal keeps its files, all in one data folder (`NIANBAO_DATA_DIR`, default `data` in
 * the working directory, which is the project root for `next start`, the scripts and the Docker
 * image): reports (bundled and uploaded), run reports, removed sources, the admin users file and
 * the embedded engine's database. `config().data` is the one set every part uses.
 *
 * Not derived from this file's location: inside the Next server bundle `import.meta.url` points
 * into .next/, so a path derived from it would be wrong there.
 */
export function dataPaths(root: string) {
  return {
    root,
    /** Every report of the collection: a full reindex walks this folder. */
    reports: path.join(root, 'reports'),
    /** Files uploaded from /admin (inside reports/, so a full reindex includes them). */
    uploads: path.join(root, 'reports', 'uploads'),
    /** One JSON report per indexing run (the indexer writes them; /admin/runs reads them). */
    runs: path.join(root, 'runs'),
    /** Sources removed from the collection, kept for the operator (outside reports/, so no reindex brings them back). */
    removed: path.join(root, 'removed'),
    /** `email:hash` lines of the admins (ADMIN_USERS_FILE overrides it). */
    users: path.join(root, 'admin', 'users'),
    /** What the harvester keeps: sources.json, state.json, and the harvested files under files/. */
    harvest: path.join(root, 'harvest'),
    /** The harvested reports (with their .source.json sidecars): indexed with the reports. */
    harvestFiles: path.join(root, 'harvest', 'files'),
    /** The embedded Meilisearch's database (when MEILI_URL is not set). */
    meili: path.join(root, 'meili'),
    /**
     * `sourcePath` in the index is relative to the data folder's parent ("data/reports/…"), as the
     * portal and `npm run index` store it, so incremental runs recognise the same files.
     */
    base: path.dirname(root),
  };
}

export type DataPaths = ReturnType<typeof dataPaths>;

/** The folders a full reindex walks: the collection's reports, and the harvested ones when there are any. */
export function collectionFolders(paths: DataPaths): string[] {
  return existsSync(paths.harvestFiles) ? [paths.reports, paths.harvestFiles] : [paths.reports];
}
