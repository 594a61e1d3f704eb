import { HiddenFields } from '@/components/hidden-fields';
import { type SearchParams, TABLE_COLUMN_KEYS, toQueryString } from '@/lib/search/params';
import { csvHeader, TABLE_COLUMNS } from '@/lib/search/table';

/**
 * The table's column chooser: a GET form of checkboxes, so the choice is in the URL (`cols`) and
 * works without JavaScript. Choosing none shows them all.
 */
export function TableColumnsForm({ params }: { params: SearchParams }) {
  // Everything but the columns (and the page, which a new choice of columns keeps).
  const keep = toQueryString({ ...params, cols: [...TABLE_COLUMN_KEYS] });
  return (
    <details className="table-columns" data-testid="table-columns">
      <summary className="button button--quiet">
        选择列（{params.cols.length}/{TABLE_COLUMN_KEYS.length}）
      </summary>
      <form action="/" method="get" className="table-columns__form">
        <HiddenFields query={keep} />
        <fieldset>
          <legend>显示的列（机构列总是显示）</legend>
          {TABLE_COLUMNS.filter((c) => c.key !== 'body').map((column) => (
            <label key={column.key} className="checkbox">
              <input
                type="checkbox"
                name="cols"
                value={column.key}
                defaultChecked={params.cols.includes(column.key as never)}
                data-testid={`col-toggle-${column.key}`}
              />
              {csvHeader(column)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" data-testid="table-columns-apply">
          应用
        </button>
      </form>
    </details>
  );
}
