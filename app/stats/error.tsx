'use client';

import { type ErrorBoundaryProps, ErrorView } from '@/components/states/error-view';

export default function StatsError({ reset }: ErrorBoundaryProps) {
  return (
    <ErrorView title="统计页面出错了" message="加载统计图表时出现问题，请稍后再试。" back={{ href: '/stats', label: '查看全部报告的统计' }} reset={reset} />
  );
}
