/**
 * Reading a fetched HTML page for the crawl (docs/harvest.md): its metadata, the other pages of
 * its listing, the links that read as annual reports, the report files it links to, the
 * sub-columns worth following, whether the page is itself a report, and whether it is a script
 * challenge instead of content. Built on the structure common to government portals (their site
 * systems' URL shapes, pagers, <meta> names and the reports' own wording), not on any one site.
 */

import type { CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { decodeText } from '../../ingest/encoding';
import { decodeHtml, MAX_HTML_DEPTH, markupDepth } from '../../ingest/html';
import { type Fetched, HarvestError, type PageLink, type PageMeta, type PageReading } from '../types';
import { isChallengePage, plainRedirect } from './challenge';
import { isElement, type Region, Regions } from './dom';
import { readMeta } from './meta';
import { fillPages, hanwebPages, sameListing, scriptPages } from './pagination';
import { hasReportShape } from './shape';
import { fileLink, hasYearParam, isAnnualReportModule, isArticleUrl, isListingUrl, siteOf } from './urls';
import { columnText, pathWords, readsAsReport, yearIn, yearInUrl } from './words';

export interface ReadPageContext {
  /** Hosts that count as the page's own site besides its own (a source's other hosts). */
  hosts?: string[];
  /** The text of the link that led here: a report's title when the page has none of its own. */
  linkText?: string;
  /** At most this many pages of one listing are generated from a pager's total (default 500). */
  maxPages?: number;
}

const DEFAULT_MAX_PAGES = 500;

/** The charset of a Content-Type header. */
function headerCharset(headers: Record<string, string>): string | null {
  const type = headers['content-type'] ?? '';
  return /charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(type)?.[1] ?? null;
}

/** The page's text: the header's charset first, then the page's own <meta>, then sniffing (GBK/GB2312/GB18030, Big5). */
export function decodePage(fetched: Fetched): string | null {
  const charset = headerCharset(fetched.headers);
  const decoded = (charset ? decodeText(fetched.body, charset) : null) ?? decodeHtml(fetched.body);
  return decoded?.text ?? null;
}

const collapse = (s: string) => s.replace(/[\s\u00a0\u3000\ufeff]+/g, ' ').trim();
const CJK = /[\u3400-\u9fff]/g;
const countCjk = (s: string) => s.match(CJK)?.length ?? 0;

const NEVER_TEXT = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'select', 'option', 'textarea', 'iframe', 'object', 'svg']);
const BLOCKS = /^(?:p|div|br|li|tr|td|th|h[1-6]|table|section|article|ul|ol|dl|dt|dd|header|footer|nav|blockquote|pre|form)$/;

interface Texts {
  /** Everything a reader sees, one line per block. */
  visible: string;
  /** The same without link text: a listing's titles are links, a report's text is not. */
  outsideLinks: string;
}

