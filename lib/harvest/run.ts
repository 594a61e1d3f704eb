import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IngestError, readReportBuffer } from '../ingest';
import { createHarvestClient, type HarvestClient, type HarvestClientOptions } from './net';
import { readPage } from './page';
import { siteOf } from './page/urls';
import type { Source } from './sources';
import { canonicalUrl, extensionFor, HarvestStore, type StoreOutcome } from './store';
import { type Fetched, HarvestError, type HarvestFailure, type PageLink, type PageReading } from './types';

/**
 * One harvest run: every source's column crawled within its bounds, every report found stored
 * with its provenance (store.ts), and a count of what was new, changed, unchanged or failed and
 * why. The crawl of a source is breadth-first from its listing URL:
 *
 * - listing pages: their pagination (same depth), their sub-columns and report links (one deeper);
 * - a page that reads as a report is stored as it is (its attached files are copies of it);
 * - a page that only wraps files (a PDF, a Word file) gives its files, stored with the page's title and date;
 * - every source is bounded by `maxPages` fetches and `maxDepth` links from its listing, so a
 *   crawler trap (an endless pager or calendar) ends, with the reason named.
 *
 * It stays on the source's site (its host's registrable name, e.g. hongze.gov.cn) and the hosts the
 * source allows. The network layer (net/) guards addresses, obeys robots.txt, spaces requests and
 * retries; here every failure is a named reason in the run report, and the run goes on.
 */

export interface HarvestProgress {
  source: { id: string; url: string; label?: string; index: number; of: number };
  pagesFetched: number;
  reportsFound: number;
  new: number;
  changed: number;
  unchanged: number;
  failed: number;
  /** The URL just done. */
  last: string;
}

interface SourceOutcome {
  id: string;
  url: string;
  label?: string;
  pagesFetched: number;
  reportsFound: number;
  new: number;
  changed: number;
  unchanged: number;
  duplicates: number;
  /** 304 answers: nothing downloaded again. */
  notModified: number;
  failed: Array<{ url: string; reason: HarvestFailure; detail: string }>;
  /** Why the crawl stopped early, when it did. */
  stoppedBy: 'page limit' | null;
}

export interface HarvestRunResult {
  kind: 'harvest';
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  sources: SourceOutcome[];
  totals: {
    pagesFetched: number;
    reportsFound: number;
    new: number;
    changed: number;
    unchanged: number;
    duplicates: number;
    notModified: number;
    failed: number;
  };
  /** Files stored new or changed (relative to the data folder): what an incremental index takes in. */
  changedFiles: string[];
  /** Requests sent, robots.txt and retries included. */
  requests: number;
  fatal: string | null;
  /** 0 everything went in, 1 some URLs failed, 2 nothing could be done, 130 interrupted. */
  exitCode: 0 | 1 | 2 | 130;
  runReport: string | null;
  meta?: Record<string, string>;
}

export interface HarvestRunOptions {
  sources: readonly Source[];
  /** The data folder (config().data.root): files go to its harvest/, run reports to its runs/. */
  dataRoot: string;
  /** Fetches per source (default 200). */
  maxPages?: number;
  /** Links followed from a source's listing (default 4). */
  maxDepth?: number;
  /** Options of the network client (rate, loopback, limits); or a client of one's own. */
  client?: HarvestClient;
  clientOptions?: HarvestClientOptions;
  progress?: (progress: HarvestProgress) => void;
  signal?: AbortSignal;
  /** Where the JSON run report goes; null for none. Default: <data>/runs. */
  runsDir?: string | null;
  meta?: Record<string, string>;
}

type Kind = 'listing' | 'page' | 'file';

interface Visit {
  url: string;
  kind: Kind;
  depth: number;
  /** The listing page it was found on. */
  listingUrl: string | null;
  /** For a file: the report page it hangs from, and what that page says of itself. */
  reportPage?: { url: string; title: string | null; publishedAt: string | null; meta: PageReading['meta'] };
  linkText?: string;
}

const DEFAULT_MAX_PAGES = 200;
const DEFAULT_MAX_DEPTH = 4;

function emptyOutcome(source: Source): SourceOutcome {
  return {
    id: source.id,
    url: source.url,
    label: source.label,
    pagesFetched: 0,
    reportsFound: 0,
    new: 0,
    changed: 0,
    unchanged: 0,
    duplicates: 0,
    notModified: 0,
    failed: [],
    stoppedBy: null,
  };
}

