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
  const entries = [...new URLSearchParams(query.replace(/^\?/, '')).entries()];
  return (
    <>
      {entries.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}
