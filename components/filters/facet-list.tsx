import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The filter columns of the search page and /stats: plain links built from the URL, each the
 * current view with one thing changed, so they work without JavaScript and every state has its
 * own address.
 */

interface FacetLinkProps {
  href: string;
  label: string;
  /** Reports with this value; left out where the view does not count them. */
  count?: number;
  active?: boolean;
  testId: string;
}

/** One value of a filter: a tick when chosen, the name, the count; choosing it again drops it. */
function FacetLink({ href, label, count, active, testId }: FacetLinkProps) {
  return (
    <Link href={href} className="facet" aria-current={active ? 'true' : undefined} data-testid={testId} data-value={label}>
      <span className="facet__check" aria-hidden="true">
        {active ? '✓' : ''}
      </span>
      <span className="facet__name">{label}</span>
      {count !== undefined ? (
        <span className="facet__count">
          {count.toLocaleString('zh-CN')}
          <span className="visually-hidden"> 份</span>
        </span>
      ) : null}
      {active ? <span className="visually-hidden">（已选，点击取消）</span> : null}
    </Link>
  );
}

/** A list of filter values, each keyed by its label. */
export function FacetList({ links, className = 'facet-list', testId }: { links: FacetLinkProps[]; className?: string; testId?: string }) {
  return (
    <ul className={className} data-testid={testId}>
      {links.map((link) => (
        <li key={link.label}>
          <FacetLink {...link} />
        </li>
      ))}
    </ul>
  );
}

/** One filter of the column: a heading (its id, `id`, is also the group's test id) and its values. */
export function FacetGroup({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="facet-group" aria-labelledby={id} data-testid={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}
