import { fromStoredReport, type IndexedReport } from '../document/indexed-report';

/**
 * A report as the open data reads it: the stored fields it needs (never the text), its tables
 * unpacked from `detail` (lib/document/indexed-report.ts), and cell look-ups by the stable keys of
 * the parser's rows and columns, built once per report rather than once per cell.
 */

/** The stored fields a bulk download asks the engine for. `detail` holds the tables. */
export const OPEN_DATA_FIELDS = [
  'id',
  'title',
  'organization',
  'province',
  'city',
  'county',
  'township',
  'regionCode',
  'level',
  'year',
  'template',
  'publishedAt',
  'partial',
  'failedChecksTotal',
  'origin',
  'proactive',
  'applications',
  'review',
  'feesCollected',
  'detail',
] as const;

type ReportFields = Exclude<(typeof OPEN_DATA_FIELDS)[number], 'detail'> | 'disclosureTable' | 'applicationTable' | 'reviewTable' | 'legacyStatistics';

export interface OpenDataReport extends Pick<IndexedReport, ReportFields> {
  /** 表三: the cell of a row and an applicant column, by their keys; null when not printed or not read. */
  applicationCell(rowKey: string, columnKey: string): number | null;
  /** 表二: the cell of a row under one of the headers given, the one of the report's own template. */
  disclosureCell(rowKey: string, cells: ReadonlyArray<{ template: string; column: string }>): number | null;
}

const EMPTY_OUTCOMES: IndexedReport['applications']['outcomes'] = {
  granted: null,
  partiallyGranted: null,
  refused: null,
  unableToProvide: null,
  notProcessed: null,
  otherProcessed: null,
};

/** A document the engine returned (OPEN_DATA_FIELDS) as an OpenDataReport. Missing parts read as unknown. */
export function openDataReport(stored: Record<string, unknown>): OpenDataReport {
  const report = fromStoredReport(stored) as Partial<IndexedReport> & Pick<IndexedReport, 'id'>;
  const applicationTable = report.applicationTable ?? null;
  const disclosureTable = report.disclosureTable ?? null;
  let applicationRows: Map<string, ReadonlyArray<number | null>> | null = null;
  let applicationColumns: Map<string, number> | null = null;
  const applications = report.applications;
  return {
    id: report.id,
    title: report.title ?? null,
    organization: report.organization ?? null,
    province: report.province ?? null,
    city: report.city ?? null,
    county: report.county ?? null,
    township: report.township ?? null,
    regionCode: report.regionCode ?? null,
    level: report.level ?? null,
    year: report.year ?? null,
    template: report.template ?? 'unknown',
    publishedAt: report.publishedAt ?? null,
    partial: report.partial ?? false,
    failedChecksTotal: report.failedChecksTotal ?? 0,
    origin: report.origin ?? null,
    proactive: report.proactive ?? { total: null, approximateTotal: null, byChannel: {}, source: null },
    applications: {
      newReceived: applications?.newReceived ?? null,
      newReceivedSource: applications?.newReceivedSource ?? null,
      carriedOver: applications?.carriedOver ?? null,
      processed: applications?.processed ?? null,
      carriedForward: applications?.carriedForward ?? null,
      outcomes: { ...EMPTY_OUTCOMES, ...applications?.outcomes },
    },
    review: report.review ?? { reconsiderations: null, reconsiderationsCorrected: null, lawsuits: null, lawsuitsCorrected: null },
    feesCollected: report.feesCollected ?? null,
    disclosureTable,
    applicationTable,
    reviewTable: report.reviewTable ?? null,
    legacyStatistics: report.legacyStatistics ?? null,
    applicationCell(rowKey, columnKey) {
      if (!applicationTable) return null;
      applicationRows ??= new Map(applicationTable.rows.map((row) => [row.key, row.values]));
      applicationColumns ??= new Map(applicationTable.columns.map((col, i) => [col.key, i]));
      const index = applicationColumns.get(columnKey);
      return index === undefined ? null : (applicationRows.get(rowKey)?.[index] ?? null);
    },
    disclosureCell(rowKey, cells) {
      if (!disclosureTable) return null;
      const cell = cells.find((c) => c.template === disclosureTable.template);
      if (!cell) return null;
      const row = disclosureTable.rows.find((r) => r.key === rowKey);
      const index = row ? row.columns.indexOf(cell.column) : -1;
      return index < 0 ? null : (row?.values[index] ?? null);
    },
  };
}
