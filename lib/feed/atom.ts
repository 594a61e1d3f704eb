import { Feed } from 'feed';
import { unnamedReportLabel } from '../report/labels';
import { formatShare } from '../report/rates';
import { activeFilters } from '../search/active-filters';
import { type SearchParams, toQueryString, viewFilters } from '../search/params';
import type { FeedReport } from '../search/queries';

/**
 * An Atom feed (RFC 4287) of a search's newest reports, so people can follow a county, a body or
 * a topic in a feed reader. Written with the `feed` package; what goes in is plain text escaped
 * for its `type="html"` elements, so a report's own markup is shown, never rendered.
 */

/** How many reports a feed lists. */
export const FEED_SIZE = 50;

/** Where the feed of a search lives: the search's filters and words only (no page, sort or view). */
export function feedPath(params: SearchParams): string {
  return `/feed.xml${toQueryString(viewFilters(params))}`;
}

/**
 * The feed's name: 年报 · 关键词“依申请” · 山东省 · 2023 年度. A body filter names the body as its
 * reports print it (`bodyName`) when known: its key keeps only the name without places.
 */
export function feedTitle(params: SearchParams, bodyName?: string | null): string {
  const parts = activeFilters(params, { includeQuery: true }).map((f) => (f.key === 'body' && bodyName ? bodyName : f.label.replace(/^[^：]+：/, '')));
  return parts.length ? `年报 · ${parts.join(' · ')}` : '年报 · 全部新报告';
}

// XML 1.0 forbids most control characters and lone surrogates; report text may carry them.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text for an Atom `type="html"` element (the package writes titles and summaries so). */
function html(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function place(report: FeedReport): string {
  return [report.province, report.city, report.county, report.township].filter(Boolean).join(' ');
}

function entryTitle(report: FeedReport): string {
  return report.title ?? unnamedReportLabel(report);
}

/** One line of figures: 主动公开 1,136 条 · 新收申请 21 件 · 予以公开率 52.6%. */
function summary(report: FeedReport): string {
  const k = report.sortKeys ?? {};
  const parts = [
    report.body ?? report.organization,
    place(report) || null,
    report.year ? `${report.year} 年度` : null,
    k.proactive !== undefined ? `主动公开 ${k.proactive.toLocaleString('zh-CN')} 条` : null,
    k.applications !== undefined ? `新收申请 ${k.applications.toLocaleString('zh-CN')} 件` : null,
    k.granted !== undefined ? `予以公开率 ${formatShare(k.granted)}` : null,
    report.failedChecksTotal > 0 ? `${report.failedChecksTotal} 项校验未通过` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** A date the feed can state: the report's publication date, else when Nianbao indexed it. */
function dateOf(value: string | null | undefined, fallback: Date): Date {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date : fallback;
}

export function atomFeed(params: SearchParams, reports: readonly FeedReport[], origin: string): string {
  const searchUrl = `${origin}/${toQueryString(viewFilters(params))}`;
  const selfUrl = `${origin}${feedPath(params)}`;
  const epoch = new Date(0);
  const updated = new Date(Math.max(0, ...reports.map((r) => dateOf(r.indexedAt, epoch).getTime())));
  const feed = new Feed({
    id: selfUrl,
    title: feedTitle(params, params.body ? (reports[0]?.body ?? reports[0]?.organization) : null),
    description: '各级政府信息公开工作年度报告：此检索条件下最新发布的报告',
    link: searchUrl,
    feedLinks: { atom: selfUrl },
    language: 'zh-CN',
    updated: reports.length ? updated : new Date(),
    generator: 'Nianbao',
    author: { name: '年报 · Nianbao', link: origin },
    copyright: '报告为公开政府文件，版权归原发布机关',
  });
  for (const report of reports) {
    const link = `${origin}/reports/${encodeURIComponent(report.id)}`;
    const indexed = dateOf(report.indexedAt, epoch);
    feed.addItem({
      id: link,
      title: html(entryTitle(report)),
      link,
      date: indexed,
      published: report.publishedAt ? dateOf(report.publishedAt, indexed) : undefined,
      description: html(summary(report)),
      author: (report.body ?? report.organization) ? [{ name: (report.body ?? report.organization ?? '').replace(NOT_XML, '') }] : undefined,
    });
  }
  return feed.atom1();
}
