import type { AttachmentType } from '../types';

/**
 * What a URL's shape says, in the shapes of the common site systems: an article (one document),
 * a listing (a column's page), a file, the same site or another.
 */

/** One document: TRS /202301/t20230128_3929475.html (and _wap/_app copies), /content/post_4127379.html,
 * Hanweb /art/2024/1/22/art_1229_3456.html, /info/2956/34000.htm, content_123.htm, a long numeric leaf. */
const ARTICLE =
  /\/t\d{8}_\d+(?:_\w+)?\.s?html?$|\/post_\d+(?:_\w+)?\.s?html?$|\/art_\d+_\d+\.s?html?$|\/info\/\d+\/\d+\.s?html?$|\/content_\d+(?:_\w+)?\.s?html?$|\/(?:c|n|a|news|doc)?\d{6,}(?:_\w+)?\.s?html?$|\/(?:detail|article|content|show|view|shownews|newsdetail|newsshow|info)(?:_\d+)?\.(?:s?html?|jsp|php|aspx?|do)$/i;

export function isArticleUrl(url: URL): boolean {
  if (ARTICLE.test(url.pathname)) return true;
  // A details module addressed by a document id: detail.jsp?id=…, view?articleId=…
  return /detail|article|content|show|view|info/i.test(url.pathname) && /(?:^|[?&])(?:id|articleid|contentid|docid|infoid|newsid|artid)=\d+/i.test(url.search);
}

/** A column's listing: a folder, index/default/list pages, /col/col123/, /column/…, list modules. */
const LISTING_PATH = /\/$|\/(?:index|default|list|more)(?:_\d+)?\.\w+$|\/col\/col\d+|\/column\/|\/list\b|\/channel|\/lm\d*\/|\/col\d+|_list\b/i;
const LISTING_QUERY = /(?:^|[?&])(?:columnid|colid|catid|channelid|classid|lmid|nodeid|chnlid|channelcode|catalogid|action=list)/i;

export function isListingUrl(url: URL): boolean {
  if (isArticleUrl(url)) return false;
  return LISTING_PATH.test(url.pathname) || LISTING_QUERY.test(url.search);
}

/** Query parameters that carry a year (module/xxgk/xxgkAnnualReport.jsp?…&fbtime=2023, /public/column/…&timeFrame=2018). */
export function hasYearParam(url: URL): boolean {
  for (const [name, value] of url.searchParams)
    if (/^(fbtime|timeframe|year|nd|niandu|reportyear|bgnd|nf)$/i.test(name) && /^(?:19|20)\d{2}$/.test(value)) return true;
  return false;
}

/** An annual-report module addressed by body and year. */
export const isAnnualReportModule = (url: URL) =>
  /annualreport|ndbg\.(?:jsp|do|aspx?|php)|xxgknb\.(?:jsp|do|aspx?|php)/i.test(url.pathname) && hasYearParam(url);

const FILE_EXT = /\.(pdf|docx?|wps|rtf)$/i;
const FILE_PARAMS = /^(?:file|filename|file_name|filepath|path|url|name|src|fn|attachname|fileurl|downloadfile)$/i;
/** Paths of download handlers: /module/download/downfile.jsp, /attach/…, /uploadfile/…, DownloadServlet. */
const DOWNLOAD_PATH = /download|downfile|down\.|attach|fujian|upload|uploadfile|\/files?\/|servlet.*file|getfile/i;

function typeOf(name: string): AttachmentType | null {
  const m = FILE_EXT.exec(name.trim());
  return m ? (m[1]!.toLowerCase() as AttachmentType) : null;
}

export interface FileLink {
  /** The file's own URL: a viewer's file= parameter resolved, else the link. */
  url: URL;
  fileType?: AttachmentType;
}

/**
 * Whether a link leads to a report file: its path ends with .pdf/.doc/.docx/.wps/.rtf (P020230128….pdf
 * and the like), a download handler's parameter names one, a PDF viewer is given it (viewer.html?file=…),
 * or the link's words name the file or say 附件/下载 while the path is a download handler's.
 */
export function fileLink(url: URL, words: string): FileLink | null {
  const own = typeOf(url.pathname);
  if (own) return { url, fileType: own };
  for (const [name, value] of url.searchParams) {
    if (!FILE_PARAMS.test(name)) continue;
    const type = typeOf(value.split(/[?#]/)[0]!);
    if (!type) continue;
    // A viewer (pdf.js viewer.html?file=/…/x.pdf) shows a file that has an address of its own.
    if (/viewer|pdfjs|preview|view/i.test(url.pathname) && /^(?:https?:\/\/|\/|\.)/.test(value)) {
      try {
        return { url: new URL(value, url), fileType: type };
      } catch {
        return { url, fileType: type };
      }
    }
    return { url, fileType: type };
  }
  const named = typeOf(words.replace(/[)）\]】\s]+$/, ''));
  if (named && (DOWNLOAD_PATH.test(url.pathname + url.search) || !/\.s?html?$/i.test(url.pathname))) return { url, fileType: named };
  if (/附件|下载|下載/.test(words) && DOWNLOAD_PATH.test(url.pathname + url.search) && !/\.s?html?$/i.test(url.pathname)) return { url };
  return null;
}

/** Public suffixes under which a site's name is the third label from the right (hz.gov.cn, not gov.cn). */
const SECOND_LEVEL = /^(?:gov|com|net|org|edu|ac|mil)$/;

/** The name a site's hosts share: www.hongze.gov.cn and xxgk.hongze.gov.cn are one site; an address or localhost is itself (with its port). */
export function siteOf(url: URL): string {
  const host = url.hostname.toLowerCase();
  if (/^[\d.]+$/.test(host) || host.includes(':') || host.startsWith('[') || !host.includes('.')) return url.host.toLowerCase();
  const labels = host.split('.');
  const keep = labels.length >= 3 && SECOND_LEVEL.test(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-keep).join('.');
}
