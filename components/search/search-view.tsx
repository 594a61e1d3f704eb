import Link from 'next/link';
import type { ReactNode } from 'react';
import { ViewLinks } from '@/components/charts/view-links';
import { feedPath } from '@/lib/feed/atom';
import { activeFilters, clearFiltersHref } from '@/lib/search/active-filters';
import { DEFAULT_PARAMS, type SearchParams, type SortDirection, type SortKey, toQueryString, viewFilters, withParams } from '@/lib/search/params';
import { TABLE_COLUMNS, tableRow } from '@/lib/search/table';
import type { SearchResult } from '@/lib/search/types';
import { ActiveFilters } from './active-filters';
import { Facets } from './facets';
import { NoResults } from './no-results';
import { Pagination } from './pagination';
import { ResultCard } from './result-card';
import { ResultsTable } from './results-table';
import { SearchForm } from './search-form';
import { SortForm } from './sort-form';
import { TableColumnsForm } from './table-columns-form';
import { ViewSwitch } from './view-switch';

/** The search page's frame: heading, search box, then whatever the body is (results or a message). */
export function SearchFrame({ params, landing, children }: { params: SearchParams; landing: boolean; children: ReactNode }) {
  return (
    <div className="search" data-testid="search-page">
      <section className="search__intro" aria-labelledby="home-title">
        <h1 id="home-title" data-testid="home-title">
          {/* Each half stays on one line, so narrow screens wrap at the space. */}
          <span className="keep-together">政府信息公开工作年度报告</span> <span className="keep-together">检索与比较</span>
        </h1>
        {landing ? (
          <p className="lead" data-testid="home-lead">
            各级行政机关每年发布《政府信息公开工作年度报告》，报告中有主动公开、依申请公开、行政复议和行政诉讼等统计表。年报 · Nianbao
            把这些报告整理成结构化数据，方便按地区、年份和机关检索，并横向比较。
          </p>
        ) : null}
        <SearchForm params={params} />
      </section>
      {children}
    </div>
  );
}

/** The list's CSV: every matching report. The table's: exactly the rows and columns shown. */
function exportHref(params: SearchParams): string {
  const query = params.view === 'table' ? toQueryString(params) : toQueryString({ ...params, page: 1, size: DEFAULT_PARAMS.size });
  return `/api/search/export${query}`;
}

/** The search sorted each way by each key the table sorts by. */
function sortHrefs(params: SearchParams): Record<SortKey, Record<SortDirection, string>> {
  const hrefs = {} as Record<SortKey, Record<SortDirection, string>>;
  for (const column of TABLE_COLUMNS) {
    if (!column.sort) continue;
    hrefs[column.sort] = {
      asc: `/${withParams(params, { sort: `${column.sort}-asc` })}`,
      desc: `/${withParams(params, { sort: `${column.sort}-desc` })}`,
    };
  }
  return hrefs;
}

export function SearchResults({ result, queryString }: { result: SearchResult; queryString: string }) {
  const { params, hits, total, page, totalPages } = result;
  const filters = activeFilters(params);
  const clearHref = clearFiltersHref(params);
  const filterCount = filters.length;
  const pageBeyondEnd = hits.length === 0 && total > 0;
  return (
    <div className="search__body">
      <aside className="search__aside" aria-label="筛选条件">
        <details className="filters" data-testid="filters">
          <summary className="filters__summary" data-testid="filters-toggle">
            筛选{filterCount ? `（已选 ${filterCount} 项）` : ''}
          </summary>
          <Facets params={params} facets={result.facets} />
        </details>
      </aside>
      {/* Keyed on the search: a new search mounts fresh results instead of patching the old list. */}
      <section key={queryString} className="search__results" aria-labelledby="results-heading" data-testid="results">
        <h2 id="results-heading" className="visually-hidden">
          检索结果
        </h2>
        <div className="results-bar">
          <p className="results-bar__summary" role="status" data-testid="results-summary">
            共 <strong data-testid="results-total">{total.toLocaleString('zh-CN')}</strong> 份报告
            {totalPages > 0 ? `，第 ${page}/${totalPages} 页` : ''}
          </p>
          <div className="results-bar__tools">
            {total > 0 ? <ViewSwitch params={params} /> : null}
            <SortForm params={params} />
            {params.view === 'table' && total > 0 ? <TableColumnsForm params={params} /> : null}
            {total > 0 ? (
              <a href={exportHref(params)} className="button" download data-testid="export-csv">
                {params.view === 'table' ? '导出本表 CSV' : '导出 CSV'}
              </a>
            ) : null}
            {total > 0 ? (
              <Link href={`/data${toQueryString(viewFilters(params))}`} prefetch={false} className="feed-link" data-testid="open-data-link">
                全部数字（开放数据）
              </Link>
            ) : null}
            <a href={feedPath(params)} className="feed-link" type="application/atom+xml" data-testid="feed-link">
              <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
                <circle cx="3" cy="13" r="2" fill="currentColor" />
                <path d="M1 7a8 8 0 0 1 8 8h-2.5A5.5 5.5 0 0 0 1 9.5zm0-5a13 13 0 0 1 13 13h-2.5A10.5 10.5 0 0 0 1 4.5z" fill="currentColor" />
              </svg>
              订阅新报告（Atom）
            </a>
          </div>
        </div>
        <ActiveFilters filters={filters} clearHref={clearHref} />
        {total > 0 ? <ViewLinks params={params} current="search" /> : null}
        {total === 0 ? (
          <NoResults params={params} filters={filters} clearHref={clearHref} />
        ) : pageBeyondEnd ? (
          <p className="notice" data-testid="page-beyond-end">
            没有第 {page} 页。<Link href={`/${toQueryString({ ...params, page: 1 })}`}>回到第 1 页</Link>
          </p>
        ) : params.view === 'table' ? (
          <ResultsTable
            rows={hits.map(tableRow)}
            cols={params.cols}
            sort={params.sort}
            sortHrefs={sortHrefs(params)}
            q={params.q}
            caption={`第 ${page}/${totalPages} 页，每页 ${params.size} 份；点击表头按该列对全部 ${total.toLocaleString('zh-CN')} 份结果排序`}
          />
        ) : (
          <ol className="results" data-testid="result-list">
            {hits.map((hit) => (
              <ResultCard key={hit.id} hit={hit} q={params.q} />
            ))}
          </ol>
        )}
        {total > 0 ? <Pagination params={params} page={page} totalPages={totalPages} /> : null}
      </section>
    </div>
  );
}
