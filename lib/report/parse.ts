import { resolveRegion } from '../region';
import { OUTCOME_KEYS_2019, parseApplicationTable } from './application-table';
import { applicationTableChecks, proseChecks, reviewTableChecks } from './checks';
import { parseDisclosureTable } from './disclosure-table';
import { legacyFigures, parseLegacyTable } from './legacy-table';
import { classifyLevel } from './level';
import { chooseOrganization, findContact, findPublishedAt, findTitle, findYear, organizationCandidates } from './meta';
import { applicationsFromProse, feesFromProse, proactiveFromProse, reviewFromProse } from './prose';
import { parseReviewTable } from './review-table';
import type { ApplicationTable, Channel, ReportDocument, ReportSource } from './schema';
import { splitSections } from './sections';
import { detectTemplate } from './template';
import { cleanReportText, squashedLines } from './text';
import { looksTraditional, toSimplified } from './traditional';

/**
 * Bumped when the records change for reports already indexed, so that incremental runs redo them.
 * 2: records carry the one-character-a-word search copies (`search.*`, lib/search/recall.ts).
 * 3: checks, tables and sections are stored as one JSON string, `detail` (lib/document/indexed-report.ts).
 */
export const PARSER_VERSION = 3;

export interface ParseOptions {
  /** The text is known to be cut off (a web excerpt). */
  partial?: boolean;
}

/** A stable, Meilisearch-safe id: the same file always gets the same id. */
export function reportId(sha256: string): string {
  return sha256.slice(0, 24);
}

