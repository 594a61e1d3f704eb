/**
 * The synthetic corpus as a lazy sequence of reports with their ground truth: bodies in every
 * province (round-robin, so N ≥ 31 bodies covers all 31), each reporting for 1–4 consecutive years.
 * Each body draws from its own seeded stream, so a corpus of N files is the first N files of a
 * larger corpus with the same seed, and nothing is held in memory between bodies.
 */
import { type BodyState, type Continuity, type GeneratedYear, generateYear, rowValues, type TemplateId, type YearFigures } from './figures';
import { type Inconsistency, injectTableInconsistency } from './inconsistencies';
import { TOTAL_COLUMN } from './labels';
import { type Body, makeBody, type SynthLevel } from './organizations';
import { hashSeed, Rng } from './random';
import { loadProvinces } from './regions';
import { type Numbering, type ReportChoices, renderReport } from './report';
import { DEFAULT_SHAPE_WEIGHTS, TABLE_SHAPES, type TableShape } from './shapes/index';

export interface SynthOptions {
  seed: string | number;
  count: number;
  /** Share of reports with tables 三/四 that break one of rules 1–4. Default 0.2. */
  inconsistentShare?: number;
  /** Share of reports whose prose contradicts the table's new-application count (rule 6). Default 0.08. */
  contradictionShare?: number;
  /** Chance that a year's 上年结转 (or 现行有效件数) does not continue the previous year (rule 5). Default 0.1. */
  continuityBreakShare?: number;
  /** Share of files written in GBK instead of UTF-8. Default 0.05. */
  gbkShare?: number;
  shapeWeights?: Partial<Record<TableShape, number>>;
  /** Latest report year. Default 2025. */
  lastYear?: number;
}

export interface ManifestEntry {
  file: string;
  /** GBK files fall back to GB18030 when a name has a character GBK lacks. */
  encoding: 'utf-8' | 'gbk' | 'gb18030';
  body: string;
  organization: string;
  level: SynthLevel;
  province: string;
  city: string | null;
  county: string | null;
  township: string | null;
  regionCode: string;
  year: number;
  publishedAt: string;
  template: TemplateId;
  citedNotice: '2021' | '2019' | null;
  shape: TableShape;
  /** How 0 is printed in the tables. */
  zero: string;
  /** Figure columns of table 三: 7, or 8 with a 法人小计 column. */
  applicantColumns: 7 | 8 | null;
  tablesAsImages: boolean;
  /** pre-2019: whether the 统计表 is printed (the earliest reports are prose only). */
  statisticsTable: boolean;
  /** 2021 template 行政规范性文件: 本年制发件数, 本年废止件数, 现行有效件数 (rule 5 continuity). */
  normativeDocuments: [number, number, number] | null;
  /** The proactive total the text states; null when it gives only per-channel counts. */
  proactiveTotal: number | null;
  proactiveChannels: { website: number; wechat: number | null; weibo: number | null; bulletinBoard: number | null };
  /** Table 三 row 一 总计 as printed (pre-2019: 统计表 收到申请数). */
  newReceived: number;
  /** What the prose says about new applications (null: it does not say). */
  proseNewReceived: number | null;
  carriedOver: number | null;
  processed: number | null;
  carriedForward: number | null;
  reconsiderations: number;
  lawsuits: number;
  /** The rule broken on purpose, or null for a consistent report. */
  inconsistency: Inconsistency | null;
  /** Rule 5 against the body's previous report (null for a first report or a pre-2019 one). */
  continuity: (Continuity & { previousFile: string }) | null;
  bytes: number;
}

export interface SynthReport {
  index: number;
  manifest: ManifestEntry;
  text: string;
  figures: YearFigures;
}

const ZERO_TOKENS: Array<[string, number]> = [
  ['0', 70],
  ['/', 10],
  ['—', 8],
  ['', 7],
  ['-', 5],
];

function templateForYear(year: number): TemplateId {
  if (year <= 2018) return 'pre2019';
  if (year <= 2020) return '2019';
  return '2021';
}

function filePathFor(index: number): string {
  const name = String(index).padStart(6, '0');
  return `${String(Math.floor(index / 1000)).padStart(3, '0')}/${name}.txt`;
}

