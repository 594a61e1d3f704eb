/** Skeleton of the search page: heading, search box, the filter column and result cards. */
export default function Loading() {
  return (
    <div className="skeleton search-skeleton" aria-busy="true" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">正在加载…</span>
      <div className="skeleton__line skeleton__line--title" />
      <div className="skeleton__search" />
      <div className="search-skeleton__body">
        <div className="search-skeleton__aside">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="skeleton__line" />
          ))}
        </div>
        <div className="search-skeleton__results">
          <div className="skeleton__line skeleton__line--short" />
          {Array.from({ length: 4 }, (_, i) => (
            <div key={i} className="skeleton__card skeleton__card--result" />
          ))}
        </div>
      </div>
    </div>
  );
}
