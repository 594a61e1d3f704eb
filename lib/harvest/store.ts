import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Sidecar, type SidecarVersion, sidecarPath, writeSidecar } from './sidecar';
import type { Fetched } from './types';

/**
 * Where harvested files live, and what makes a re-run cheap: `<data>/harvest/`
 *
 *   files/<host>/<key>/<name>.<ext>            the latest content of one URL, with its sidecar
 *   files/<host>/<key>/.versions/<time>-<sha>  earlier contents of the same URL (the walk skips dot folders)
 *   .listings/<key>.html                       listing pages, to read their links again after a 304
 *   state.json                                 per URL: validators, content hash, files
 *   checks.json                                per source: when its column was checked (coverage reads it)
 *
 * `<key>` is a hash of the canonical URL, so one URL keeps one folder whatever its file is called.
 * The same content found at a second URL is not stored twice: the first file's sidecar lists the
 * other URL (`alsoAt`), and the second URL remembers which one holds it.
 */

export type StoreOutcome = 'new' | 'changed' | 'unchanged' | 'duplicate';

interface UrlState {
  kind: 'report' | 'listing';
  /** Latest file, relative to the data folder; for a duplicate, the URL that holds the content. */
  file: string | null;
  sameAs?: string;
  sha256: string;
  etag: string | null;
  lastModified: string | null;
  firstSeenAt: string;
  lastFetchedAt: string;
  versions: SidecarVersion[];
  sourceId?: string;
}

/** A source's column was crawled at `checkedAt`: what it promised to cover, and what it held. */
export interface SourceCheck {
  sourceId: string;
  checkedAt: string;
  /** The body's division code or name, when the source names one. */
  code?: string;
  name?: string;
  /** 'body': one body's column; 'region': a region's column of many bodies. */
  scope: 'body' | 'region';
  reportsFound: number;
  failed: boolean;
}

interface StateFile {
  version: 1;
  urls: Record<string, UrlState>;
}

/** The sources' checks, in their own small file: /coverage reads it on every request. */
export function readChecks(dataRoot: string): SourceCheck[] {
  try {
    return Object.values(JSON.parse(readFileSync(path.join(dataRoot, 'harvest', 'checks.json'), 'utf8')) as Record<string, SourceCheck>);
  } catch {
    return [];
  }
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

const EXTENSIONS: Record<Fetched['sniffed'], string | null> = {
  pdf: '.pdf',
  zip: '.docx',
  ole: '.doc',
  rtf: '.doc',
  html: '.html',
  text: '.txt',
  unknown: null,
};

/**
 * One form per URL: lower-case scheme and host, no default port, no fragment, sorted query, and
 * a directory's index page named by its directory (`/col/col12/index.html` → `/col/col12/`).
 */
export function canonicalUrl(raw: string): string {
  const url = new URL(raw);
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) url.port = '';
  url.searchParams.sort();
  url.pathname = url.pathname.replace(/\/(?:index|default)\.s?html?$/i, '/');
  return url.toString();
}

function sha256(buf: Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}