function publicationDate(rng: Rng, body: Body, year: number): ReportChoices['publishedAt'] {
  const late = rng.chance(0.08);
  const y = year + 1;
  if (late) return { year: y, month: rng.int(4, 6), day: rng.int(1, 28) };
  if (year >= 2019 && body.department) return { year: y, month: 1, day: rng.int(5, 31) };
  const month = rng.weighted([
    [1, 5],
    [2, 2],
    [3, 4],
  ] as const);
  return { year: y, month, day: rng.int(1, month === 2 ? 28 : 31) };
}

function isoDate(d: ReportChoices['publishedAt']): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The options with their defaults filled in. */
interface Settings {
  inconsistentShare: number;
  contradictionShare: number;
  continuityBreakShare: number;
  gbkShare: number;
  lastYear: number;
  shapeWeights: ReadonlyArray<readonly [TableShape, number]>;
  /** The shapes with printed tables: an injected break must be visible. */
  tableShapes: ReadonlyArray<readonly [TableShape, number]>;
}

function settingsOf(options: SynthOptions): Settings {
  const shapeWeights = TABLE_SHAPES.map((s) => [s, options.shapeWeights?.[s] ?? DEFAULT_SHAPE_WEIGHTS[s]] as const);
  return {
    inconsistentShare: options.inconsistentShare ?? 0.2,
    contradictionShare: options.contradictionShare ?? 0.08,
    continuityBreakShare: options.continuityBreakShare ?? 0.1,
    gbkShare: options.gbkShare ?? 0.05,
    lastYear: options.lastYear ?? 2025,
    shapeWeights,
    tableShapes: shapeWeights.filter(([s]) => s !== 'images'),
  };
}

/** What a body's next report continues from: this year's state, file and 结转下年度 总计 as printed. */
interface History {
  previous: BodyState | null;
  previousFile: string | null;
  previousForwardTotal: number | null;
}

const FIRST_REPORT: History = { previous: null, previousFile: null, previousForwardTotal: null };

/** Yields `count` reports. Memory stays flat: only the current body is held. */
export function* generateCorpus(options: SynthOptions): Generator<SynthReport> {
  const settings = settingsOf(options);
  const provinces = new Rng(hashSeed(options.seed, 'provinces')).shuffle([...loadProvinces()]);
  let index = 0;
  const usedBodies = new Set<string>();
  for (let b = 0; index < options.count; b++) {
    const rng = new Rng(hashSeed(options.seed, 'body', b));
    const province = provinces[b % provinces.length];
    const body = makeBody(rng, province, `b${String(b).padStart(6, '0')}`);
    // Two draws of one body (same place, same name) would make same-body-same-year duplicates
    // that the indexer rightly drops: a corpus of N files should be N reports.
    const identity = `${body.regionCode}|${body.organization}`;
    if (usedBodies.has(identity)) continue;
    usedBodies.add(identity);
    const { start, years } = drawReportingYears(rng, settings.lastYear);
    let history = FIRST_REPORT;
    for (let year = start; year < start + years && index < options.count; year++) {
      const yr = new Rng(hashSeed(options.seed, 'body', b, 'year', year));
      const { report, generated } = reportForYear(yr, settings, body, year, index, history);
      yield report;
      index++;
      history = historyAfter(report, generated);
    }
  }
}

/** 1–4 consecutive years, starting no later than the last year allows; recent years weigh double. */
function drawReportingYears(rng: Rng, lastYear: number): { start: number; years: number } {
  const years = rng.weighted([
    [1, 35],
    [2, 30],
    [3, 20],
    [4, 15],
  ] as const);
  const yearWeights: Array<[number, number]> = [];
  for (let y = 2012; y <= lastYear; y++) yearWeights.push([y, y <= 2018 ? 2 : 4]);
  return { start: Math.min(rng.weighted(yearWeights), lastYear - years + 1), years };
}

/** One report: its figures, what is wrong with it on purpose, how it is printed, and its ground truth. */
function reportForYear(
  yr: Rng,
  settings: Settings,
  body: Body,
  year: number,
  index: number,
  history: History,
): { report: SynthReport; generated: GeneratedYear } {
  // The draws are made in this order; another order would change every corpus already written.
  const template = templateForYear(year);
  const breakContinuity = yr.chance(settings.continuityBreakShare);
  const generated = generateYear(yr, body.level, year, template, history.previous, breakContinuity);
  const issue = drawIssue(yr, settings, template, generated.figures);
  const choices = drawChoices(yr, body, year, template, issue);
  const text = renderReport(yr.fork('text'), body, year, generated.figures, choices);
  const file = filePathFor(index);
  const encoding = yr.chance(settings.gbkShare) ? 'gbk' : 'utf-8';
  const manifest = manifestEntry({ file, encoding, body, year, template, issue, choices, generated, history });
  const report: SynthReport = { index, manifest, text, figures: generated.figures };
  return { report, generated };
}

