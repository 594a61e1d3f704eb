'use client';

import Link from 'next/link';

// Shown instead of the crashed segment. The error's message and stack stay in the
// server log: people get a plain sentence and a way to try again.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="status" role="alert" data-testid="error-boundary">
      <h1>页面出错了</h1>
      <p>加载这个页面时出现问题，请稍后再试。</p>
      <p className="status__actions">
        <button type="button" className="button" onClick={() => reset()}>
          重试
        </button>
        <Link href="/">重新开始检索</Link>
      </p>
    </section>
  );
}