/** A file name from the URL's last segment (t20230128_3929475, P020230128….pdf), kept to safe characters. */
function baseName(url: string): string {
  const last = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '').replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const safe = last
    .replace(/[^\w.-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  return safe || 'index';
}

/** The extension the content calls for, or null when nothing here can read it. */
export function extensionFor(sniffed: Fetched['sniffed']): string | null {
  return EXTENSIONS[sniffed];
}

export class HarvestStore {
  readonly root: string;
  #state: StateFile;
  #checks: Record<string, SourceCheck>;

  /** `dataRoot`: the data folder (config().data.root); files go under its harvest/. */
  constructor(readonly dataRoot: string) {
    this.root = path.join(dataRoot, 'harvest');
    this.#state = this.#load();
    this.#checks = Object.fromEntries(readChecks(dataRoot).map((c) => [c.sourceId, c]));
  }

  #statePath(): string {
    return path.join(this.root, 'state.json');
  }

  #load(): StateFile {
    try {
      const parsed = JSON.parse(readFileSync(this.#statePath(), 'utf8')) as StateFile;
      if (parsed.version === 1) return { version: 1, urls: parsed.urls ?? {} };
    } catch {
      // No state yet (or an unreadable one: everything is fetched again, nothing is lost).
    }
    return { version: 1, urls: {} };
  }

  /** Writes the state atomically (a crash leaves the old state, never half a file). */
  save(): void {
    writeAtomically(this.#statePath(), `${JSON.stringify(this.#state)}\n`);
    writeAtomically(path.join(this.root, 'checks.json'), `${JSON.stringify(this.#checks, null, 2)}\n`);
  }

  /** Validators for a conditional GET of a URL seen before. */
  validators(url: string): { etag?: string; lastModified?: string } {
    const known = this.#state.urls[canonicalUrl(url)];
    return known ? { etag: known.etag ?? undefined, lastModified: known.lastModified ?? undefined } : {};
  }

  /** A URL answered 304: nothing changed, only when it was looked at. */
  touch(url: string, fetchedAt: string): void {
    const known = this.#state.urls[canonicalUrl(url)];
    if (known) known.lastFetchedAt = fetchedAt;
  }

  /** A listing page's body, kept to read its links again when it answers 304 next time. */
  saveListing(fetched: Fetched): void {
    const key = canonicalUrl(fetched.url);
    const dir = path.join(this.root, '.listings');
    mkdirSync(dir, { recursive: true });
    const name = `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.html`;
    writeFileSync(path.join(dir, name), fetched.body);
    this.#state.urls[key] = {
      kind: 'listing',
      file: path.relative(this.dataRoot, path.join(dir, name)),
      sha256: sha256(fetched.body),
      etag: fetched.headers.etag ?? null,
      lastModified: fetched.headers['last-modified'] ?? null,
      firstSeenAt: this.#state.urls[key]?.firstSeenAt ?? fetched.fetchedAt,
      lastFetchedAt: fetched.fetchedAt,
      versions: [],
    };
  }

  /** The kept body of a listing page (after a 304), or null. */
  listingBody(url: string): Buffer | null {
    const known = this.#state.urls[canonicalUrl(url)];
    if (!known?.file || known.kind !== 'listing') return null;
    const file = path.join(this.dataRoot, known.file);
    return existsSync(file) ? readFileSync(file) : null;
  }

  /** The report file holding a URL's latest content (relative to the data folder), following duplicates; null for pages kept only for their links. */
  fileOf(url: string): string | null {
    const known = this.#state.urls[canonicalUrl(url)];
    if (known?.kind !== 'report') return null;
    if (known.sameAs) return this.#state.urls[known.sameAs]?.file ?? null;
    return known.file;
  }

  #urlHolding(hash: string, except: string): string | null {
    for (const [url, state] of Object.entries(this.#state.urls)) {
      if (url !== except && state.kind === 'report' && !state.sameAs && state.sha256 === hash) return url;
    }
    return null;
  }

  /**
   * Stores a report's content with its provenance. New URL: a new file. Same URL, same bytes:
   * unchanged (only the fetch time moves). Same URL, new bytes: the old file goes to
   * `.versions/` and the new sidecar lists every earlier version. Bytes another URL already
   * holds: a duplicate, stored once.
   */
  storeReport(fetched: Fetched, provenance: Omit<Sidecar, 'url' | 'finalUrl' | 'fetchedAt' | 'firstSeenAt' | 'sha256' | 'versions'>): StoreOutcome {
    const key = canonicalUrl(fetched.url);
    const hash = sha256(fetched.body);
    const known = this.#state.urls[key];
    const validators = { etag: fetched.headers.etag ?? null, lastModified: fetched.headers['last-modified'] ?? null };
    if (known && known.sha256 === hash) {
      Object.assign(known, validators, { lastFetchedAt: fetched.fetchedAt });
      return 'unchanged';
    }
    const holder = known ? null : this.#urlHolding(hash, key);
    if (holder) {
      this.#state.urls[key] = {
        kind: 'report',
        file: null,
        sameAs: holder,
        sha256: hash,
        ...validators,
        firstSeenAt: fetched.fetchedAt,
        lastFetchedAt: fetched.fetchedAt,
        versions: [],
      };
      this.#addAlsoAt(holder, fetched.url);
      return 'duplicate';
    }
    const extension = extensionFor(fetched.sniffed) ?? '.bin';
    const dir = path.join(this.root, 'files', new URL(key).hostname, createHash('sha256').update(key).digest('hex').slice(0, 16));
    mkdirSync(dir, { recursive: true });
    const versions = known ? [...known.versions, this.#keepVersion(known, dir)] : [];
    const file = path.join(dir, `${baseName(fetched.url)}${extension}`);
    writeFileSync(file, fetched.body);
    writeSidecar(file, {
      ...provenance,
      url: fetched.url,
      finalUrl: fetched.finalUrl,
      fetchedAt: fetched.fetchedAt,
      firstSeenAt: fetched.fetchedAt,
      sha256: hash,
      contentType: fetched.headers['content-type'] ?? null,
      etag: validators.etag,
      lastModified: validators.lastModified,
      versions,
    });
    this.#state.urls[key] = {
      kind: 'report',
      file: path.relative(this.dataRoot, file),
      sha256: hash,
      ...validators,
      firstSeenAt: known?.firstSeenAt ?? fetched.fetchedAt,
      lastFetchedAt: fetched.fetchedAt,
      versions,
      sourceId: provenance.sourceId,
    };
    return known ? 'changed' : 'new';
  }

  /** Moves a URL's current file (and its sidecar) into `.versions/`; returns what the new sidecar lists. */
  #keepVersion(known: UrlState, dir: string): SidecarVersion {
    const versionsDir = path.join(dir, '.versions');
    mkdirSync(versionsDir, { recursive: true });
    const from = path.join(this.dataRoot, known.file!);
    const stamp = known.lastFetchedAt.replace(/[-:.]/g, '').slice(0, 15);
    const to = path.join(versionsDir, `${stamp}-${known.sha256.slice(0, 8)}-${path.basename(from)}`);
    if (existsSync(from)) renameSync(from, to);
    if (existsSync(sidecarPath(from))) renameSync(sidecarPath(from), sidecarPath(to));
    return { file: path.relative(this.dataRoot, to), sha256: known.sha256, fetchedAt: known.lastFetchedAt, firstSeenAt: known.firstSeenAt };
  }

  #addAlsoAt(holder: string, url: string): void {
    const file = this.#state.urls[holder]?.file;
    if (!file) return;
    const full = path.join(this.dataRoot, file);
    try {
      const sidecar = JSON.parse(readFileSync(sidecarPath(full), 'utf8')) as Sidecar;
      const also = new Set(sidecar.alsoAt ?? []);
      also.add(url);
      writeSidecar(full, { ...sidecar, alsoAt: [...also] });
    } catch {
      // A sidecar that cannot be read keeps what it has; the state still knows the duplicate.
    }
  }

  recordCheck(check: SourceCheck): void {
    this.#checks[check.sourceId] = check;
  }

  checks(): SourceCheck[] {
    return Object.values(this.#checks);
  }
}