/** From the text of one report to its structured document. Pure: no I/O. */
export function parseReport(rawText: string, source: ReportSource, options: ParseOptions = {}): ReportDocument {
  const cleaned = cleanReportText(rawText);
  const text = looksTraditional(cleaned.text) ? toSimplified(cleaned.text) : cleaned.text;
  const lines = text.split('\n');
  const notes: string[] = [];

  // Who, when.
  const titleInfo = findTitle(lines);
  const organizationName = chooseOrganization(titleInfo.titleBody, organizationCandidates(text, lines), text);
  const year = findYear(text, titleInfo.titleYear);
  const publishedAt = findPublishedAt(lines, year);
  const region = resolveRegion({ organization: organizationName, title: titleInfo.title, text });
  const regionDepth = region.township ? 'township' : region.county ? 'county' : region.city ? 'city' : region.province ? 'province' : null;
  const level = classifyLevel(organizationName, region.orgPlaceLevel, regionDepth);
  // State Council ministries' full names carry the state's name ("水利部" → "中华人民共和国水利部").
  const organization =
    level === 'central_department' && organizationName && /^[\u4e00-\u9fa5]{2,10}部$/.test(organizationName)
      ? `中华人民共和国${organizationName}`
      : organizationName;

  // Tables.
  const sections = splitSections(text);
  const disclosure = parseDisclosureTable(text);
  const applicationsTable = parseApplicationTable(text);
  const t3 = applicationsTable.table;
  const t3End = t3 ? squashedLines(text).findIndex((l) => /结转下年|转下年度/.test(l)) : -1;
  const review = parseReviewTable(text, Math.max(0, t3End));
  const legacy = parseLegacyTable(text);
  const legacyKey = legacy ? legacyFigures(legacy) : null;
  notes.push(...disclosure.notes, ...applicationsTable.notes, ...review.notes);

  const template = detectTemplate({
    disclosureShape: disclosure.shape,
    hasApplicationTable: Boolean(t3),
    otherProcessedSubRows: Boolean(t3 && !t3.rows.some((r) => r.key === OUTCOME_KEYS_2019.at(-1))),
    hasLegacyTable: Boolean(legacy),
    text,
    year,
  });

  // Prose figures: the overview and the proactive part first, then the whole text.
  const proseScope = [sections.overview, sections.proactive].filter(Boolean).join('\n') || text.slice(0, 4000);
  const proactiveProse = proactiveFromProse(proseScope);
  const applicationsScope = [sections.overview, sections.applications].filter(Boolean).join('\n') || text;
  const applicationsProse = applicationsFromProse(applicationsScope);
  const reviewProse = reviewFromProse([sections.overview, sections.review].filter(Boolean).join('\n') || text);

  const byChannel: Partial<Record<Channel, number>> = { ...proactiveProse.byChannel };
  let proactiveTotal = proactiveProse.total;
  let proactiveSource: 'table' | 'prose' | null = proactiveTotal !== null ? 'prose' : null;
  if (legacyKey) {
    if (legacyKey.proactiveTotal !== null) {
      proactiveTotal = legacyKey.proactiveTotal;
      proactiveSource = 'table';
    }
    const fromTable: Array<[Channel, number | null]> = [
      ['website', legacyKey.website],
      ['weibo', legacyKey.weibo],
      ['wechat', legacyKey.wechat],
      ['gazette', legacyKey.gazette],
      ['other', legacyKey.other],
    ];
    for (const [channel, value] of fromTable) if (value !== null && Number.isInteger(value) && value >= 0) byChannel[channel] = value;
  }

  const cell = (table: ApplicationTable | null, row: string, col = 'total') => {
    if (!table) return null;
    const c = table.columns.findIndex((x) => x.key === col);
    return table.rows.find((r) => r.key === row)?.values[c] ?? null;
  };
  const sumRows = (keys: string[]) => {
    const values = keys.map((k) => cell(t3, k));
    return t3 && values.length > 0 && values.every((v) => v !== null) ? (values as number[]).reduce((a, b) => a + b, 0) : null;
  };
  const rowsOfGroup = (prefix: string) => (t3 ? t3.rows.filter((r) => r.key.startsWith(prefix)).map((r) => r.key) : []);

  let newReceived = cell(t3, 'newReceived');
  let newReceivedSource: 'table' | 'legacyTable' | 'prose' | null = newReceived !== null ? 'table' : null;
  if (newReceived === null && legacyKey?.applications != null) {
    newReceived = legacyKey.applications;
    newReceivedSource = 'legacyTable';
  }
  if (newReceived === null && applicationsProse.count !== null) {
    newReceived = applicationsProse.count;
    newReceivedSource = 'prose';
  } else if (newReceived === null && applicationsProse.saysNone) {
    newReceived = 0;
    newReceivedSource = 'prose';
  }

  const reviewTable = review.table;
  const checks = [
    ...(t3 ? applicationTableChecks(t3) : []),
    ...(reviewTable ? reviewTableChecks(reviewTable) : []),
    ...proseChecks({
      proseApplications: applicationsProse.count,
      proseMentionsApplications: applicationsProse.mentionsReceived,
      proseSaysNoApplications: applicationsProse.saysNone,
      tableApplications: cell(t3, 'newReceived') ?? legacyKey?.applications ?? null,
      proseReconsiderations: reviewProse.reconsiderations,
      tableReconsiderations: reviewTable?.reconsideration.total ?? null,
      proseLawsuits: reviewProse.lawsuits,
      tableLawsuits: reviewTable ? sumNullable(reviewTable.litigationDirect.total, reviewTable.litigationAfterReconsideration.total) : null,
    }),
  ];

  const hasTableSections = /主动公开政府信息情况|收到和处理政府信息公开申请情况|行政复议/.test(text);
  const tablesAsImages = cleaned.imageMarks > 0 && !t3 && !disclosure.table && hasTableSections;
  if (tablesAsImages) notes.push('表格以图片形式插入，文本中没有表格数字；数字取自正文。');
  const partial = options.partial ?? (!sections.problems && !sections.other && !publishedAt && text.length < 4000);
  if (partial) notes.push('文本不完整（如网页摘录），部分内容缺失。');

  const reviewSummary = reviewTable
    ? {
        reconsiderations: reviewTable.reconsideration.total,
        reconsiderationsCorrected: reviewTable.reconsideration.corrected,
        lawsuits: sumNullable(reviewTable.litigationDirect.total, reviewTable.litigationAfterReconsideration.total),
        lawsuitsCorrected: sumNullable(reviewTable.litigationDirect.corrected, reviewTable.litigationAfterReconsideration.corrected),
      }
    : {
        reconsiderations: legacyKey?.reconsiderations ?? reviewProse.reconsiderations ?? (reviewProse.saysNone ? 0 : null),
        reconsiderationsCorrected: legacyKey?.reconsiderationsCorrected ?? null,
        lawsuits: legacyKey?.lawsuits ?? reviewProse.lawsuits ?? null,
        lawsuitsCorrected: legacyKey?.lawsuitsCorrected ?? null,
      };

  return {
    id: reportId(source.sha256),
    title: titleInfo.title,
    organization,
    level,
    province: region.province,
    city: region.city,
    county: region.county,
    township: region.township,
    regionCode: region.regionCode,
    formerPlaceName: region.formerName,
    regionEvidence: region.evidence,
    year,
    publishedAt,
    template,
    proactive: {
      total: proactiveTotal,
      approximateTotal: proactiveTotal === null ? proactiveProse.approximateTotal : null,
      byChannel,
      source: proactiveSource,
    },
    applications: {
      newReceived,
      newReceivedSource,
      carriedOver: cell(t3, 'carriedOver'),
      processed: cell(t3, 'total'),
      carriedForward: cell(t3, 'carriedForward'),
      outcomes: {
        granted: cell(t3, 'granted'),
        partiallyGranted: cell(t3, 'partiallyGranted'),
        refused: sumRows(rowsOfGroup('refused')),
        unableToProvide: sumRows(rowsOfGroup('unable')),
        notProcessed: sumRows(rowsOfGroup('notProcessed')),
        otherProcessed: sumRows(rowsOfGroup('other')),
      },
    },
    review: reviewSummary,
    disclosureTable: disclosure.table,
    applicationTable: t3,
    reviewTable,
    legacyStatistics: legacy,
    feesCollected: legacyKey?.fees ?? feesFromProse(sections.other ?? text),
    sections,
    contact: findContact(text),
    checks,
    failedChecks: checks.filter((c) => !c.passed).length,
    parseNotes: notes,
    tablesAsImages,
    partial,
    text,
    source,
    parserVersion: PARSER_VERSION,
  };
}

function sumNullable(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}
