import Link from 'next/link';

/**
 * The portal's sections, then the admin area at the end. Not prefetched: on every page load a
 * phone fetched and ran the code of all four sections (a 300 ms task in Lighthouse's trace of a
 * report page); a click fetches the one it needs.
 */
const NAV = [
  { href: '/', label: '检索' },
  { href: '/stats', label: '统计' },
  { href: '/compare', label: '比较' },
  { href: '/coverage', label: '覆盖' },
] as const;

export function SiteHeader() {
  return (
    <header className="site-header" data-testid="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand" data-testid="site-brand" prefetch={false}>
          年报 <span aria-hidden="true">·</span> Nianbao
        </Link>
        <p className="site-header__tagline">让政府信息公开年报可检索、可比较</p>
        <nav className="site-nav" aria-label="主导航" data-testid="site-nav">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href} className="site-nav__link" prefetch={false}>
              {item.label}
            </Link>
          ))}
          <Link href="/admin" className="site-nav__link site-nav__link--admin" prefetch={false}>
            管理
          </Link>
        </nav>
      </div>
    </header>
  );
}
