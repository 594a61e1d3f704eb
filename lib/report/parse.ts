import { type ResolvedRegion, resolveRegion } from '../region';
import { looksTraditional, toSimplified } from '../region/traditional';
import { OUTCOME_KEYS_2019, parseApplicationTable } from './application-table';
import { canonicalBody, placeForms } from './body';
import { applicationTableChecks, proseChecks, reviewTableChecks } from './checks';
import { type DisclosureTableResult, parseDisclosureTable } from './disclosure-table';
import { type LegacyStatistic, legacyFigures, parseLegacyTable } from './legacy-table';
import { classifyLevel, readSelfWords, readUrlHints } from './level';
import { chooseOrganization, findContact, findNamedDepartment, findPublishedAt, findTitle, findYear, organizationCandidates, readPageTitle } from './meta';
import { type ApplicationsProse, applicationsFromProse, feesFromProse, type ProactiveProse, proactiveFromProse, reviewFromProse } from './prose';
import { parseReviewTable } from './review-table';
import type { ApplicationTable, Channel, Check, Level, ReportDocument, ReportOrigin, ReportSource, ReviewTable, Template } from './schema';
import { splitSections } from './sections';
import { detectTemplate } from './template';
import { cleanReportText, squashedLines } from './text';

/**
 * Bumped when the records change for reports already indexed, so that incremental runs redo them.
 * 2: records carry the one-character-a-word search copies (`search.*`, lib/search/recall.ts).
 * 3: checks, tables and sections are stored as one JSON string, `detail` (lib/document/indexed-report.ts).
 * 4: harvested reports carry their origin (URL, page title and date) and use it as a clue.
 * 5: records carry the results table's key figures (`sortKeys`, lib/document/indexed-report.ts).
 * 6: 表三 rows kept when the table is cut off, prose totals read by clause, glued zero rows.
 * 7: the canonical body name (`body`, `bodyEvidence`) and the level from the kind of body, what the
 *    report calls itself (我镇/我局) and the web address's path words.
 * 8: the template of a page cut off before its tables: the old outline, else its year's generation.
 */
export const PARSER_VERSION = 8;

export interface ParseOptions {
  /** The text is known to be cut off (a web excerpt). */
  partial?: boolean;
  /**
   * Where the report was found: the URL's host is a region clue, the page title an organization
   * and year clue, the page's date the publication date when the text has none.
   */
  origin?: ReportOrigin | null;
}

/** An origin from as little as a URL (and a title), as `npm run parse --url --title` gives it. */
export function originOf(fields: Partial<ReportOrigin> & { url: string }): ReportOrigin {
  return {
    finalUrl: null,
    pageTitle: null,
    pageDate: null,
    siteName: null,
    columnName: null,
    fetchedAt: null,
    firstSeenAt: null,
    listingUrl: null,
    reportPageUrl: null,
    alsoAt: [],
    versions: [],
    ...fields,
  };
}

/** A stable, Meilisearch-safe id: the same file always gets the same id. */
export function reportId(sha256: string): string {
  return sha256.slice(0, 24);
}

const TABLES_AS_IMAGES_NOTE = '表格以图片形式插入，文本中没有表格数字；数字取自正文。';
const PARTIAL_NOTE = '文本不完整（如网页摘录），部分内容缺失。';

/** From the text of one report to its structured document. Pure: no I/O. */
export function parseReport(rawText: string, source: ReportSource, options: ParseOptions = {}): ReportDocument {
  const cleaned = cleanReportText(rawText);
  const traditional = looksTraditional(cleaned.text);
  const text = traditional ? toSimplified(cleaned.text) : cleaned.text;
  const origin = options.origin ?? null;
  const reporter = identifyReporter(text, origin, traditional);
  const tables = readTables(text);
  const template = templateOf(tables, text, reporter.year);
  const prose = readProse(text, tables.sections);

  const checks = consistencyChecks(tables, prose);
  const tablesAsImages = cleaned.imageMarks > 0 && !tables.applications && !tables.disclosure.table && namesTableSections(text);
  const partial = options.partial ?? looksCutOff(text, tables.sections, reporter.publishedAt);
  const notes = [...tables.notes];
  if (tablesAsImages) notes.push(TABLES_AS_IMAGES_NOTE);
  if (partial) notes.push(PARTIAL_NOTE);

  return {
    id: reportId(source.sha256),
    title: reporter.title,
    organization: reporter.organization,
    body: reporter.body,
    bodyEvidence: reporter.bodyEvidence,
    level: reporter.level,
    ...regionFields(reporter.region),
    year: reporter.year,
    publishedAt: reporter.publishedAt,
    publishedAtBasis: reporter.publishedAtBasis,
    template,
    proactive: proactiveFigures(prose.proactive, tables.legacyKey),
    applications: applicationFigures(tables.applications, tables.legacyKey, prose.applications),
    review: reviewSummary(tables.review, tables.legacyKey, prose.review),
    disclosureTable: tables.disclosure.table,
    applicationTable: tables.applications,
    reviewTable: tables.review,
    legacyStatistics: tables.legacy,
    feesCollected: tables.legacyKey?.fees ?? feesFromProse(tables.sections.other ?? text),
    sections: tables.sections,
    contact: findContact(text),
    checks,
    failedChecks: checks.filter((c) => !c.passed).length,
    parseNotes: notes,
    tablesAsImages,
    partial,
    text,
    source,
    origin,
    parserVersion: PARSER_VERSION,
  };
}

