import type { CheerioAPI } from 'cheerio';
import type { PageMeta } from '../types';
import { normaliseDate, visibleDate } from './dates';

/**
 * What a page states about itself: <title>, the <meta> names of the common site systems (TRS,
 * Hanweb 大汉, 政府网站集约化平台: ArticleTitle, PubDate, ColumnName, SiteName, SiteDomain,
 * SiteIDCode, ContentSource; names compared case-insensitively) and the visible 发布时间 line.
 */

const META_NAMES: Record<string, keyof PageMeta> = {
  articletitle: 'articleTitle',
  pubdate: 'pubDate',
  columnname: 'columnName',
  sitename: 'siteName',
  sitedomain: 'siteDomain',
  siteidcode: 'siteIdCode',
  contentsource: 'contentSource',
};
/** Other names some systems use for the publication time. */
const DATE_META = new Set(['publishdate', 'firstpublishedtime', 'pubtime', 'publishtime', 'article:published_time', 'dc.date', 'dcterms.created']);

const clean = (s: string | undefined) => (s ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();

export function readMeta($: CheerioAPI, visibleText: string): PageMeta {
  const title = clean($('title').first().text()) || null;
  const meta: PageMeta = { title, publishedAt: null };
  let otherDate: string | null = null;
  for (const el of $('meta').toArray()) {
    const name = clean(el.attribs.name ?? el.attribs.property ?? el.attribs.itemprop).toLowerCase();
    const content = clean(el.attribs.content);
    if (!name || !content) continue;
    const key = META_NAMES[name];
    if (key && key !== 'title' && key !== 'publishedAt' && meta[key] === undefined) meta[key] = content;
    else if (DATE_META.has(name)) otherDate ??= normaliseDate(content);
  }
  meta.publishedAt = (meta.pubDate ? normaliseDate(meta.pubDate) : null) ?? otherDate ?? visibleDate(visibleText);
  return meta;
}
