/** Skeleton of the coverage page: trail, heading, the year form, the grid. */
export default function CoverageLoading() {
  return (
    <div className="skeleton" aria-busy="true" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">正在加载覆盖情况…</span>
      <div className="skeleton__line skeleton__line--short" />
      <div className="skeleton__line skeleton__line--title" />
      <div className="skeleton__line" />
      <div className="skeleton__card skeleton__card--table" />
    </div>
  );
}