// ---- who reported, and when

interface Reporter {
  title: string | null;
  organization: string | null;
  body: string | null;
  bodyEvidence: string[];
  level: Level | null;
  region: ResolvedRegion;
  year: number | null;
  publishedAt: string | null;
  publishedAtBasis: 'text' | 'page' | null;
}

function identifyReporter(rawText: string, origin: ReportOrigin | null, traditional: boolean): Reporter {
  const text = withoutPronunciationNotes(rawText);
  const lines = text.split('\n');
  const printed = findTitle(lines);
  // The page's own title speaks for a text that prints none (a report page whose body starts at 一、总体情况);
  // the site's name in it is a region clue, never the body (a government's site hosts its departments' reports).
  const simplified = (s: string | null) => (s && traditional ? toSimplified(s) : s);
  const page = origin ? readPageTitle(simplified(origin.pageTitle), simplified(origin.siteName)) : null;
  const pageTitle = page?.title ?? null;
  const titleInfo = printed.title ? printed : (pageTitle ?? printed);
  const chosen = chooseOrganization(titleInfo.titleBody ?? pageTitle?.titleBody ?? null, organizationCandidates(text, lines), text, titleInfo.bodyAbove);
  const organizationName = chosen.name;
  const year = findYear(text, titleInfo.titleYear ?? pageTitle?.titleYear ?? null);
  const printedDate = findPublishedAt(lines, year);
  const publishedAt = printedDate ?? origin?.pageDate ?? null;
  const publishedAtBasis = printedDate ? 'text' : publishedAt ? 'page' : null;
  const url = origin?.finalUrl ?? origin?.url ?? null;
  const regionText = page?.site ? `${page.site}\n${text}` : text;
  const region = resolveRegion({ organization: organizationName, title: titleInfo.title, text: regionText, url });
  const classified = classifyLevel({
    organization: organizationName,
    nameSource: chosen.source,
    orgPlaceLevel: region.orgPlaceLevel,
    regionDepth: deepestLevel(region),
    county: region.county,
    province: region.province,
    self: readSelfWords(text),
    url: readUrlHints(url),
  });
  const level = classified.level;
  const evidence = [...classified.evidence];
  if (!printed.title && pageTitle?.title) evidence.push(`page title: ${pageTitle.title}`);
  if (page?.site) evidence.push(`page title names the site ${page.site} (a region clue, not the body)`);
  // A contact's or publisher's name that is not the kind of body the report speaks as (自治区政府办公厅
  // publishing a 委's report that says 我委; 县政府 as the contact of a town that says 我镇) is not its name.
  let named = organizationName;
  if (named && chosen.source === 'weak' && !weakNameFits(named, classified.kind, level)) {
    evidence.push(`${named} (a contact or publisher) is not the ${classified.kind === 'department' ? 'department' : 'body'} the report speaks for`);
    named = null;
  }
  // A department that says only 我局 may print its full name once, anywhere in the text.
  if (!named && level?.endsWith('_department')) {
    named = findNamedDepartment(text, placeForms(region, level));
    if (named) evidence.push(`the text prints ${named} once the place is known`);
  }
  const organization = officialName(named, level);
  const canonical = canonicalBody({ organization, level, kind: classified.kind, region });
  evidence.push(...canonical.evidence);
  return { title: printed.title, organization, body: canonical.body, bodyEvidence: evidence, level, region, year, publishedAt, publishedAtBasis };
}

