'use client';

import { type ErrorBoundaryProps, ErrorView } from '@/components/states/error-view';

export default function ReportError({ reset }: ErrorBoundaryProps) {
  return <ErrorView title="报告加载出错" message="显示这份报告时出现问题，请稍后再试。" back={{ href: '/', label: '返回检索' }} reset={reset} />;
}