function historyAfter(report: SynthReport, generated: GeneratedYear): History {
  // The next year continues from the figures as printed (an injected break carries on too).
  const a = report.figures.applications;
  const previous = generated.state;
  if (a) previous.carriedForward = rowValues(a, 'carriedForward').slice();
  return { previous, previousFile: report.manifest.file, previousForwardTotal: a ? rowValues(a, 'carriedForward')[TOTAL_COLUMN] : null };
}

/** The table shape and the rule a report breaks on purpose, if any; and what its prose says about new applications. */
interface Issue {
  shape: TableShape;
  inconsistency: Inconsistency | null;
  newReceived: number;
  proseNewReceived: number | null;
}

function drawIssue(yr: Rng, settings: Settings, template: TemplateId, figures: YearFigures): Issue {
  const hasTables = template !== 'pre2019';
  const roll = yr.next();
  let category: 'consistent' | 'table' | 'prose' = 'consistent';
  if (hasTables && roll < settings.inconsistentShare) category = 'table';
  else if (roll >= 1 - settings.contradictionShare) category = 'prose';

  const { shapeWeights, tableShapes } = settings;
  const shape: TableShape = category === 'consistent' ? yr.weighted(shapeWeights) : yr.weighted(tableShapes.length ? tableShapes : shapeWeights);
  if (template === 'pre2019' && !figures.statisticsTable && category === 'prose') category = 'consistent';
  // Injected before the figure below is read: a broken 总计 is what the table prints.
  let inconsistency: Inconsistency | null = null;
  if (category === 'table') inconsistency = injectTableInconsistency(yr.fork('inject'), figures);

  const newReceived = figures.applications ? rowValues(figures.applications, 'newReceived')[TOTAL_COLUMN] : figures.legacy!.applications;
  // Without a readable table the prose always gives the figure.
  const proseStatesFigure = yr.chance(shape === 'images' || (!figures.statisticsTable && template === 'pre2019') ? 1 : 0.8);
  if (category === 'prose') return { shape, newReceived, ...contradictingProse(yr, template, newReceived) };
  return { shape, inconsistency, newReceived, proseNewReceived: proseStatesFigure ? newReceived : null };
}

/** Rule 6: the prose states a count of new applications that the table does not. */
function contradictingProse(yr: Rng, template: TemplateId, newReceived: number): Pick<Issue, 'inconsistency' | 'proseNewReceived'> {
  const wrong =
    newReceived === 0
      ? yr.int(1, 3)
      : yr.chance(0.3)
        ? 0
        : Math.max(0, newReceived + (yr.chance(0.5) ? 1 : -1) * yr.int(1, Math.max(1, Math.ceil(newReceived * 0.2))));
  const proseNewReceived = wrong === newReceived ? newReceived + 1 : wrong;
  const inconsistency: Inconsistency = {
    rule: 6,
    detail: `prose says 收到申请${proseNewReceived}件, table ${template === 'pre2019' ? '统计表 收到申请数' : '三 row 一 总计'} is ${newReceived}`,
    cells: ['prose.applications', template === 'pre2019' ? 'legacy.applications' : `t3.newReceived.${TOTAL_COLUMN}`],
  };
  return { inconsistency, proseNewReceived };
}

