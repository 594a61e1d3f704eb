/** Skeleton of the report page: breadcrumb, title, facts, figure cards, a table. */
export default function ReportLoading() {
  return (
    <div className="skeleton report-skeleton" aria-busy="true" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">正在加载报告…</span>
      <div className="skeleton__line skeleton__line--short" />
      <div className="skeleton__line skeleton__line--title" />
      <div className="skeleton__facts">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="skeleton__line" />
        ))}
      </div>
      <div className="skeleton__cards">
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="skeleton__card skeleton__card--small" />
        ))}
      </div>
      <div className="skeleton__card skeleton__card--table" />
    </div>
  );
}
