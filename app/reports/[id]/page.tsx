import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache, Suspense } from 'react';
import { SearchUnavailable } from '@/components/states/unavailable';
import type { IndexedReport } from '@/lib/document/indexed-report';
import { failedCellsOf } from '@/lib/report/failed-cells';
import { regionParts } from '@/lib/report/labels';
import { type Check, isReportId } from '@/lib/report/schema';
import type { PageSearchParams, SearchPageProps } from '@/lib/search/params';
import { getBodyYears, getReport, SearchUnavailableError } from '@/lib/search/queries';
import type { BodyYear } from '@/lib/search/types';
import { BodyYears } from './body-years';
import { ChecksList } from './checks-list';
import { KeyFigures } from './key-figures';
import { ReportHeader, reportTitle } from './report-header';
import { ReportOrigin, ReportVersions } from './report-origin';
import { ReportSections } from './report-sections';
import { ReportTables } from './report-tables';

interface PageProps extends SearchPageProps {
  params: Promise<{ id: string }>;
}

type Loaded = { kind: 'report'; report: IndexedReport } | { kind: 'missing' } | { kind: 'unavailable' };

/** One lookup per request, shared by the metadata and the page. */
const loadReport = cache(async (id: string): Promise<Loaded> => {
  if (!isReportId(id)) return { kind: 'missing' };
  try {
    const report = await getReport(id);
    return report ? { kind: 'report', report } : { kind: 'missing' };
  } catch (error) {
    if (error instanceof SearchUnavailableError) return { kind: 'unavailable' };
    throw error;
  }
});

function queryOf(raw: PageSearchParams): string {
  const q = raw.q;
  const value = Array.isArray(q) ? q[0] : q;
  return (value ?? '').trim().replace(/\s+/g, ' ').slice(0, 200);
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { id } = await params;
  const loaded = await loadReport(id);
  if (loaded.kind !== 'report') return { title: loaded.kind === 'missing' ? '没有找到这份报告' : '报告暂时无法加载' };
  const report = loaded.report;
  const title = reportTitle(report);
  const place = regionParts(report)
    .map((p) => p.name)
    .join('');
  const facts = [
    place || null,
    report.proactive.total !== null ? `主动公开 ${report.proactive.total} 条` : null,
    report.applications.newReceived !== null ? `新收申请 ${report.applications.newReceived} 件` : null,
    report.failedChecksTotal > 0 ? `${report.failedChecksTotal} 项勾稽校验未通过` : null,
  ].filter(Boolean);
  const description = `${title}${facts.length ? `：${facts.join('，')}` : ''}。`;
  return { title, description, openGraph: { title, description, type: 'article' } };
}

/** Failed checks first, so the marked cells' descriptions lead the list. */
function orderedChecks(report: IndexedReport): Check[] {
  const all = [...report.checks, ...(report.crossYearChecks ?? [])];
  return [...all.filter((c) => !c.passed), ...all.filter((c) => c.passed)];
}

async function otherYears(report: IndexedReport): Promise<BodyYear[]> {
  if (!report.bodyKey) return [];
  try {
    return await getBodyYears(report.bodyKey);
  } catch (error) {
    // The list is a side dish: the report itself still shows.
    if (error instanceof SearchUnavailableError) return [];
    throw error;
  }
}

async function OtherYears({ report, q }: { report: IndexedReport; q: string }) {
  return <BodyYears years={await otherYears(report)} currentId={report.id} q={q} />;
}

export default async function ReportPage({ params, searchParams }: PageProps) {
  const [{ id }, raw] = await Promise.all([params, searchParams]);
  const loaded = await loadReport(id);
  if (loaded.kind === 'missing') notFound();
  if (loaded.kind === 'unavailable') {
    return <SearchUnavailable title="报告暂时无法加载" testId="report-unavailable" />;
  }
  const report = loaded.report;
  const q = queryOf(raw);
  const checks = orderedChecks(report);

  return (
    <article className="report" data-testid="report-page" aria-labelledby="report-title">
      <ReportHeader report={report} />
      <KeyFigures report={report} />
      <ReportVersions report={report} />
      <ReportTables report={report} failed={failedCellsOf(checks)} />
      <ChecksList checks={checks} />
      {report.parseNotes.length > 0 ? (
        <section className="report-section" aria-labelledby="notes-heading" data-testid="parse-notes">
          <h2 id="notes-heading">解析说明</h2>
          <ul>
            {keyedNotes(report.parseNotes).map(({ key, note }) => (
              <li key={key}>{note}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <ReportOrigin report={report} />
      {/* The body's other years take one more engine request: the report does not wait for it. */}
      <Suspense fallback={null}>
        <OtherYears report={report} q={q} />
      </Suspense>
      <ReportSections report={report} q={q} />
    </article>
  );
}

/** Each note keyed by its own text; a note given twice is told apart by which time it comes. */
function keyedNotes(notes: readonly string[]): Array<{ key: string; note: string }> {
  const seen = new Map<string, number>();
  return notes.map((note) => {
    const repeat = (seen.get(note) ?? 0) + 1;
    seen.set(note, repeat);
    return { key: `${repeat}:${note}`, note };
  });
}