/** How the report is printed: zeros, columns, numbering, the notice it cites, its date and length. */
function drawChoices(yr: Rng, body: Body, year: number, template: TemplateId, issue: Issue): ReportChoices {
  const { shape } = issue;
  const hasTables = template !== 'pre2019';
  const format = {
    zero: shape === 'pdf' ? yr.weighted(ZERO_TOKENS.filter(([z]) => z !== '')) : yr.weighted(ZERO_TOKENS),
    subtotalColumn: hasTables && shape !== 'images' && yr.chance(0.04),
  };
  // Some reports cite one notice and print the other's tables; with the tables pasted as images
  // nothing would show the mismatch, so those cite their own.
  const citesOther = shape !== 'images' && yr.chance(0.05);
  const citedNotice: ReportChoices['citedNotice'] = hasTables ? (citesOther ? (template === '2021' ? '2019' : '2021') : template) : null;
  return {
    shape,
    format,
    numbering: yr.weighted<Numbering>([
      ['chinese', 80],
      ['arabic', 8],
      ['mixed', 12],
    ]),
    citedNotice,
    proactiveStyle: yr.chance(0.8) ? 'total' : 'channels',
    proseNewReceived: issue.proseNewReceived,
    publishedAt: publicationDate(yr, body, year),
    chineseDate: yr.chance(0.05),
    targetBytes: yr.int(7000, 13000),
  };
}

interface ManifestInput {
  file: string;
  encoding: ManifestEntry['encoding'];
  body: Body;
  year: number;
  template: TemplateId;
  issue: Issue;
  choices: ReportChoices;
  generated: GeneratedYear;
  history: History;
}

/** The ground truth of one report, as the manifest records it. */
function manifestEntry({ file, encoding, body, year, template, issue, choices, generated, history }: ManifestInput): ManifestEntry {
  const { figures } = generated;
  const { shape } = choices;
  const a = figures.applications;
  return {
    file,
    encoding,
    body: body.id,
    organization: body.organization,
    level: body.level,
    province: body.province,
    city: body.city,
    county: body.county,
    township: body.township,
    regionCode: body.regionCode,
    year,
    publishedAt: isoDate(choices.publishedAt),
    template,
    citedNotice: choices.citedNotice,
    shape,
    zero: choices.format.zero,
    applicantColumns: a ? (choices.format.subtotalColumn ? 8 : 7) : null,
    tablesAsImages: shape === 'images',
    statisticsTable: figures.statisticsTable && shape !== 'images',
    ...printedFigures(figures, template, choices, issue),
    inconsistency: issue.inconsistency,
    continuity: continuityWithPrevious(generated, history),
    bytes: 0,
  };
}

type PrintedFigures = Pick<
  ManifestEntry,
  | 'normativeDocuments'
  | 'proactiveTotal'
  | 'proactiveChannels'
  | 'newReceived'
  | 'proseNewReceived'
  | 'carriedOver'
  | 'processed'
  | 'carriedForward'
  | 'reconsiderations'
  | 'lawsuits'
>;

/** The figures as the report prints them (after any injected break). */
function printedFigures(figures: YearFigures, template: TemplateId, choices: ReportChoices, issue: Issue): PrintedFigures {
  const a = figures.applications;
  const review = figures.review;
  return {
    normativeDocuments: figures.disclosure?.template === '2021' ? [...figures.disclosure.normative] : null,
    // The 统计表 states the total even when the prose gives only channels.
    proactiveTotal:
      choices.proactiveStyle === 'total' || (template === 'pre2019' && figures.statisticsTable && choices.shape !== 'images') ? figures.proactive.total : null,
    proactiveChannels: {
      website: figures.proactive.website,
      wechat: figures.proactive.wechat,
      weibo: figures.proactive.weibo,
      bulletinBoard: figures.proactive.bulletinBoard,
    },
    newReceived: issue.newReceived,
    proseNewReceived: issue.proseNewReceived,
    carriedOver: a ? rowValues(a, 'carriedOver')[TOTAL_COLUMN] : null,
    processed: a ? rowValues(a, 'total')[TOTAL_COLUMN] : null,
    carriedForward: a ? rowValues(a, 'carriedForward')[TOTAL_COLUMN] : null,
    reconsiderations: review ? review.groups[0][4] : figures.legacy!.reconsiderations,
    lawsuits: review ? review.groups[1][4] + review.groups[2][4] : figures.legacy!.lawsuits,
  };
}

/** Rule 5 against the body's previous report (null for a first report or a pre-2019 one). */
function continuityWithPrevious(generated: GeneratedYear, history: History): ManifestEntry['continuity'] {
  const a = generated.figures.applications;
  if (!(generated.continuity && history.previousFile && a)) return null;
  return {
    ...generated.continuity,
    // Judged on the 总计 column as printed: an injected break last year can carry over.
    carriedOver: rowValues(a, 'carriedOver')[TOTAL_COLUMN] === history.previousForwardTotal ? 'kept' : 'broken',
    previousFile: history.previousFile,
  };
}
