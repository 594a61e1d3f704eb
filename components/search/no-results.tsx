import Link from 'next/link';
import type { ActiveFilter } from '@/lib/search/active-filters';
import type { SearchParams } from '@/lib/search/params';

/** Help when nothing matches: drop one filter (each with its link), or check the words. */
export function NoResults({ params, filters, clearHref }: { params: SearchParams; filters: ActiveFilter[]; clearHref: string }) {
  return (
    <div className="no-results" data-testid="no-results">
      <p className="no-results__title">没有找到符合条件的报告。</p>
      {filters.length > 0 ? (
        <>
          <p>可以试着去掉一个条件：</p>
          <ul className="no-results__filters">
            {filters.map((filter) => (
              <li key={filter.key}>
                {filter.label} ·{' '}
                <Link href={filter.removeHref} data-testid="no-results-remove">
                  去掉这个条件
                </Link>
              </li>
            ))}
          </ul>
          {filters.length > 1 ? (
            <p>
              <Link href={clearHref}>去掉全部条件</Link>
            </p>
          ) : null}
        </>
      ) : null}
      {params.q ? (
        <>
          <p>关于关键词“{params.q}”：</p>
          <ul>
            <li>检查是否有错别字；繁体字也可以检索。</li>
            <li>换一个更短、更常用的词，例如“依申请”“主动公开”“行政复议”，多个词用空格隔开。</li>
            <li>地名可以只写一部分，例如“张村”。</li>
          </ul>
        </>
      ) : null}
      <p>
        <Link href="/" data-testid="no-results-reset">
          查看全部报告
        </Link>
      </p>
    </div>
  );
}
