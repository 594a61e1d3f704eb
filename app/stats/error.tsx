'use client';

import Link from 'next/link';

// The error's message and stack stay in the server log: people get a plain sentence.
export default function StatsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="status" role="alert" data-testid="error-boundary">
      <h1>统计页面出错了</h1>
      <p>加载统计图表时出现问题，请稍后再试。</p>
      <p className="status__actions">
        <button type="button" className="button" onClick={() => reset()}>
          重试
        </button>
        <Link href="/stats">查看全部报告的统计</Link>
      </p>
    </section>
  );
}
