import type { IndexedReport } from '@/lib/document/indexed-report';
import { formatCount } from '@/lib/report/labels';

function proactiveText(report: IndexedReport): string {
  if (report.proactive.total !== null) return formatCount(report.proactive.total);
  if (report.proactive.approximateTotal !== null) return `约 ${formatCount(report.proactive.approximateTotal)}`;
  return '—';
}

/** The figures people ask about first, above the tables they come from. */
export function KeyFigures({ report }: { report: IndexedReport }) {
  const { applications, review } = report;
  const figures: Array<{ label: string; value: string; unit: string; testId: string; note?: string }> = [
    { label: '主动公开', value: proactiveText(report), unit: '条', testId: 'figure-proactive' },
    { label: '新收申请', value: formatCount(applications.newReceived), unit: '件', testId: 'figure-applications' },
    { label: '上年结转', value: formatCount(applications.carriedOver), unit: '件', testId: 'figure-carried-over' },
    { label: '办理总计', value: formatCount(applications.processed), unit: '件', testId: 'figure-processed' },
    { label: '结转下年度', value: formatCount(applications.carriedForward), unit: '件', testId: 'figure-carried-forward' },
    {
      label: '行政复议',
      value: formatCount(review.reconsiderations),
      unit: '件',
      testId: 'figure-reconsiderations',
      note: review.reconsiderationsCorrected ? `其中纠正 ${review.reconsiderationsCorrected} 件` : undefined,
    },
    {
      label: '行政诉讼',
      value: formatCount(review.lawsuits),
      unit: '件',
      testId: 'figure-lawsuits',
      note: review.lawsuitsCorrected ? `其中纠正 ${review.lawsuitsCorrected} 件` : undefined,
    },
  ];
  return (
    <section className="report-section" aria-labelledby="figures-heading">
      <h2 id="figures-heading">主要数字</h2>
      <dl className="figures figures--cards" data-testid="key-figures">
        {figures.map((f) => (
          <div key={f.testId} className="figure-card">
            <dt>{f.label}</dt>
            <dd data-testid={f.testId}>
              <span className="figure-card__value">{f.value}</span>
              {f.value !== '—' ? <span className="figure-card__unit">{f.unit}</span> : null}
              {f.note ? <span className="figure-card__note">{f.note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
