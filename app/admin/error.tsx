'use client';

import Link from 'next/link';

// The cause stays in the server log; the admin gets a sentence and a retry.
export default function AdminError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="status" role="alert" data-testid="error-boundary">
      <h1>管理页面出错了</h1>
      <p>加载时出现问题，请稍后再试。如果搜索引擎不可用，索引和报告列表也暂时无法显示。</p>
      <p className="status__actions">
        <button type="button" className="button" onClick={() => reset()}>
          重试
        </button>
        <Link href="/admin">回到管理首页</Link>
      </p>
    </section>
  );
}
