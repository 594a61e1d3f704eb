import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import iconv from 'iconv-lite';
import { generateCorpus } from './synth';

/**
 * A government portal on 127.0.0.1 for the harvester's tests and benchmark, never anything else.
 * The fixture site (test/fixtures/harvest-site, README there) is served from its files: www/ as
 * version 1, v2/ laid over it by setVersion(2) (one report's figures corrected). Or a generated
 * site (generateSite(n)) is served from memory. Every answer has an ETag and a Last-Modified and
 * honours If-None-Match / If-Modified-Since with 304; robots.txt is a file like any other.
 */

const SITE_DIR = path.resolve(import.meta.dirname, '../fixtures/harvest-site');

/** One answer of the site: its bytes, type and last change. */
interface SitePage {
  body: Buffer;
  type: string;
  lastModified: Date;
  status?: number;
  headers?: Record<string, string>;
}

type Pages = Map<string, SitePage>;

/** A site made in memory: its pages by path, and what a crawl of it should find. */
interface GeneratedSite {
  pages: Pages;
  /** The report pages, with the body and year each is about. */
  reports: { url: string; organization: string; year: number; publishedAt: string }[];
  /** The listing pages: the region's column pages and each body's column. */
  listings: string[];
}

/** The fixture site's manifest (site.json). */
export interface SiteManifest {
  columns: { county: string[]; region: string; yearColumn: string; department: string; township: string; examples: string };
  reports: {
    url: string;
    year: number;
    body: string;
    kind: 'html' | 'pdf' | 'docx' | 'doc';
    page?: string;
    encoding?: string;
    robots?: 'disallowed';
    changesInVersion2?: true;
    realText?: string;
  }[];
  notReports: string[];
  annualReportModule: { url: string; sameAs: string };
  redirect: { from: string; to: string };
  challenge: string;
  robotsDisallowed: string[];
  contentTypes: Record<string, string>;
}

let manifest: SiteManifest | undefined;
export const siteManifest = (): SiteManifest => {
  manifest ??= JSON.parse(readFileSync(path.join(SITE_DIR, 'site.json'), 'utf8')) as SiteManifest;
  return manifest;
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.css': 'text/css',
  '.js': 'application/javascript',
};

/** When the site's files last changed: version 1, and the pages version 2 replaces. */
const VERSION_DATES = { 1: new Date('2025-02-01T08:00:00Z'), 2: new Date('2025-02-10T08:00:00Z') };

function readTree(dir: string, version: 1 | 2, types: Record<string, string>, into: Pages = new Map(), prefix = ''): Pages {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return into;
  }
  for (const entry of entries) {
    const rel = `${prefix}/${entry.name}`;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) readTree(full, version, types, into, rel);
    else
      into.set(rel, {
        body: readFileSync(full),
        type: types[rel] ?? TYPES[path.extname(entry.name).toLowerCase()] ?? 'application/octet-stream',
        lastModified: VERSION_DATES[version],
      });
  }
  return into;
}

/** The fixture site's pages for a version: www/, with v2/ laid over it from version 2 on. */
function fixturePages(version: 1 | 2): Pages {
  const types = siteManifest().contentTypes;
  const pages = readTree(path.join(SITE_DIR, 'www'), 1, types);
  if (version === 2) readTree(path.join(SITE_DIR, 'v2'), 2, types, pages);
  // The challenge answers 521, as 加速乐 does.
  const challenge = pages.get('/special/challenge.html');
  if (challenge) challenge.status = 521;
  return pages;
}

const notFound = (): SitePage => ({
  body: Buffer.from('<!DOCTYPE html><html><head><meta charset="utf-8"><title>页面不存在</title></head><body><p>对不起，您访问的页面不存在。</p></body></html>'),
  type: 'text/html; charset=utf-8',
  lastModified: VERSION_DATES[1],
  status: 404,
});

/** The fixture site's two modules: the annual-report module (by body code and year) and the download handler. */
function modulePage(pages: Pages, url: URL): SitePage | null {
  if (url.pathname === '/module/xxgk/xxgkAnnualReport.jsp') {
    const module = siteManifest().annualReportModule;
    const wanted = new URL(module.url, url);
    const same = ['area', 'fbtime'].every((k) => url.searchParams.get(k) === wanted.searchParams.get(k));
    return same ? (pages.get(module.sameAs) ?? null) : null;
  }
  if (url.pathname === '/module/download/downfile.jsp') {
    const name = url.searchParams.get('filename') ?? '';
    const file = /^[\w.-]+$/.test(name) ? pages.get(`/uploadfile/${name}`) : undefined;
    return file ? { ...file, headers: { 'content-disposition': `attachment; filename="${name}"` } } : null;
  }
  return null;
}

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;

