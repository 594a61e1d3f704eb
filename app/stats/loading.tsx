/** Placeholder ids: the skeleton's cards never move, so a fixed name each is their key. */
const CHART_CARDS = Array.from({ length: 4 }, (_, n) => `chart-card-${n}`);

/** Skeleton of the stats page: heading, summary, filters beside chart cards. */
export default function StatsLoading() {
  return (
    <div className="skeleton" aria-busy="true" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">正在加载统计…</span>
      <div className="skeleton__line skeleton__line--title" />
      <div className="skeleton__line" />
      <div className="skeleton__cards">
        {CHART_CARDS.map((id) => (
          <div key={id} className="skeleton__card skeleton__card--table" />
        ))}
      </div>
    </div>
  );
}
