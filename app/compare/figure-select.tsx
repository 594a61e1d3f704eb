'use client';

import { useRouter } from 'next/navigation';
import { COMPARE_FIGURES, type CompareFigure, FIGURE_INFO } from '@/lib/compare/figures';

/** Which figure the chart draws: a GET form (works without JavaScript), submitted on change. */
export function FigureSelect({ figure, keep }: { figure: CompareFigure; keep: string }) {
  const router = useRouter();
  return (
    <form action="/compare" className="figure-select" data-testid="figure-form">
      <HiddenFieldsMulti query={keep} />
      <label>
        图表指标{' '}
        <select
          name="figure"
          className="select"
          defaultValue={figure}
          data-testid="figure-select"
          onChange={(e) => {
            const qs = new URLSearchParams(keep.replace(/^\?/, ''));
            qs.set('figure', e.target.value);
            router.push(`/compare?${qs}`, { scroll: false });
          }}
        >
          {COMPARE_FIGURES.map((f) => (
            <option key={f} value={f}>
              {FIGURE_INFO[f].label}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit" className="button">
          显示
        </button>
      </noscript>
    </form>
  );
}

/** Like HiddenFields, but keeps repeated names (several `body`). */
function HiddenFieldsMulti({ query }: { query: string }) {
  // Keyed by the name and value; a pair given twice is told apart by which time it comes.
  const seen = new Map<string, number>();
  const fields = [...new URLSearchParams(query.replace(/^\?/, '')).entries()].map(([name, value]) => {
    const pair = JSON.stringify([name, value]);
    const repeat = (seen.get(pair) ?? 0) + 1;
    seen.set(pair, repeat);
    return { name, value, key: `${pair}#${repeat}` };
  });
  return (
    <>
      {fields.map((field) => (
        <input key={field.key} type="hidden" name={field.name} value={field.value} />
      ))}
    </>
  );
}
