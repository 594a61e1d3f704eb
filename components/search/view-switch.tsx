import Link from 'next/link';
import { type SearchParams, type View, withParams } from '@/lib/search/params';

/** 列表 | 表格: the same search shown as cards or as a table of key figures. */
const VIEW_LABELS: Record<View, string> = { list: '列表', table: '表格' };

export function ViewSwitch({ params }: { params: SearchParams }) {
  return (
    <nav className="view-switch" aria-label="结果显示方式" data-testid="view-switch">
      {(Object.keys(VIEW_LABELS) as View[]).map((view) =>
        view === params.view ? (
          <span key={view} aria-current="page" className="view-switch__item">
            {VIEW_LABELS[view]}
          </span>
        ) : (
          <Link key={view} href={`/${withParams(params, { view, page: params.page })}`} className="view-switch__item" data-testid={`view-${view}`}>
            {VIEW_LABELS[view]}
          </Link>
        ),
      )}
    </nav>
  );
}
