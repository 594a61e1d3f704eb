import type { IndexedReport, SortKeys } from '../document/indexed-report';
import type { Level, Template } from '../report/schema';
import type { SearchParams } from './params';

/**
 * What the search module returns to pages and API routes: app types, never Meilisearch's raw
 * replies. Highlighted text comes as segments so that a page renders report text as text
 * (a report containing `<script>` or `<em>` shows those characters, never runs or styles them).
 */

export type HighlightedText = Array<{ text: string; hit: boolean }>;

export interface ReportHit {
  id: string;
  title: string | null;
  /** The title is made from the body and year: the report prints none. */
  titleDerived: boolean;
  organization: string | null;
  level: Level | null;
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  regionCode: string | null;
  year: number | null;
  template: Template;
  publishedAt: string | null;
  applicationsNew: number | null;
  proactiveTotal: number | null;
  failedChecksTotal: number;
  hasFailedChecks: boolean;
  /** The key figures of the results table (lib/search/table.ts); unknown ones are absent. */
  sortKeys: SortKeys;
  partial: boolean;
  /** Same issuing body across years (lib/document/indexed-report.ts); null when the body is unknown. */
  bodyKey: string | null;
  /** The title (or organization) with the query's words marked. */
  highlightedTitle: HighlightedText;
  /** A short passage of the text around the query's words; null without a query. */
  snippet: HighlightedText | null;
}

export interface FacetValue {
  value: string;
  count: number;
}

/** The next level of the province → city → county → township drill-down, with counts. */
export interface RegionFacet {
  field: 'province' | 'city' | 'county' | 'township';
  values: FacetValue[];
}

export interface SearchResult {
  params: SearchParams;
  hits: ReportHit[];
  /** Exact number of matching reports. */
  total: number;
  page: number;
  totalPages: number;
  facets: {
    region: RegionFacet | null;
    year: FacetValue[];
    level: FacetValue[];
    template: FacetValue[];
    /** Matching reports with failed checks / with applications (for the findings filters). */
    failed: number;
    applications: number;
    /** Matching harvested reports that changed after publication. */
    changed: number;
  };
  processingTimeMs: number;
}

/** The same body's report in another year, for the report page. */
export type BodyYear = Pick<IndexedReport, 'id' | 'year' | 'title' | 'applicationsNew' | 'proactiveTotal' | 'failedChecksTotal'>;
