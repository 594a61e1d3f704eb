'use client';

import type { Sort } from '@/lib/search/params';

/** Changing the sort submits its form at once; without JavaScript the form's button does it. */
export function SortSelect({ value, options }: { value: Sort; options: Array<{ value: Sort; label: string }> }) {
  return (
    <select
      id="sort"
      name="sort"
      defaultValue={value}
      className="select"
      data-testid="sort-select"
      onChange={(event) => event.currentTarget.form?.requestSubmit()}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
