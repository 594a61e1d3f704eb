/** Skeleton of the compare page: heading, picker, a table, a chart. */
export default function CompareLoading() {
  return (
    <div className="skeleton" aria-busy="true" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">正在加载比较…</span>
      <div className="skeleton__line skeleton__line--title" />
      <div className="skeleton__line" />
      <div className="skeleton__line skeleton__line--short" />
      <div className="skeleton__card skeleton__card--table" />
      <div className="skeleton__card skeleton__card--table" />
    </div>
  );
}