function readTexts(root: AnyNode): Texts {
  const visible: string[] = [];
  const outside: string[] = [];
  const visit = (node: AnyNode, inLink: boolean) => {
    if (node.type === 'text') {
      const data = (node as { data: string }).data;
      visible.push(data);
      if (!inLink) outside.push(data);
      return;
    }
    if (!isElement(node) && node.type !== 'root') return;
    if (isElement(node)) {
      if (NEVER_TEXT.has(node.name)) return;
      const style = node.attribs.style;
      if (style && /display\s*:\s*none/i.test(style)) return;
    }
    const block = isElement(node) && BLOCKS.test(node.name);
    if (block) {
      visible.push('\n');
      outside.push('\n');
    }
    const link = inLink || (isElement(node) && node.name === 'a');
    for (const child of (node as { children: AnyNode[] }).children) visit(child, link);
    if (block) {
      visible.push('\n');
      outside.push('\n');
    }
  };
  visit(root, false);
  const join = (parts: string[]) =>
    parts
      .join('')
      .split('\n')
      .map((l) => l.replace(/[\s\u00a0\u3000\ufeff]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
  return { visible: join(visible), outsideLinks: join(outside) };
}

/** Words of a pager's links. 首页 (also "home page") only inside a pager. */
const NEXT = /^(?:下一?页|下一頁|下頁|后一?页|後一?頁|next(?:page)?|>|>>|›|»|→)$/i;
const PREV = /^(?:上一?页|上一頁|上頁|前一?页|prev(?:ious)?(?:page)?|<|<<|‹|«|←)$/i;
const LAST = /^(?:尾页|末页|最后一?页|尾頁|末頁|last(?:page)?|>\||»\|)$/i;
const FIRST = /^(?:首页|第一页|首頁|first(?:page)?|\|<|\|«)$/i;
const NUMBER = /^(?:第)?(\d{1,4})(?:页)?$/;

type PagerWord = 'next' | 'prev' | 'last' | 'first' | 'number';

function pagerWord(label: string, inPager: boolean): PagerWord | null {
  const t = label.replace(/[[\]【】()（）\s]/g, '');
  if (!t) return null;
  const core = t.replace(/^[<>«»‹›]+(?=[^<>«»‹›])|(?<=[^<>«»‹›])[<>«»‹›]+$/g, '');
  if (NEXT.test(core) || NEXT.test(t)) return 'next';
  if (LAST.test(core) || LAST.test(t)) return 'last';
  if (PREV.test(core) || PREV.test(t)) return 'prev';
  if (inPager && (FIRST.test(core) || FIRST.test(t))) return 'first';
  if (NUMBER.test(t)) return 'number';
  return null;
}

interface RawLink {
  url: URL;
  text: string;
  title?: string;
  region: Region;
  /** From an <iframe>, <frame>, <embed> or <object>: shows a page or a file in place. */
  embedded?: boolean;
}

/** An href as written, or the address a javascript: link opens. */
function hrefTarget(raw: string): string | null {
  const href = raw.replace(/[\t\n\r]/g, '').trim();
  if (!href || href.startsWith('#')) return null;
  if (/^javascript:/i.test(href)) {
    const m = /(?:window\.open|location(?:\.href)?\s*=|location\.(?:replace|assign))\s*\(?\s*['"]([^'"]+)['"]/i.exec(href);
    return m ? m[1]! : null;
  }
  if (/^(?:mailto|tel|sms|data|about|blob|file|ftp):/i.test(href)) return null;
  return href;
}

function resolve(href: string, base: URL): URL | null {
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

/** Words that say what to do, not what the link leads to: the row around it says that. */
const GENERIC_LINK =
  /^(?:查看|详情|详细|详细信息|查看详情|点击查看|点击浏览|浏览|阅读|阅读全文|全文|下载|点击下载|附件下载|立即下载|更多|more|详细内容|进入|点击进入)$/i;

function linkText($: CheerioAPI, el: Element): string {
  let text = collapse($(el).text());
  if (!text) {
    const img = $(el).find('img').first();
    text = collapse(img.attr('alt') ?? img.attr('title') ?? '');
  }
  if (text && !GENERIC_LINK.test(text.replace(/[[\]【】()（）<>《》«»›‹\s>]/g, ''))) return text;
  // "查看" / "下载" / "更多>>" in a list row or a block heading: the row's words, if short.
  const row = $(el).closest('li, tr, dd, dt, p, h1, h2, h3, h4, div').first();
  const words = row.length ? collapse(row.text()) : '';
  return words && words.length <= 120 ? words : text;
}

/**
 * Links of the page, and of the records Hanweb (大汉) listings keep as CDATA in a datastore: inline
 * in a <script type="text/xml"> on the column page, or the whole answer of its dataproxy.jsp.
 */
function collectLinks($: CheerioAPI, html: string, base: URL, regions: Regions): RawLink[] {
  const out: RawLink[] = [];
  const add = (href: string | undefined, text: string, title: string | undefined, region: Region, embedded = false) => {
    const target = href ? hrefTarget(href) : null;
    const url = target ? resolve(target, base) : null;
    if (url) out.push({ url, text, title: title ? collapse(title) || undefined : undefined, region, embedded });
  };
  for (const el of $('a[href], area[href]').toArray()) add(el.attribs.href, linkText($, el), el.attribs.title, regions.of(el));
  for (const el of $('iframe[src], frame[src], embed[src], object[data]').toArray()) {
    add(el.attribs.src ?? el.attribs.data, collapse(el.attribs.title ?? el.attribs.name ?? ''), undefined, regions.of(el), true);
  }
  // Buttons and spans that open a file or a page by script: onclick="window.open('/u/a.pdf')".
  for (const el of $('[onclick]').toArray()) {
    const code = el.attribs.onclick!;
    const m = /(?:window\.open|location(?:\.href)?\s*=|location\.(?:replace|assign))\s*\(?\s*['"]([^'"]+)['"]/i.exec(code) ?? FILE_IN_CODE.exec(code);
    if (m) add(m[1], linkText($, el), el.attribs.title, regions.of(el));
  }
  if (/<recordset\b/i.test(html)) {
    const records = [...html.matchAll(/<record\b[^>]*>\s*<!\[CDATA\[([\s\S]*?)\]\]>/gi)].map((m) => m[1]).join('\n');
    const $r = cheerio.load(records);
    for (const a of $r('a[href]').toArray()) add(a.attribs.href, linkText($r, a), a.attribs.title, 'content');
  }
  return out;
}

/** A file address quoted in code: '/uploadfile/2024/a.pdf', "P020240118….docx". */
const FILE_IN_CODE = /['"]([^'"\s<>()]+\.(?:pdf|docx?|wps|rtf))['"]/i;

/**
 * Files a page shows only through its scripts (a viewer started by script, a download button
 * built by script): quoted file addresses and viewer file= parameters in the page's code.
 */
function filesInCode(html: string, base: URL): RawLink[] {
  const out: RawLink[] = [];
  const found = new Set<string>();
  for (const m of html.matchAll(/['"(=]([^'"\s<>()=]+\.(?:pdf|docx?|wps|rtf))(?=['")&#?]|\s|$)/gi)) {
    let href = m[1]!;
    try {
      href = decodeURIComponent(href);
    } catch {
      // kept as written
    }
    const url = resolve(href, base);
    if (url && !found.has(url.href)) {
      found.add(url.href);
      out.push({ url, text: '', region: 'content' });
    }
  }
  return out;
}

/** The page's main heading: an h1–h3 or title-classed block outside links and chrome that reads as a report, else the first h1. */
function findHeading($: CheerioAPI, regions: Regions): string | undefined {
  let firstH1: string | undefined;
  for (const el of $('h1, h2, h3, [class*="title"], [id*="title"], [class*="biaoti"], [class*="tit"]').toArray()) {
    if (el.name === 'a' || el.name === 'title' || $(el).closest('a, li').length || regions.of(el) === 'chrome') continue;
    const text = collapse($(el).text());
    if (!text || text.length > 120) continue;
    // A listing's row classed "title" holds a link: the link's words are another page's.
    if (collapse($(el).find('a').text()).length * 2 >= text.length) continue;
    if (el.name === 'h1' && !firstH1) firstH1 = text;
    const reading = readsAsReport(text);
    if (reading?.year) return text;
  }
  return firstH1;
}

/** The parts of <title>: "报告标题_栏目_网站" or "报告标题 - 网站". */
const titleParts = (title: string | null) => (title ?? '').split(/\s*[_|｜—–]\s*|\s+-\s+/).filter(Boolean);

/** Words that say a page gathers reports: its column name, title, heading or breadcrumb. */
const ABOUT_REPORTS = /年[报報]|年度[报報]告|信息公[开開]工作[报報]告|公[开開]年[报報]/;

function emptyReading(title: string | null = null): PageReading {
  return {
    meta: { title, publishedAt: null },
    pagination: [],
    reportLinks: [],
    attachments: [],
    columnLinks: [],
    isReport: false,
    hasReportText: false,
    isChallenge: false,
  };
}

class LinkSet {
  private readonly byUrl = new Map<string, PageLink>();

  add(link: PageLink): void {
    const known = this.byUrl.get(link.url);
    if (!known) {
      this.byUrl.set(link.url, link);
      return;
    }
    // Keep the most telling words: a link listed twice (picture and title) has its text once.
    if (!known.text && link.text) known.text = link.text;
    if (!known.title && link.title) known.title = link.title;
    if (known.year === undefined && link.year !== undefined) known.year = link.year;
    if (known.fileType === undefined && link.fileType !== undefined) known.fileType = link.fileType;
  }

  has(url: string): boolean {
    return this.byUrl.has(url);
  }

  list(): PageLink[] {
    return [...this.byUrl.values()];
  }
}

const pageLink = (url: URL, raw: RawLink, extra: Partial<PageLink> = {}): PageLink => {
  const link: PageLink = { url: url.href, text: raw.text };
  if (raw.title && raw.title !== raw.text) link.title = raw.title;
  return Object.assign(link, Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)));
};

/** What the link phase needs to know about the page it reads. */
interface PageContext {
  pageUrl: URL;
  base: URL;
  regions: Regions;
  /** The page gathers reports (its column name, title, heading, breadcrumb or URL say so). */
  inReportColumn: boolean;
  /** The year a year sub-column is about. */
  columnYear: number | null;
  sameSite: (url: URL) => boolean;
  /** This page's own addresses. */
  self: Set<string>;
  maxPages: number;
}

function pageContext($: CheerioAPI, fetched: Fetched, meta: PageMeta, context: ReadPageContext): PageContext {
  const pageUrl = new URL(fetched.finalUrl || fetched.url);
  const baseHref = $('base[href]').attr('href');
  // Each element's region is worked out once (Regions remembers it), so its text is measured once.
  const regions = new Regions((el) => collapse($(el).text()).length);
  const heading = meta.articleTitle && readsAsReport(meta.articleTitle)?.year ? meta.articleTitle : (findHeading($, regions) ?? meta.articleTitle);
  if (heading) meta.heading = heading;
  const breadcrumb = collapse(
    $('[class*="position"], [class*="location"], [class*="crumb"], [class*="dqwz"], [id*="position"], [id*="location"]').text(),
  ).slice(0, 300);
  const ownSite = new Set([siteOf(pageUrl), ...(context.hosts ?? []).map((h) => siteOf(new URL(`http://${h}`)))]);
  return {
    pageUrl,
    base: (baseHref && resolve(baseHref, pageUrl)) || pageUrl,
    regions,
    inReportColumn:
      pathWords(pageUrl).column || [meta.columnName, meta.title, meta.heading, breadcrumb, context.linkText].some((t) => !!t && ABOUT_REPORTS.test(t)),
    columnYear:
      (meta.columnName ? yearIn(meta.columnName) : null) ??
      titleParts(meta.title)
        .map((p) => (/^[^_]{0,12}$/.test(p) ? yearIn(p) : null))
        .find((y) => y !== null) ??
      yearInUrl(pageUrl),
    sameSite: (url) => ownSite.has(siteOf(url)),
    self: samePage(pageUrl, resolve(fetched.url, pageUrl)),
    maxPages: context.maxPages ?? DEFAULT_MAX_PAGES,
  };
}

interface SortedLinks {
  /** Links to other pages of this listing. */
  pagerUrls: URL[];
  reportLinks: LinkSet;
  attachments: LinkSet;
  columnLinks: LinkSet;
}

/** Each link to one place: a page of this listing, a report (a file may be one too), a file, a sub-column, or nothing. */
function sortLinks($: CheerioAPI, html: string, page: PageContext): SortedLinks {
  const { pageUrl, inReportColumn } = page;
  const sorted: SortedLinks = { pagerUrls: [], reportLinks: new LinkSet(), attachments: new LinkSet(), columnLinks: new LinkSet() };
  const { reportLinks, attachments, columnLinks } = sorted;

  for (const raw of collectLinks($, html, page.base, page.regions)) {
    const { url } = raw;
    const site = page.sameSite(url);

    // 1. Pages of this listing: pager words, or numbers in a pager or on the listing's own URLs.
    if (site && !raw.embedded) {
      const word = pagerWord(raw.text || raw.title || '', raw.region === 'pager');
      const listing = sameListing(url, pageUrl);
      if ((word && word !== 'number') || (word === 'number' && (raw.region === 'pager' || listing)) || (listing && raw.region === 'pager')) {
        sorted.pagerUrls.push(url);
        continue;
      }
    }

    // 2. Files.
    const file = fileLink(url, `${raw.text} ${raw.title ?? ''}`);
    const reading = readsAsReport(raw.text, inReportColumn) ?? (raw.title ? readsAsReport(raw.title, inReportColumn) : null);
    const year = reading?.year ?? (raw.title ? yearIn(raw.title) : null) ?? yearInUrl(file?.url ?? url);
    if (file) attachments.add(pageLink(file.url, raw, { fileType: file.fileType, year: reading ? (year ?? undefined) : undefined }));

    // 3. Reports: words that read as a report of a year, on a document (not a column's listing);
    //    or an annual-report module addressed by year.
    if (reading && year && (file || !site || isArticleUrl(url) || hasYearParam(url) || !isListingUrl(url))) {
      reportLinks.add(pageLink(file?.url ?? url, raw, { year, fileType: file?.fileType }));
      continue;
    }
    if (!file && isAnnualReportModule(url)) {
      reportLinks.add(pageLink(url, raw, { year: yearInUrl(url) ?? undefined }));
      continue;
    }
    // In a report column, a document named only by a year, a kind of body or a body is that body's report of the column's year.
    const named = reading ? null : columnText(raw.text || raw.title || '');
    if (inReportColumn && named && named !== 'report-column' && (file || isArticleUrl(url))) {
      const namedYear = yearIn(raw.text) ?? page.columnYear ?? yearInUrl(url);
      if (namedYear) {
        reportLinks.add(pageLink(file?.url ?? url, raw, { year: namedYear, fileType: file?.fileType }));
        continue;
      }
      if (site && !file) {
        columnLinks.add(pageLink(url, raw));
        continue;
      }
    }
    if (file || !site || page.self.has(url.href)) continue;

    // 4. Sub-columns worth following.
    if (!isArticleUrl(url) && isColumnLink(url, raw, inReportColumn)) columnLinks.add(pageLink(url, raw, { year: year ?? undefined }));
    // A report without a year in its link: its own page will say.
    else if (reading) columnLinks.add(pageLink(url, raw));
  }

  // No file among the links: the page may start one by script (a viewer, a download button).
  if (attachments.list().length === 0) {
    for (const raw of filesInCode(html, page.base)) {
      const file = fileLink(raw.url, '');
      if (file) attachments.add(pageLink(file.url, raw, { fileType: file.fileType }));
    }
  }
  return sorted;
}

/** The other pages of the page's listing: its pager's links and the gaps between them, script pagers, Hanweb groups. */
function listingPages(pagerUrls: URL[], scripts: string[], html: string, page: PageContext): Set<string> {
  const pagination = new Set<string>();
  for (const url of pagerUrls) pagination.add(url.href);
  for (const href of fillPages(pagerUrls, page.pageUrl, page.maxPages)) pagination.add(href);
  for (const href of scriptPages(scripts, page.base, page.maxPages)) pagination.add(href);
  for (const href of hanwebPages(html, scripts, page.base, page.maxPages)) pagination.add(href);
  for (const href of page.self) pagination.delete(href);
  for (const href of pagination) if (!page.sameSite(new URL(href))) pagination.delete(href);
  return pagination;
}

interface ReportJudgement {
  isReport: boolean;
  /** The page's own text has the report's outline or table rows (not only a title over a file). */
  hasReportText: boolean;
  /** The year the page's own title, heading or the link that led here names. */
  year: number | undefined;
}

/**
 * Whether the page is itself a report: the outline or the table rows in its own text; or a title
 * of a report of a year on a page that is not a listing (no pager, fewer than three report links)
 * and holds something (a file, or some text).
 */
function judgeReport(meta: PageMeta, texts: Texts, sorted: SortedLinks, paged: boolean, context: ReadPageContext): ReportJudgement {
  const headingReading = meta.heading ? readsAsReport(meta.heading) : null;
  const titleReading = titleParts(meta.title)
    .map((p) => readsAsReport(p))
    .find((r) => r?.year);
  const linkReading = context.linkText ? readsAsReport(context.linkText, true) : null;
  const ownReports = sorted.reportLinks.list().filter((l) => !sorted.attachments.has(l.url));
  const listing = paged || ownReports.length >= 3;
  const wraps = sorted.attachments.list().length > 0 || countCjk(texts.outsideLinks) >= 200;
  const hasReportText = hasReportShape(texts.outsideLinks);
  const isReport =
    hasReportText ||
    (!listing && !!headingReading?.year) ||
    (!listing && wraps && !!(titleReading?.year || linkReading?.year)) ||
    (!!meta.articleTitle && !!readsAsReport(meta.articleTitle)?.year && ownReports.length < 3);
  const year = headingReading?.year ?? titleReading?.year ?? linkReading?.year ?? yearIn(texts.outsideLinks.slice(0, 400)) ?? undefined;
  return { isReport, hasReportText, year };
}

/**
 * Reads a fetched page. Pages that are not HTML (a PDF, a Word file) read as nothing; a page
 * nested deeper than the ingest layer's limit is refused as unreadable.
 */
export function readPage(fetched: Fetched, context: ReadPageContext = {}): PageReading {
  if (fetched.notModified || fetched.body.length === 0) return emptyReading();
  if (fetched.sniffed === 'pdf' || fetched.sniffed === 'zip' || fetched.sniffed === 'ole' || fetched.sniffed === 'rtf') return emptyReading();
  const at = fetched.finalUrl || fetched.url;
  const html = decodePage(fetched);
  if (html === null) throw new HarvestError('unreadable', at, 'the page cannot be decoded as text');
  const depth = markupDepth(html);
  if (depth > MAX_HTML_DEPTH) throw new HarvestError('unreadable', at, `markup nested ${depth} elements deep`);

  const $ = cheerio.load(html);
  const texts = readTexts(($('body').get(0) ?? $.root().get(0)) as AnyNode);
  const meta = readMeta($, texts.visible);
  // Code only: a <script type="text/xml"> datastore or a JSON block is data.
  const scripts = $('script')
    .toArray()
    .filter(
      (el) => !el.attribs.src && /^(?:|text\/javascript|application\/javascript|module|text\/ecmascript|javascript)$/i.test((el.attribs.type ?? '').trim()),
    )
    .map((el) => $(el).text());
  const scriptSources = $('script[src]')
    .toArray()
    .map((el) => el.attribs.src!);
  if (isChallengePage({ status: fetched.status, html, visibleText: texts.visible, scripts, scriptSources })) {
    return { ...emptyReading(meta.title), meta, isChallenge: true };
  }

  const page = pageContext($, fetched, meta, context);
  const sorted = sortLinks($, html, page);
  const pagination = listingPages(sorted.pagerUrls, scripts, html, page);
  const { isReport, hasReportText, year } = judgeReport(meta, texts, sorted, pagination.size > 0, context);

  // A report page's files are the report, whatever their link says ("附件1", "点击下载").
  const files = sorted.attachments.list();
  if (isReport) {
    for (const file of files) {
      if (sorted.reportLinks.has(file.url) || /政府工作[报報]告|公[报報]|指南|目录|解读/.test(`${file.text} ${file.title ?? ''}`)) continue;
      const fileYear = file.year ?? year;
      sorted.reportLinks.add(fileYear === undefined ? { ...file } : { ...file, year: fileYear });
    }
  }

  const reading: PageReading = {
    meta,
    pagination: [...pagination],
    reportLinks: sorted.reportLinks.list(),
    attachments: files,
    columnLinks: sorted.columnLinks.list().filter((l) => !pagination.has(l.url) && !sorted.reportLinks.has(l.url)),
    isReport,
    hasReportText,
    isChallenge: false,
  };
  const redirect = findRedirect($, scripts, texts.visible, page.pageUrl);
  if (redirect) reading.redirect = redirect;
  return reading;
}

/** The addresses of this page: asked for, after redirects, and a folder and its index page as one. */
function samePage(...urls: (URL | null)[]): Set<string> {
  const out = new Set<string>();
  for (const url of urls) {
    if (!url) continue;
    out.add(url.href);
    if (url.pathname.endsWith('/')) for (const name of ['index.html', 'index.htm', 'index.shtml', 'default.htm']) out.add(new URL(name, url).href);
    else if (/\/(?:index|default)\.\w+$/.test(url.pathname) && !url.search) out.add(new URL('./', url).href);
  }
  return out;
}

/** Whether a same-site link leads to a sub-column of reports: by its path words, or its text in a report column. */
function isColumnLink(url: URL, raw: RawLink, inReportColumn: boolean): boolean {
  const words = pathWords(url);
  // A frame showing a listing in place.
  if (raw.embedded) return raw.region !== 'chrome' && (words.column || (inReportColumn && isListingUrl(url)));
  const text = columnText(raw.text || raw.title || '');
  if (text === 'report-column') return true;
  if (raw.region === 'chrome') return words.column && text !== null;
  if (words.column) return true;
  if (text === 'year' || text === 'kind') return inReportColumn || words.kind;
  if (text === 'body') return inReportColumn && (isListingUrl(url) || words.kind);
  return false;
}

/** A meta refresh, or a small page whose script sends the browser to a fixed address. */
function findRedirect($: CheerioAPI, scripts: string[], visible: string, pageUrl: URL): string | undefined {
  const refresh = $('meta[http-equiv]')
    .toArray()
    .find((el) => el.attribs['http-equiv']!.toLowerCase() === 'refresh')?.attribs.content;
  const fromMeta = refresh ? /url\s*=\s*['"]?([^'";]+)/i.exec(refresh)?.[1] : undefined;
  const target = fromMeta ?? (visible.replace(/\s+/g, '').length < 200 ? plainRedirect(scripts.join('\n')) : null);
  return (target && resolve(target.trim(), pageUrl)?.href) || undefined;
}
