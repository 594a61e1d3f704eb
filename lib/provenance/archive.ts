import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { readSidecar } from '../harvest/sidecar';

/**
 * The archived copy of a report, served from the data folder (GET /api/archive/<path>): the
 * harvested files (and their earlier versions) and the collection's own report files, nothing else
 * of the data folder (never the admin users, the run reports or the engine's database). PDF and
 * Word files download; an archived HTML page is shown under a Content-Security-Policy that runs no
 * script and loads nothing (`sandbox`), so a hostile page cannot act on this site.
 */

export interface ArchivedFile {
  file: string;
  contentType: string;
  /** attachment for files, inline for pages and text. */
  disposition: 'attachment' | 'inline';
  fileName: string;
}

const ROOTS = ['harvest/files/', 'reports/'];
const TYPES: Record<string, { type: string; disposition: ArchivedFile['disposition'] }> = {
  '.pdf': { type: 'application/pdf', disposition: 'attachment' },
  '.doc': { type: 'application/msword', disposition: 'attachment' },
  '.docx': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', disposition: 'attachment' },
  '.html': { type: 'text/html', disposition: 'inline' },
  '.htm': { type: 'text/html', disposition: 'inline' },
  '.txt': { type: 'text/plain', disposition: 'inline' },
  '.md': { type: 'text/plain', disposition: 'inline' },
};

/** The only folder names a path may hold that start with a dot: the kept earlier versions. */
const DOT_FOLDER_ALLOWED = '.versions';

/** The charset a harvested page was served with, from its sidecar, so the bytes read as they did there. */
function charsetOf(file: string): string | null {
  try {
    const type = readSidecar(file)?.contentType ?? '';
    return /charset=([\w-]+)/i.exec(type)?.[1]?.toLowerCase() ?? null;
  } catch {
    return null;
  }
}

/** The file a request names, when it may be served; null for anything else (the caller answers 404). */
export function archivedFile(dataRoot: string, relative: string): ArchivedFile | null {
  if (!relative || relative.length > 1000 || relative.includes('\0') || relative.includes('\\')) return null;
  const parts = relative.split('/');
  if (parts.some((p) => !p || p === '.' || p === '..' || (p.startsWith('.') && p !== DOT_FOLDER_ALLOWED))) return null;
  if (!ROOTS.some((root) => relative.startsWith(root))) return null;
  const kind = TYPES[path.extname(relative).toLowerCase()];
  if (!kind) return null;
  // turbopackIgnore: the data folder is read at run time.
  const file = path.join(/*turbopackIgnore: true*/ dataRoot, relative);
  let real: string;
  try {
    real = realpathSync(file);
    if (!statSync(real).isFile()) return null;
  } catch {
    return null;
  }
  // A link inside the data folder must not lead out of it.
  const realRoot = realpathSync(dataRoot);
  if (!ROOTS.some((root) => real.startsWith(path.join(realRoot, root)))) return null;
  const charset = kind.type.startsWith('text/') ? (charsetOf(file) ?? 'utf-8') : null;
  return { file: real, contentType: charset ? `${kind.type}; charset=${charset}` : kind.type, disposition: kind.disposition, fileName: path.basename(file) };
}

/** Headers of an archived copy: its own type, no sniffing, and for pages a policy that allows nothing to run. */
export function archiveHeaders(archived: ArchivedFile, contentDisposition: string): Record<string, string> {
  return {
    'content-type': archived.contentType,
    'content-disposition': contentDisposition,
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'",
    'cache-control': 'public, max-age=3600',
  };
}
