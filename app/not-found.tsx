import Link from 'next/link';
import { connection } from 'next/server';

/**
 * Rendered per request (connection()), not prebuilt: the Content-Security-Policy's nonce is per
 * request (proxy.ts), and a page built ahead of time has none, so its scripts would be blocked.
 */
export default async function NotFound() {
  await connection();
  return (
    <section className="status" data-testid="not-found">
      <h1>页面不存在</h1>
      <p>您访问的地址没有对应的页面，可能已被移动或输入有误。</p>
      <p>
        <Link href="/">返回首页</Link>
      </p>
    </section>
  );
}
