/**
 * What /admin accepts, shared by the upload form (to state it and check early) and the route
 * handler (which enforces it). Plain data: the client bundle imports it.
 */

/** The ingest formats (lib/ingest SUPPORTED_EXTENSIONS; a test keeps the two lists equal). */
export const UPLOAD_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.doc', '.docx', '.pdf', '.html', '.htm', '.shtml', '.xhtml'] as const;

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_FILES = 20;
/** One request's body; under `proxyClientMaxBodySize` in next.config.mjs. */
export const MAX_UPLOAD_REQUEST_BYTES = 100 * 1024 * 1024;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function isAcceptedName(name: string): boolean {
  return (UPLOAD_EXTENSIONS as readonly string[]).includes(extensionOf(name));
}

/**
 * A file name that is safe to create in the uploads folder, whatever the browser sent: the last
 * path segment only, no control or reserved characters, no leading dots (no `..`, no hidden
 * files), at most 120 characters, the extension kept in lower case. Chinese names stay readable.
 * Null when nothing usable is left.
 */
export function safeUploadName(original: string): string | null {
  const base = original.split(/[\\/]/).pop() ?? '';
  const ext = extensionOf(base);
  if (!ext || !isAcceptedName(base)) return null;
  const stem = base
    .slice(0, base.length - ext.length)
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._\-（）()【】 ]+/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s_-]+/, '')
    .replace(/[.\s]+$/, '')
    .slice(0, 120);
  if (!stem) return null;
  return `${stem}${ext}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