/** Mirror sites gloss characters with their pronunciation ("鳳凰鎮(zhèn)人民政府", "根據(jù)"): names read without it. */
function withoutPronunciationNotes(text: string): string {
  // (mirrors gloss throughout: a look at the start is enough to know)
  const start = text.length > 1000 ? text.slice(0, 1000) : text;
  return TONE_MARK.test(start) && PINYIN_NOTE_TEST.test(start) ? text.replace(PINYIN_NOTE, '') : text;
}
const TONE_MARK = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;
const PINYIN_NOTE = /(?<=[\u4e00-\u9fa5])[（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[）)]/g;
const PINYIN_NOTE_TEST = /[\u4e00-\u9fa5][（(][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[）)]/;

function weakNameFits(name: string, kind: string | null, level: Level | null): boolean {
  const government = /(?:人民政府|政府|行政公署)$/.test(name);
  if (kind === 'department' && government) return false;
  if (level === 'township' && !/(?:镇|乡|街道|苏木|办事处)(?:人民政府|政府)?$/.test(name)) return false;
  return true;
}

function deepestLevel(region: ResolvedRegion): 'township' | 'county' | 'city' | 'province' | null {
  return region.township ? 'township' : region.county ? 'county' : region.city ? 'city' : region.province ? 'province' : null;
}

/** State Council ministries' full names carry the state's name ("水利部" → "中华人民共和国水利部"). */
function officialName(organization: string | null, level: Level | null): string | null {
  return level === 'central_department' && organization && /^[\u4e00-\u9fa5]{2,10}部$/.test(organization) ? `中华人民共和国${organization}` : organization;
}

function regionFields(region: ResolvedRegion) {
  return {
    province: region.province,
    city: region.city,
    county: region.county,
    township: region.township,
    regionCode: region.regionCode,
    formerPlaceName: region.formerName,
    regionEvidence: region.evidence,
  };
}

// ---- tables and sections

type LegacyFigures = ReturnType<typeof legacyFigures>;

interface Tables {
  sections: ReportDocument['sections'];
  disclosure: DisclosureTableResult;
  /** 表三 */
  applications: ApplicationTable | null;
  /** 表四 */
  review: ReviewTable | null;
  /** The pre-2019 统计表, and the figures picked from it. */
  legacy: LegacyStatistic[] | null;
  legacyKey: LegacyFigures | null;
  /** What the table readers could not read with confidence, in their order. */
  notes: string[];
}

function readTables(text: string): Tables {
  const sections = splitSections(text);
  const disclosure = parseDisclosureTable(text);
  const applications = parseApplicationTable(text);
  // 表四 follows 表三: its heading (行政复议) is looked for only after 表三's last row (结转下年度),
  // since lines before it may name 行政复议 too.
  const t3End = applications.table ? squashedLines(text).findIndex((l) => /结转下年|转下年度/.test(l)) : -1;
  const review = parseReviewTable(text, Math.max(0, t3End));
  const legacy = parseLegacyTable(text);
  return {
    sections,
    disclosure,
    applications: applications.table,
    review: review.table,
    legacy,
    legacyKey: legacy ? legacyFigures(legacy) : null,
    notes: [...disclosure.notes, ...applications.notes, ...review.notes],
  };
}

function templateOf(tables: Tables, text: string, year: number | null): Template {
  const t3 = tables.applications;
  return detectTemplate({
    disclosureShape: tables.disclosure.shape,
    // A table 三 cut off before its 其他处理 rows does not show which template it follows.
    hasApplicationTable: Boolean(t3 && (t3.complete || t3.rows.some((r) => r.key.startsWith('other') && r.values.some((v) => v !== null)))),
    otherProcessedSubRows: Boolean(t3 && !t3.rows.some((r) => r.key === OUTCOME_KEYS_2019.at(-1))),
    hasLegacyTable: Boolean(tables.legacy),
    text,
    year,
  });
}

/** A cell of 表三 (null when the table, the row or the figure is missing). */
function cell(table: ApplicationTable | null, row: string, col = 'total'): number | null {
  if (!table) return null;
  const c = table.columns.findIndex((x) => x.key === col);
  return table.rows.find((r) => r.key === row)?.values[c] ?? null;
}

/** The total of an outcome group of 表三 (refused*, unable*…): null unless every row has a figure. */
function groupTotal(table: ApplicationTable | null, prefix: string): number | null {
  if (!table) return null;
  const values = table.rows.filter((r) => r.key.startsWith(prefix)).map((r) => cell(table, r.key));
  return values.length > 0 && values.every((v) => v !== null) ? (values as number[]).reduce((a, b) => a + b, 0) : null;
}

// ---- prose

interface Prose {
  proactive: ProactiveProse;
  applications: ApplicationsProse;
  review: ReturnType<typeof reviewFromProse>;
}

/** Each figure is looked for in the overview and its own part first, then in the whole text. */
function readProse(text: string, sections: ReportDocument['sections']): Prose {
  const scope = (part: string | null, fallback: string) => [sections.overview, part].filter(Boolean).join('\n') || fallback;
  return {
    proactive: proactiveFromProse(scope(sections.proactive, text.slice(0, 4000))),
    // Without a part of its own (a heading worded otherwise), the applications are looked for everywhere.
    applications: applicationsFromProse(sections.applications ? scope(sections.applications, text) : text),
    review: reviewFromProse(scope(sections.review, text)),
  };
}

// ---- the figures: tables first, prose where there is no table

function proactiveFigures(prose: ProactiveProse, legacyKey: LegacyFigures | null): ReportDocument['proactive'] {
  const byChannel: Partial<Record<Channel, number>> = { ...prose.byChannel };
  let total = prose.total;
  let source: 'table' | 'prose' | null = total !== null ? 'prose' : null;
  if (legacyKey) {
    if (legacyKey.proactiveTotal !== null) {
      total = legacyKey.proactiveTotal;
      source = 'table';
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
  return { total, approximateTotal: total === null ? prose.approximateTotal : null, byChannel, source };
}

function applicationFigures(t3: ApplicationTable | null, legacyKey: LegacyFigures | null, prose: ApplicationsProse): ReportDocument['applications'] {
  return {
    ...newReceived(t3, legacyKey, prose),
    carriedOver: cell(t3, 'carriedOver') ?? prose.carriedOver,
    processed: cell(t3, 'total'),
    carriedForward: cell(t3, 'carriedForward'),
    outcomes: {
      granted: cell(t3, 'granted'),
      partiallyGranted: cell(t3, 'partiallyGranted'),
      refused: groupTotal(t3, 'refused'),
      unableToProvide: groupTotal(t3, 'unable'),
      notProcessed: groupTotal(t3, 'notProcessed'),
      otherProcessed: groupTotal(t3, 'other'),
    },
  };
}

type NewReceived = Pick<ReportDocument['applications'], 'newReceived' | 'newReceivedSource'>;

function newReceived(t3: ApplicationTable | null, legacyKey: LegacyFigures | null, prose: ApplicationsProse): NewReceived {
  const fromTable = cell(t3, 'newReceived');
  if (fromTable !== null) return { newReceived: fromTable, newReceivedSource: 'table' };
  if (legacyKey?.applications != null) return { newReceived: legacyKey.applications, newReceivedSource: 'legacyTable' };
  if (prose.count !== null) return { newReceived: prose.count, newReceivedSource: 'prose' };
  if (prose.saysNone) return { newReceived: 0, newReceivedSource: 'prose' };
  return { newReceived: null, newReceivedSource: null };
}

function reviewSummary(reviewTable: ReviewTable | null, legacyKey: LegacyFigures | null, prose: Prose['review']): ReportDocument['review'] {
  if (reviewTable) {
    return {
      reconsiderations: reviewTable.reconsideration.total,
      reconsiderationsCorrected: reviewTable.reconsideration.corrected,
      lawsuits: lawsuitTotal(reviewTable),
      lawsuitsCorrected: sumNullable(reviewTable.litigationDirect.corrected, reviewTable.litigationAfterReconsideration.corrected),
    };
  }
  return {
    reconsiderations: legacyKey?.reconsiderations ?? prose.reconsiderations ?? (prose.saysNone ? 0 : null),
    reconsiderationsCorrected: legacyKey?.reconsiderationsCorrected ?? null,
    lawsuits: legacyKey?.lawsuits ?? prose.lawsuits ?? null,
    lawsuitsCorrected: legacyKey?.lawsuitsCorrected ?? null,
  };
}

/** Lawsuits brought directly and after a reconsideration. */
function lawsuitTotal(reviewTable: ReviewTable): number | null {
  return sumNullable(reviewTable.litigationDirect.total, reviewTable.litigationAfterReconsideration.total);
}

function sumNullable(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a + b;
}

// ---- checks and notes

function consistencyChecks(tables: Tables, prose: Prose): Check[] {
  const { applications: t3, review: reviewTable, legacyKey } = tables;
  return [
    ...(t3 ? applicationTableChecks(t3) : []),
    ...(reviewTable ? reviewTableChecks(reviewTable) : []),
    ...proseChecks({
      proseApplications: prose.applications.count,
      proseMentionsApplications: prose.applications.mentionsReceived,
      proseSaysNoApplications: prose.applications.saysNone,
      tableApplications: cell(t3, 'newReceived') ?? legacyKey?.applications ?? null,
      proseReconsiderations: prose.review.reconsiderations,
      tableReconsiderations: reviewTable?.reconsideration.total ?? null,
      proseLawsuits: prose.review.lawsuits,
      tableLawsuits: reviewTable ? lawsuitTotal(reviewTable) : null,
    }),
  ];
}

/** The headings of the statistics parts: with image marks and no table figures, the tables were pictures. */
function namesTableSections(text: string): boolean {
  return /主动公开政府信息情况|收到和处理政府信息公开申请情况|行政复议/.test(text);
}

/** A web excerpt: none of the closing parts, no date, and short. */
function looksCutOff(text: string, sections: ReportDocument['sections'], publishedAt: string | null): boolean {
  return !sections.problems && !sections.other && !publishedAt && text.length < 4000;
}
