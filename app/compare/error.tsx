'use client';

import { type ErrorBoundaryProps, ErrorView } from '@/components/states/error-view';

export default function CompareError({ reset }: ErrorBoundaryProps) {
  return <ErrorView title="比较页面出错了" message="加载比较时出现问题，请稍后再试。" back={{ href: '/compare', label: '重新选择机关' }} reset={reset} />;
}
