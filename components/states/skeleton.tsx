import { Fragment, type ReactNode } from 'react';

/**
 * Loading skeletons (a route's loading.tsx): grey shapes in the layout of the page to come, drawn
 * with the .skeleton__* classes of globals.css. Each route composes its own shape from these parts.
 */
export function Skeleton({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className ? `skeleton ${className}` : 'skeleton'} aria-busy="true" aria-live="polite" data-testid="loading">
      <span className="visually-hidden">{label}</span>
      {children}
    </div>
  );
}

export function SkeletonLine({ variant }: { variant?: 'title' | 'short' }) {
  return <div className={variant ? `skeleton__line skeleton__line--${variant}` : 'skeleton__line'} />;
}

export function SkeletonCard({ variant }: { variant?: 'table' | 'result' | 'small' }) {
  return <div className={variant ? `skeleton__card skeleton__card--${variant}` : 'skeleton__card'} />;
}

/** `count` copies of one part. The placeholders never move, so a fixed name each is their key. */
export function SkeletonRepeat({ count, name, children }: { count: number; name: string; children: ReactNode }) {
  const ids = Array.from({ length: count }, (_, n) => `${name}-${n}`);
  return ids.map((id) => <Fragment key={id}>{children}</Fragment>);
}
