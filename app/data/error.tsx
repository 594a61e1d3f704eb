'use client';

import { type ErrorBoundaryProps, ErrorView } from '@/components/states/error-view';

export default function OpenDataError({ reset }: ErrorBoundaryProps) {
  return <ErrorView title="开放数据页面出错了" message="加载数据字典时出现问题，请稍后再试。" back={{ href: '/', label: '返回检索' }} reset={reset} />;
}
