/**
 * The harvester's shared vocabulary (docs/harvest.md): what a fetch returns, what a page is
 * understood to hold, and the named reasons a fetch or a page can fail. The network layer
 * (net/), the page reader (page/) and the run (run.ts) meet here.
 */

/** Why a URL yielded nothing: one plain name, written into the run report. */
export const HARVEST_FAILURES = [
  'unreachable', // connection refused, reset, host unknown (DNS), TLS failure
  'dns failure',
  'tls error',
  'timeout', // no answer, or the whole body not read within the deadline (a 1-byte-a-second server)
  'not found', // 404, 410
  'http error', // another 4xx, or a 5xx after the retries
  'too many requests', // 429 after honouring Retry-After the allowed number of times
  'redirect loop',
  'redirect off site', // a redirect to a host the source may not visit
  'too many redirects',
  'too large', // over the size limit, refused while streaming
  'refused address', // loopback, private, link-local … (the SSRF guard)
  'refused url', // credentials in the URL, a scheme other than http(s)
  'robots', // robots.txt disallows it
  'script challenge', // a small page of JavaScript instead of the content (200, 202, 412, 521)
  'wrong content', // the bytes are not what the link promised (HTML served as PDF)
  'unreadable', // the file cannot be read as a report (zip bomb, corrupt PDF …)
  'page limit', // the source's page budget was used up (an endless pager ends here)
  'depth limit',
] as const;
export type HarvestFailure = (typeof HARVEST_FAILURES)[number];

export class HarvestError extends Error {
  constructor(
    readonly reason: HarvestFailure,
    readonly url: string,
    detail?: string,
    options: { cause?: unknown } = {},
  ) {
    super(detail ? `${reason}: ${detail}` : reason, options);
    this.name = 'HarvestError';
  }
}

/** What the network layer hands back for one URL. */
export interface Fetched {
  /** The URL asked for. */
  url: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  /** 304 to a conditional request: `body` is empty, nothing changed. */
  notModified: boolean;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
  /** The type the bytes show (`pdf`, `zip`, `ole`, `rtf`, `html`, `unknown`), never the URL's or the header's word alone. */
  sniffed: 'pdf' | 'zip' | 'ole' | 'rtf' | 'html' | 'text' | 'unknown';
  fetchedAt: string;
}

/** A link on a page, with the words around it. */
export interface PageLink {
  url: string;
  text: string;
  /** The title attribute, when the visible text is cut short ("…") */
  title?: string;
  /** The year the report is about, from the link's text, its title, the URL (fbtime=2023, 2023nb/) or, for a report page's attachment, the page's title. */
  year?: number;
  /** For attachments: the file type the URL or the link's words name. */
  fileType?: AttachmentType;
}

/** File types a report is published in besides HTML. */
export type AttachmentType = 'pdf' | 'doc' | 'docx' | 'wps' | 'rtf';

/** Metadata a report page states about itself (the `<meta>` names of common site systems, and visible lines). */
export interface PageMeta {
  title: string | null;
  /** 发布时间 / 发布日期 / 成文日期 / PubDate, as YYYY-MM-DD. */
  publishedAt: string | null;
  articleTitle?: string;
  pubDate?: string;
  columnName?: string;
  siteName?: string;
  siteDomain?: string;
  siteIdCode?: string;
  contentSource?: string;
  /** The page's main heading (ArticleTitle, or an h1/title block that reads as a report). */
  heading?: string;
}

/** What a fetched HTML page is, for the crawl. */
export interface PageReading {
  meta: PageMeta;
  /** Pages of the same listing: next-page links, numbered pages, createPageHTML pages, ?page=N. */
  pagination: string[];
  /** Links that read as an annual report with a year (by their text, title or the URL). */
  reportLinks: PageLink[];
  /** .pdf / .doc / .docx / .wps files the page links to. */
  attachments: PageLink[];
  /** Other links on the same site that may lead to reports (sub-columns by year or kind of body). */
  columnLinks: PageLink[];
  /** The page itself reads as a report (its own text has the report's shape, or a report's title over a file), not only a listing. */
  isReport: boolean;
  /** The page's own text has the report's outline or table rows: the page is the report, its files are copies. */
  hasReportText: boolean;
  /** A script challenge instead of content. */
  isChallenge: boolean;
  /** A page with nothing but a meta refresh or a script sending the browser to a fixed address: that address. */
  redirect?: string;
}