/** A link's place: a file to download, or a page to read. */
function visitOf(link: PageLink, depth: number, listingUrl: string): Visit {
  return { url: link.url, kind: link.fileType ? 'file' : 'page', depth, listingUrl, linkText: link.title ?? link.text };
}

function metaOf(meta: PageReading['meta']) {
  const picked = {
    articleTitle: meta.articleTitle,
    pubDate: meta.pubDate,
    columnName: meta.columnName,
    siteName: meta.siteName,
    siteIdCode: meta.siteIdCode,
    contentSource: meta.contentSource,
  };
  return Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined));
}

/** Crawls one source; `store` keeps what it finds. */
class SourceCrawl {
  readonly outcome: SourceOutcome;
  readonly changedFiles: string[] = [];
  readonly #queue: Visit[] = [];
  readonly #seen = new Set<string>();
  readonly #site: string;
  readonly #allowed: Set<string>;

  constructor(
    readonly source: Source,
    private readonly client: HarvestClient,
    private readonly store: HarvestStore,
    private readonly limits: { maxPages: number; maxDepth: number },
    private readonly onProgress: (last: string) => void,
    private readonly signal?: AbortSignal,
  ) {
    this.outcome = emptyOutcome(source);
    this.#site = siteOf(new URL(source.url));
    this.#allowed = new Set(source.allow);
    this.#enqueue({ url: source.url, kind: 'listing', depth: 0, listingUrl: null });
  }

  /** On the source's site, or a host it allows. */
  onSite(url: URL): boolean {
    return siteOf(url) === this.#site || this.#allowed.has(url.hostname.toLowerCase()) || this.#allowed.has(url.host.toLowerCase());
  }

  #enqueue(visit: Visit): void {
    let key: string;
    try {
      const url = new URL(visit.url);
      if (!this.onSite(url)) return;
      key = canonicalUrl(url.href);
    } catch {
      return;
    }
    if (this.#seen.has(key) || visit.depth > this.limits.maxDepth) return;
    this.#seen.add(key);
    this.#queue.push(visit);
  }