/** 304 when the client's copy is current: If-None-Match first, else If-Modified-Since (whole seconds). */
function notModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const inm = req.headers['if-none-match'];
  if (inm) return inm === '*' || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
  const ims = req.headers['if-modified-since'];
  if (!ims) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

interface SiteRequest {
  method: string;
  /** Path and query. */
  url: string;
  status: number;
  headers: IncomingMessage['headers'];
}

export interface SiteServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Every request, in order: what a crawl asked for (robots honoured, conditional requests made). */
  requests: SiteRequest[];
  version: 1 | 2;
  /** Version 2 corrects one report's figures (site.json: changesInVersion2): a new ETag and Last-Modified for it. */
  setVersion(version: 1 | 2): void;
  close(): Promise<void>;
}

/** Serves the fixture site, or a generated one, on 127.0.0.1 at a free port. */
export async function startSiteServer(options: { site?: GeneratedSite } = {}): Promise<SiteServer> {
  let version: 1 | 2 = 1;
  let pages = options.site?.pages ?? fixturePages(1);
  const requests: SiteRequest[] = [];

  const answer = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, headers: Record<string, string>, body?: Buffer) => {
      requests.push({ method: req.method ?? 'GET', url: url.pathname + url.search, status, headers: req.headers });
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { allow: 'GET, HEAD' });
    // A folder is its index page; a folder named without its slash is sent to it.
    const lookup = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
    if (!pages.has(lookup) && pages.has(`${lookup}/index.html`)) return send(301, { location: `${url.pathname}/` });
    const page = pages.get(lookup) ?? modulePage(pages, url) ?? notFound();
    const etag = etagOf(page.body);
    const validators = { etag, 'last-modified': page.lastModified.toUTCString() };
    if ((page.status ?? 200) === 200 && notModified(req, etag, page.lastModified)) return send(304, validators);
    send(page.status ?? 200, { 'content-type': page.type, 'content-length': String(page.body.length), ...validators, ...page.headers }, page.body);
  };

  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    get version() {
      return version;
    },
    setVersion(next: 1 | 2) {
      if (options.site) throw new Error('a generated site has one version');
      version = next;
      pages = fixturePages(next);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// A generated site for the benchmark: n pages, from memory.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Report text as the page shows it: tab-separated and `|` rows as tables, other lines as paragraphs. */
function textToHtml(text: string): string {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) out.push(`<table border="1">${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c.trim())}</td>`).join('')}</tr>`).join('')}</table>`);
    rows = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) rows.push(line.split('\t'));
    else if (/^\s*\|.*\|\s*$/.test(line)) {
      if (!/^\s*\|[\s:|-]+\|\s*$/.test(line)) rows.push(line.trim().slice(1, -1).split('|'));
    } else {
      flush();
      if (line.trim()) out.push(`<p>${esc(line.trim())}</p>`);
    }
  }
  flush();
  return out.join('\n');
}

const GEN_ROOT = '/gen/zfxxgknb';
/** Body columns listed on one page of the region's column. */
const BODIES_PER_PAGE = 20;
const GEN_DATE = new Date('2025-02-01T08:00:00Z');

