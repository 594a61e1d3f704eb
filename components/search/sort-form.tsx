import Form from 'next/form';
import { HiddenFields } from '@/components/hidden-fields';
import { type SearchParams, type Sort, toQueryString } from '@/lib/search/params';
import { SortSelect } from './sort-select';

const SORT_LABELS: Record<Sort, string> = {
  relevance: '相关度',
  'year-desc': '年份：新→旧',
  'year-asc': '年份：旧→新',
  'applications-desc': '新收申请：多→少',
  'proactive-desc': '主动公开：多→少',
};

export function SortForm({ params }: { params: SearchParams }) {
  const keep = toQueryString({ ...params, sort: 'relevance', page: 1 });
  const options = (Object.keys(SORT_LABELS) as Sort[]).map((value) => ({ value, label: SORT_LABELS[value] }));
  return (
    <Form action="/" className="sort-form" data-testid="sort-form">
      <HiddenFields query={keep} />
      <label htmlFor="sort">排序</label>
      <SortSelect key={params.sort} value={params.sort} options={options} />
      <noscript>
        <button type="submit" className="button">
          应用
        </button>
      </noscript>
    </Form>
  );
}