  #fail(url: string, error: unknown): void {
    const failure = error instanceof HarvestError ? error : new HarvestError('unreachable', url, (error as Error)?.message);
    this.outcome.failed.push({ url, reason: failure.reason, detail: failure.message });
  }

  async run(): Promise<void> {
    while (this.#queue.length > 0) {
      if (this.signal?.aborted) return;
      if (this.outcome.pagesFetched >= this.limits.maxPages) {
        this.outcome.stoppedBy = 'page limit';
        this.outcome.failed.push({
          url: this.#queue[0]!.url,
          reason: 'page limit',
          detail: `page limit: ${this.limits.maxPages} fetches, ${this.#queue.length} link(s) left`,
        });
        return;
      }
      const visit = this.#queue.shift()!;
      await this.#visit(visit);
      this.onProgress(visit.url);
    }
  }

  async #visit(visit: Visit): Promise<void> {
    let fetched: Fetched;
    try {
      fetched = await this.client.get(visit.url, { ...this.store.validators(visit.url), allowHost: (_host, url) => this.onSite(url), signal: this.signal });
    } catch (error) {
      if (this.signal?.aborted) return;
      this.#fail(visit.url, error);
      return;
    }
    this.outcome.pagesFetched++;
    if (fetched.notModified) {
      this.outcome.notModified++;
      this.store.touch(visit.url, fetched.fetchedAt);
      const kept = visit.kind === 'listing' || visit.kind === 'page' ? this.store.listingBody(visit.url) : null;
      if (!kept) {
        // A report seen before, unchanged: nothing to download or read again.
        this.outcome.reportsFound++;
        this.outcome.unchanged++;
        return;
      }
      // A listing that did not change: its links are read again from the kept copy.
      fetched = { ...fetched, body: kept, sniffed: 'html', notModified: false };
    }
    if (visit.kind === 'file') await this.#takeFile(visit, fetched);
    else this.#takePage(visit, fetched);
  }

  #record(outcome: StoreOutcome, file: string | null): void {
    this.outcome.reportsFound++;
    if (outcome === 'new') this.outcome.new++;
    else if (outcome === 'changed') this.outcome.changed++;
    else if (outcome === 'duplicate') this.outcome.duplicates++;
    else this.outcome.unchanged++;
    if ((outcome === 'new' || outcome === 'changed') && file) this.changedFiles.push(file);
  }

  /**
   * An attached PDF or Word file: stored when its bytes are what a report file can be, and can be
   * read as one (a zip bomb, a corrupt PDF or a password-protected file is a named failure here,
   * not a file left for the indexer to trip on).
   */
  async #takeFile(visit: Visit, fetched: Fetched): Promise<void> {
    if (fetched.sniffed === 'html' || fetched.sniffed === 'unknown' || fetched.sniffed === 'text') {
      const what = fetched.sniffed === 'unknown' ? 'file of unknown type' : 'web page';
      this.#fail(visit.url, new HarvestError('wrong content', visit.url, `a ${what} where a document was linked`));
      return;
    }
    try {
      await readReportBuffer(fetched.body, `file${extensionFor(fetched.sniffed) ?? ''}`);
    } catch (error) {
      const reason = error instanceof IngestError ? error.message : String((error as Error)?.message ?? error);
      this.#fail(visit.url, new HarvestError(error instanceof IngestError && error.code === 'too large' ? 'too large' : 'unreadable', visit.url, reason));
      return;
    }
    const page = visit.reportPage;
    const outcome = this.store.storeReport(fetched, {
      title: page?.title ?? visit.linkText ?? null,
      publishedAt: page?.publishedAt ?? null,
      meta: page ? metaOf(page.meta) : undefined,
      listingUrl: visit.listingUrl,
      reportPageUrl: page?.url ?? null,
      sourceId: this.source.id,
    });
    this.#record(outcome, this.store.fileOf(visit.url));
  }

  #takePage(visit: Visit, fetched: Fetched): void {
    let reading: PageReading;
    try {
      reading = readPage(fetched, { hosts: this.source.allow, linkText: visit.linkText });
    } catch (error) {
      this.#fail(visit.url, error);
      return;
    }
    if (reading.isChallenge) {
      this.#fail(visit.url, new HarvestError('script challenge', visit.url, `HTTP ${fetched.status}: a page of script instead of the content`));
      return;
    }
    if (reading.redirect) {
      this.#enqueue({ ...visit, url: reading.redirect });
      return;
    }
    const listingUrl = visit.kind === 'listing' ? fetched.finalUrl : visit.listingUrl;
    const files = reading.reportLinks.filter((l) => l.fileType);
    if (reading.isReport && !reading.hasReportText && files.length > 0) {
      // A report page that only wraps its file(s): the files are the report, with the page's title and date.
      // The page is kept like a listing, so that next time it answers 304 and its files are asked again from it.
      this.store.saveListing(fetched);
      const reportPage = {
        url: fetched.finalUrl,
        title: reading.meta.heading ?? reading.meta.title ?? visit.linkText ?? null,
        publishedAt: reading.meta.publishedAt,
        meta: reading.meta,
      };
      for (const link of files)
        this.#enqueue({ url: link.url, kind: 'file', depth: visit.depth, listingUrl: visit.listingUrl, reportPage, linkText: link.text });
      return;
    }
    if (reading.isReport) {
      const outcome = this.store.storeReport(fetched, {
        title: reading.meta.heading ?? reading.meta.title ?? visit.linkText ?? null,
        publishedAt: reading.meta.publishedAt,
        meta: metaOf(reading.meta),
        listingUrl: visit.listingUrl,
        sourceId: this.source.id,
      });
      this.#record(outcome, this.store.fileOf(visit.url));
      return;
    }
    if (visit.kind === 'page' && reading.attachments.length > 0) {
      // A page reached by a report link that wraps files without naming itself a report: the files are the report.
      this.store.saveListing(fetched);
      const reportPage = {
        url: fetched.finalUrl,
        title: reading.meta.heading ?? reading.meta.title ?? visit.linkText ?? null,
        publishedAt: reading.meta.publishedAt,
        meta: reading.meta,
      };
      for (const link of reading.attachments)
        this.#enqueue({ url: link.url, kind: 'file', depth: visit.depth, listingUrl: visit.listingUrl, reportPage, linkText: link.text });
      return;
    }
    // A listing (or a column page): its links, and its body kept for the next run's 304.
    this.store.saveListing(fetched);
    for (const page of reading.pagination) this.#enqueue({ url: page, kind: 'listing', depth: visit.depth, listingUrl: null });
    for (const link of reading.reportLinks) this.#enqueue(visitOf(link, visit.depth + 1, listingUrl ?? fetched.finalUrl));
    for (const link of reading.attachments) this.#enqueue({ ...visitOf(link, visit.depth + 1, fetched.finalUrl), kind: 'file' });
    for (const link of reading.columnLinks) this.#enqueue({ url: link.url, kind: 'listing', depth: visit.depth + 1, listingUrl: null });
  }
}

