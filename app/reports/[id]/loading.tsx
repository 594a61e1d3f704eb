/** Placeholder ids: the skeleton's rows never move, so a fixed name each is their key. */
const FACT_LINES = Array.from({ length: 6 }, (_, n) => `fact-line-${n}`);
const FIGURE_CARDS = Array.from({ length: 7 }, (_, n) => `figure-card-${n}`);

/** Skeleton of the report page: breadcrumb, title, facts, figure cards, a table. */
export default function ReportLoading() {
  return (
    <div className="skeleton report-skeleton" aria-busy="true" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">正在加载报告…</span>
      <div className="skeleton__line skeleton__line--short" />
      <div className="skeleton__line skeleton__line--title" />
      <div className="skeleton__facts">
        {FACT_LINES.map((id) => (
          <div key={id} className="skeleton__line" />
        ))}
      </div>
      <div className="skeleton__cards">
        {FIGURE_CARDS.map((id) => (
          <div key={id} className="skeleton__card skeleton__card--small" />
        ))}
      </div>
      <div className="skeleton__card skeleton__card--table" />
    </div>
  );
}
