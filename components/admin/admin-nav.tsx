import Link from 'next/link';

const LINKS = [
  { href: '/admin', label: '上传与索引' },
  { href: '/admin/sources', label: '采集来源' },
  { href: '/admin/runs', label: '运行记录' },
  { href: '/admin/collection', label: '报告库' },
] as const;

/** The admin pages' own navigation, with who is signed in and a sign-out form (POST, same-origin). */
export function AdminNav({ admin, current }: { admin: string; current: (typeof LINKS)[number]['href'] }) {
  return (
    <nav className="admin-nav" aria-label="管理" data-testid="admin-nav">
      <ul className="admin-nav__links">
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={link.href === current ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
      <div className="admin-nav__who">
        <span data-testid="admin-who">{admin}</span>
        <form method="post" action="/api/auth/logout">
          <button type="submit" className="button" data-testid="signout">
            退出
          </button>
        </form>
      </div>
    </nav>
  );
}
