import Form from 'next/form';
import { HiddenFields } from '@/components/hidden-fields';
import { type SearchParams, type Sort, toQueryString } from '@/lib/search/params';
import { sortLabel } from '@/lib/search/table';
import { SortSelect } from './sort-select';

/** The orders offered in the list; any other (chosen in the table) is offered too while it is on. */
const LIST_SORTS: Sort[] = ['relevance', 'year-desc', 'year-asc', 'applications-desc', 'proactive-desc', 'failed-desc'];

export function SortForm({ params }: { params: SearchParams }) {
  const keep = toQueryString({ ...params, sort: 'relevance', page: 1 });
  const sorts = LIST_SORTS.includes(params.sort) ? LIST_SORTS : [...LIST_SORTS, params.sort];
  const options = sorts.map((value) => ({ value, label: sortLabel(value) }));
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
