import Link from 'next/link';

export default function NotFound() {
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
