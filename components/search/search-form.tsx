import Form from 'next/form';
import { HiddenFields } from '@/components/hidden-fields';
import { type SearchParams, toQueryString } from '@/lib/search/params';

/** The search box. A new search keeps the filters and the sort, and starts again at page 1. */
export function SearchForm({ params }: { params: SearchParams }) {
  const keep = toQueryString({ ...params, q: '', page: 1 });
  return (
    <Form action="/" role="search" className="search-form" data-testid="search-form">
      <label htmlFor="search-q" className="search-form__label">
        搜索年报全文
      </label>
      <div className="search-form__row">
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={params.q}
          placeholder="例如：依申请公开、行政复议、张村镇"
          maxLength={200}
          autoComplete="off"
          enterKeyHint="search"
          className="search-form__input"
          data-testid="search-input"
        />
        <button type="submit" className="button button--primary" data-testid="search-submit">
          搜索
        </button>
      </div>
      <HiddenFields query={keep} />
    </Form>
  );
}