function genPage(title: string, column: string, main: string, meta: Record<string, string> = {}, charset = 'utf-8'): string {
  const metas = Object.entries({ SiteName: '生成站点', SiteIDCode: '9999990002', ColumnName: column, ...meta })
    .map(([k, v]) => `<meta name="${k}" content="${esc(v)}">`)
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>${esc(title)}</title>${metas}</head><body>
<div class="header"><ul class="nav"><li><a href="/index.html">首页</a></li><li><a href="${GEN_ROOT}/index.html">政府信息公开年报</a></li></ul></div>
<div class="main">${main}</div>
<div class="footer">生成站点（基准测试用） 网站标识码：9999990002</div></body></html>`;
}

/**
 * A site of exactly n pages (n ≥ 4) for the benchmark, made in memory from the synthetic corpus
 * (test/support/synth, seeded: the same n gives the same site): a home page; the region's column
 * of body columns, BODIES_PER_PAGE to a page, paged by createPageHTML; one column page per body;
 * one page per report (a few in GBK, as the corpus writes them).
 */
export function generateSite(n: number, seed = 'harvest-bench'): GeneratedSite {
  if (n < 4) throw new Error('a generated site has at least 4 pages: home, column, a body, a report');
  const html = (s: string, charset = 'utf-8'): SitePage => ({
    body: charset === 'utf-8' ? Buffer.from(s) : iconv.encode(s, 'gbk'),
    type: charset === 'utf-8' ? 'text/html; charset=utf-8' : 'text/html',
    lastModified: GEN_DATE,
  });
  const pages: Pages = new Map();
  const reports: GeneratedSite['reports'] = [];
  const bodies: { name: string; column: string; rows: string[] }[] = [];

  // Home + the first page of the region's column: 2 pages. Each body: its column and its reports.
  let used = 2;
  let lastBody = '';
  for (const report of generateCorpus({ seed, count: n, gbkShare: 0.05 })) {
    if (used >= n) break;
    const m = report.manifest;
    const newBody = m.body !== lastBody;
    const columnPageNeeded = newBody && bodies.length > 0 && bodies.length % BODIES_PER_PAGE === 0 ? 1 : 0;
    // Room for a new body's column (and a new column page) and its report, else the report joins the last body.
    const startsBody = newBody && (bodies.length === 0 || used + 2 + columnPageNeeded <= n);
    if (startsBody) {
      bodies.push({ name: m.organization, column: `${GEN_ROOT}/b${String(bodies.length).padStart(6, '0')}/index.html`, rows: [] });
      used += 1 + columnPageNeeded;
      lastBody = m.body;
    }
    const body = bodies[bodies.length - 1]!;
    const date = m.publishedAt;
    const url = `${path.posix.dirname(body.column)}/${date.slice(0, 7).replace('-', '')}/t${date.replace(/-/g, '')}_${700000 + report.index}.html`;
    const title = `${m.organization}${m.year}年政府信息公开工作年度报告`;
    const gbk = m.encoding !== 'utf-8';
    const main = `<h1 class="title">${esc(title)}</h1><div class="info">发布时间：${date}</div><div class="content">${textToHtml(report.text)}</div>`;
    pages.set(url, html(genPage(title, m.organization, main, { ArticleTitle: title, PubDate: date }, gbk ? 'gbk' : 'utf-8'), gbk ? 'gbk' : 'utf-8'));
    body.rows.push(`<li><a href="${url}">${esc(title)}</a><span>${date}</span></li>`);
    reports.push({ url, organization: m.organization, year: m.year, publishedAt: date });
    used++;
  }

  const listings: string[] = [];
  for (const body of bodies) {
    pages.set(body.column, html(genPage(`${body.name}政府信息公开年报`, `${body.name}年报`, `<ul class="list">${body.rows.join('')}</ul>`)));
    listings.push(body.column);
  }
  const columnPages = Math.max(1, Math.ceil(bodies.length / BODIES_PER_PAGE));
  for (let p = 0; p < columnPages; p++) {
    const rows = bodies.slice(p * BODIES_PER_PAGE, (p + 1) * BODIES_PER_PAGE).map((b) => `<li><a href="${b.column}">${esc(b.name)}</a></li>`);
    const pager = `<div class="page"><script>createPageHTML(${columnPages}, ${p}, "index", "html");</script></div>`;
    const url = `${GEN_ROOT}/${p === 0 ? 'index' : `index_${p}`}.html`;
    pages.set(url, html(genPage('各单位政府信息公开年报', '各单位政府信息公开年报', `<ul class="list">${rows.join('')}</ul>${pager}`)));
    listings.push(url);
  }
  pages.set('/index.html', html(genPage('生成站点', '首页', `<ul><li><a href="${GEN_ROOT}/index.html">政府信息公开年报</a></li></ul>`)));
  pages.set('/robots.txt', { body: Buffer.from('User-agent: *\nAllow: /\n'), type: 'text/plain; charset=utf-8', lastModified: GEN_DATE });
  return { pages, reports, listings };
}
