'use client';

import { type ErrorBoundaryProps, ErrorView } from '@/components/states/error-view';

export default function AdminError({ reset }: ErrorBoundaryProps) {
  return (
    <ErrorView
      title="管理页面出错了"
      message="加载时出现问题，请稍后再试。如果搜索引擎不可用，索引和报告列表也暂时无法显示。"
      back={{ href: '/admin', label: '回到管理首页' }}
      reset={reset}
    />
  );
}
