import Form from 'next/form';
import { HiddenFields } from '@/components/hidden-fields';
import { MAX_YEAR, MIN_YEAR } from '@/lib/search/params';

/**
 * From–to years under a year filter: a GET form to `action` that keeps the rest of the view
 * (`keep`, a query string). Test ids: `${testIdPrefix}year-range`, `…year-from`, `…year-to`,
 * `…year-apply` (the search page has no prefix, /stats has `stats-`).
 */
export function YearRangeForm({
  action,
  keep,
  from,
  to,
  testIdPrefix = '',
}: {
  action: string;
  keep: string;
  from: number | null;
  to: number | null;
  testIdPrefix?: string;
}) {
  return (
    <Form action={action} className="year-range" data-testid={`${testIdPrefix}year-range`}>
      <HiddenFields query={keep} />
      <fieldset>
        <legend>年度范围</legend>
        <div className="year-range__inputs">
          <YearInput name="yearFrom" label="起始年度" placeholder="起" value={from} testId={`${testIdPrefix}year-from`} />
          <span aria-hidden="true">–</span>
          <YearInput name="yearTo" label="结束年度" placeholder="止" value={to} testId={`${testIdPrefix}year-to`} />
          <button type="submit" className="button" data-testid={`${testIdPrefix}year-apply`}>
            应用
          </button>
        </div>
      </fieldset>
    </Form>
  );
}

function YearInput({ name, label, placeholder, value, testId }: { name: string; label: string; placeholder: string; value: number | null; testId: string }) {
  return (
    <label>
      <span className="visually-hidden">{label}</span>
      <input
        type="number"
        name={name}
        min={MIN_YEAR}
        max={MAX_YEAR}
        inputMode="numeric"
        placeholder={placeholder}
        defaultValue={value ?? ''}
        className="input"
        data-testid={testId}
      />
    </label>
  );
}
