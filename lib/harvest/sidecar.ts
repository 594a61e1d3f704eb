import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The provenance of a harvested file, in a sidecar beside it named after the whole file name plus
 * `.source.json` (`report.pdf` → `report.pdf.source.json`). The indexer and `npm run parse` read
 * it: the URL's host is a region clue, the page title an organization and year clue, the page's
 * date the publication date when the text has none. A hand-made sidecar with only `url` works too.
 */

const SIDECAR_SUFFIX = '.source.json';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoTime = z.string().min(10);

/** An earlier copy of the same URL, kept when a later run found different content. */
const versionSchema = z.object({
  /** Path of the kept copy, relative to the data folder. */
  file: z.string(),
  sha256: z.string(),
  fetchedAt: isoTime,
  firstSeenAt: isoTime.optional(),
});

const sidecarSchema = z.object({
  url: z.string().url(),
  /** After redirects. */
  finalUrl: z.string().url().optional(),
  /** The page's <title>, or the link's text for an attachment. */
  title: z.string().nullable().optional(),
  /** The date the page states (发布时间/发布日期/成文日期/PubDate), YYYY-MM-DD. */
  publishedAt: date.nullable().optional(),
  meta: z
    .object({
      articleTitle: z.string().optional(),
      pubDate: z.string().optional(),
      columnName: z.string().optional(),
      siteName: z.string().optional(),
      siteIdCode: z.string().optional(),
      contentSource: z.string().optional(),
    })
    .optional(),
  fetchedAt: isoTime.optional(),
  /** When this URL was first seen with this content. */
  firstSeenAt: isoTime.optional(),
  etag: z.string().nullable().optional(),
  lastModified: z.string().nullable().optional(),
  contentType: z.string().nullable().optional(),
  sha256: z.string().optional(),
  /** The listing page the report was found on. */
  listingUrl: z.string().url().nullable().optional(),
  /** For an attachment: the report page it hangs from. */
  reportPageUrl: z.string().url().nullable().optional(),
  /** The harvest source (sources.json) it came from. */
  sourceId: z.string().optional(),
  /** Other URLs that served the very same bytes (phone copies, re-posts). */
  alsoAt: z.array(z.string().url()).optional(),
  /** Earlier contents of the same URL, oldest first. */
  versions: z.array(versionSchema).optional(),
});

export type Sidecar = z.infer<typeof sidecarSchema>;
export type SidecarVersion = z.infer<typeof versionSchema>;

export function sidecarPath(file: string): string {
  return `${file}${SIDECAR_SUFFIX}`;
}

/** The sidecar beside `file`: undefined when there is none; an error naming the problem when it is broken. */
export function readSidecar(file: string): Sidecar | undefined {
  const path = sidecarPath(file);
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not JSON (${(error as Error).message})`);
  }
  const parsed = sidecarSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.join('.') || 'sidecar'} ${issue.message}`);
  }
  return parsed.data;
}

export function writeSidecar(file: string, sidecar: Sidecar): void {
  writeFileSync(sidecarPath(file), `${JSON.stringify(sidecarSchema.parse(sidecar), null, 2)}\n`);
}
