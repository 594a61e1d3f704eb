import Link from 'next/link';
import { MAX_PAGE, PAGE_SIZES, type SearchParams, withParams } from '@/lib/search/params';

/** A run of skipped page numbers, named by the page shown right after it (a stable key). */
type Gap = { gapBefore: number };

/** Page numbers around the current one, with the first and last: 1 … 4 5 [6] 7 8 … 20. */
function pageWindow(page: number, totalPages: number, radius = 2): Array<number | Gap> {
  const pages = new Set<number>([1, totalPages]);
  for (let p = page - radius; p <= page + radius; p++) if (p >= 1 && p <= totalPages) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Array<number | Gap> = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push({ gapBefore: p });
    out.push(p);
  });
  return out;
}

export function Pagination({ params, page, totalPages }: { params: SearchParams; page: number; totalPages: number }) {
  const last = Math.min(totalPages, MAX_PAGE);
  const to = (p: number) => `/${withParams(params, { page: p })}`;
  return (
    <nav className="pagination" aria-label="分页" data-testid="pagination">
      {last > 1 ? (
        <ul className="pagination__pages">
          <li>
            {page > 1 ? (
              <Link href={to(page - 1)} rel="prev" data-testid="page-prev">
                上一页
              </Link>
            ) : (
              <span className="pagination__disabled" aria-disabled="true">
                上一页
              </span>
            )}
          </li>
          {pageWindow(page, last).map((p) =>
            typeof p !== 'number' ? (
              <li key={`gap-${p.gapBefore}`} aria-hidden="true" className="pagination__gap">
                …
              </li>
            ) : (
              <li key={p}>
                <Link href={to(p)} aria-current={p === page ? 'page' : undefined} aria-label={`第 ${p} 页`} data-testid="page-link">
                  {p}
                </Link>
              </li>
            ),
          )}
          <li>
            {page < last ? (
              <Link href={to(page + 1)} rel="next" data-testid="page-next">
                下一页
              </Link>
            ) : (
              <span className="pagination__disabled" aria-disabled="true">
                下一页
              </span>
            )}
          </li>
        </ul>
      ) : null}
      <p className="pagination__sizes">
        每页
        {PAGE_SIZES.map((size) => (
          <Link key={size} href={`/${withParams(params, { size })}`} aria-current={size === params.size ? 'true' : undefined}>
            {size}
          </Link>
        ))}
        份
      </p>
    </nav>
  );
}
