import Link from 'next/link';

export function SiteHeader() {
  return (
    <header className="site-header" data-testid="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__brand" data-testid="site-brand">
          年报 <span aria-hidden="true">·</span> Nianbao
        </Link>
        <p className="site-header__tagline">让政府信息公开年报可检索、可比较</p>
      </div>
    </header>
  );
}
