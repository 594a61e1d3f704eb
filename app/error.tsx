'use client';

import { type ErrorBoundaryProps, ErrorView } from '@/components/states/error-view';

export default function ErrorPage({ reset }: ErrorBoundaryProps) {
  return <ErrorView title="页面出错了" message="加载这个页面时出现问题，请稍后再试。" back={{ href: '/', label: '重新开始检索' }} reset={reset} />;
}
