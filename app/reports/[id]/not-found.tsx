import Link from 'next/link';

export default function ReportNotFound() {
  return (
    <section className="status" data-testid="not-found">
      {/* The page's own metadata is not rendered with its 404 (proxy.ts sets the status): React puts this title in the head. */}
      <title>没有找到这份报告 · 年报 Nianbao</title>
      <h1>没有找到这份报告</h1>
      <p>这个地址没有对应的报告：报告可能已被重新索引，或者地址输入有误。</p>
      <p>
        <Link href="/">去检索报告</Link>
      </p>
    </section>
  );
}
