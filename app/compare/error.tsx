'use client';

import Link from 'next/link';

// The error's message and stack stay in the server log: people get a plain sentence.
export default function CompareError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="status" role="alert" data-testid="error-boundary">
      <h1>比较页面出错了</h1>
      <p>加载比较时出现问题，请稍后再试。</p>
      <p className="status__actions">
        <button type="button" className="button" onClick={() => reset()}>
          重试
        </button>
        <Link href="/compare">重新选择机关</Link>
      </p>
    </section>
  );
}
