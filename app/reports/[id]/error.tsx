'use client';

import Link from 'next/link';

// The error's message and stack stay in the server log: people get a plain sentence.
export default function ReportError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="status" role="alert" data-testid="error-boundary">
      <h1>报告加载出错</h1>
      <p>显示这份报告时出现问题，请稍后再试。</p>
      <p className="status__actions">
        <button type="button" className="button" onClick={() => reset()}>
          重试
        </button>
        <Link href="/">返回检索</Link>
      </p>
    </section>
  );
}