function totalsOf(outcomes: readonly SourceOutcome[]): HarvestRunResult['totals'] {
  const totals = { pagesFetched: 0, reportsFound: 0, new: 0, changed: 0, unchanged: 0, duplicates: 0, notModified: 0, failed: 0 };
  for (const o of outcomes) {
    totals.pagesFetched += o.pagesFetched;
    totals.reportsFound += o.reportsFound;
    totals.new += o.new;
    totals.changed += o.changed;
    totals.unchanged += o.unchanged;
    totals.duplicates += o.duplicates;
    totals.notModified += o.notModified;
    totals.failed += o.failed.length;
  }
  return totals;
}

function runReportName(at: Date): string {
  return `${at.toISOString().replace(/:/g, '-').replace('.', '-')}-harvest.json`;
}

function writeRunReport(dir: string | null, started: Date, result: HarvestRunResult): string | null {
  if (!dir) return null;
  try {
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, runReportName(started));
    writeFileSync(file, `${JSON.stringify({ ...result, runReport: file }, null, 2)}\n`);
    return file;
  } catch {
    return null;
  }
}

export async function runHarvest(options: HarvestRunOptions): Promise<HarvestRunResult> {
  const started = new Date();
  const store = new HarvestStore(options.dataRoot);
  const client = options.client ?? createHarvestClient(options.clientOptions);
  const limits = { maxPages: options.maxPages ?? DEFAULT_MAX_PAGES, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH };
  const outcomes: SourceOutcome[] = [];
  const changedFiles: string[] = [];
  let fatal: string | null = null;
  try {
    for (const [index, source] of options.sources.entries()) {
      if (options.signal?.aborted) break;
      const crawl = new SourceCrawl(
        source,
        client,
        store,
        limits,
        (last) => {
          const o = crawl.outcome;
          options.progress?.({
            source: { id: source.id, url: source.url, label: source.label, index, of: options.sources.length },
            pagesFetched: o.pagesFetched,
            reportsFound: o.reportsFound,
            new: o.new,
            changed: o.changed,
            unchanged: o.unchanged,
            failed: o.failed.length,
            last,
          });
        },
        options.signal,
      );
      await crawl.run();
      outcomes.push(crawl.outcome);
      changedFiles.push(...crawl.changedFiles);
      const rootFailed = crawl.outcome.pagesFetched === 0;
      store.recordCheck({
        sourceId: source.id,
        checkedAt: new Date().toISOString(),
        code: source.code,
        name: source.name,
        scope: source.scope,
        reportsFound: crawl.outcome.reportsFound,
        failed: rootFailed,
      });
      // Saved after every source: an interrupted run keeps what it learned.
      store.save();
    }
  } catch (error) {
    fatal = (error as Error)?.message ?? String(error);
  } finally {
    if (!options.client) await client.close();
  }
  const finished = new Date();
  const totals = totalsOf(outcomes);
  const interrupted = options.signal?.aborted ?? false;
  const nothing = options.sources.length === 0 || outcomes.every((o) => o.pagesFetched === 0);
  const result: HarvestRunResult = {
    kind: 'harvest',
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    sources: outcomes,
    totals,
    changedFiles,
    requests: client.stats.requests,
    fatal: fatal ?? (interrupted ? 'interrupted' : options.sources.length === 0 ? 'no sources to harvest' : null),
    exitCode: interrupted ? 130 : fatal || nothing ? 2 : totals.failed > 0 ? 1 : 0,
    runReport: null,
    ...(options.meta ? { meta: { ...options.meta } } : {}),
  };
  const runsDir = options.runsDir === undefined ? path.join(options.dataRoot, 'runs') : options.runsDir;
  result.runReport = writeRunReport(runsDir, started, result);
  return result;
}
