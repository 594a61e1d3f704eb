/** Placeholder ids: the skeleton's rows never move, so a fixed name each is their key. */
const ASIDE_LINES = Array.from({ length: 8 }, (_, n) => `aside-line-${n}`);
const RESULT_CARDS = Array.from({ length: 4 }, (_, n) => `result-card-${n}`);

/** Skeleton of the search page: heading, search box, the filter column and result cards. */
export default function Loading() {
  return (
    <div className="skeleton search-skeleton" aria-busy="true" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">正在加载…</span>
      <div className="skeleton__line skeleton__line--title" />
      <div className="skeleton__search" />
      <div className="search-skeleton__body">
        <div className="search-skeleton__aside">
          {ASIDE_LINES.map((id) => (
            <div key={id} className="skeleton__line" />
          ))}
        </div>
        <div className="search-skeleton__results">
          <div className="skeleton__line skeleton__line--short" />
          {RESULT_CARDS.map((id) => (
            <div key={id} className="skeleton__card skeleton__card--result" />
          ))}
        </div>
      </div>
    </div>
  );
}
