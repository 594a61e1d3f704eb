'use client';

import { type ErrorBoundaryProps, ErrorView } from '@/components/states/error-view';

export default function CoverageError({ reset }: ErrorBoundaryProps) {
  return (
    <ErrorView
      title="覆盖情况页面出错了"
      message="加载覆盖情况时出现问题，请稍后再试。"
      back={{ href: '/coverage', label: '查看全国覆盖情况' }}
      reset={reset}
    />
  );
}
