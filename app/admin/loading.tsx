/** Skeleton of the admin pages: the nav line, then two panels. */
export default function AdminLoading() {
  return (
    <div className="skeleton" aria-busy="true" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">正在加载…</span>
      <div className="skeleton__line skeleton__line--title" />
      <div className="skeleton__card" />
      <div className="skeleton__card" />
    </div>
  );
}
