/**
 * The synthetic corpus as a lazy sequence of reports with their ground truth: bodies in every
 * province (round-robin, so N ≥ 31 bodies covers all 31), each reporting for 1–4 consecutive years.
 * Each body draws from its own seeded stream, so a corpus of N files is the first N files of a
 * larger corpus with the same seed, and nothing is held in memory between bodies.
 */
import { type BodyState, type Continuity, generateYear, rowValues, type TemplateId, type YearFigures } from './figures';
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

/** Yields `count` reports. Memory stays flat: only the current body is held. */
export function* generateCorpus(options: SynthOptions): Generator<SynthReport> {
  const inconsistentShare = options.inconsistentShare ?? 0.2;
  const contradictionShare = options.contradictionShare ?? 0.08;
  const continuityBreakShare = options.continuityBreakShare ?? 0.1;
  const gbkShare = options.gbkShare ?? 0.05;
  const lastYear = options.lastYear ?? 2025;
  const shapeWeights = TABLE_SHAPES.map((s) => [s, options.shapeWeights?.[s] ?? DEFAULT_SHAPE_WEIGHTS[s]] as const);
  const tableShapes = shapeWeights.filter(([s]) => s !== 'images');

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
    const years = rng.weighted([
      [1, 35],
      [2, 30],
      [3, 20],
      [4, 15],
    ] as const);
    const yearWeights: Array<[number, number]> = [];
    for (let y = 2012; y <= lastYear; y++) yearWeights.push([y, y <= 2018 ? 2 : 4]);
    const start = Math.min(rng.weighted(yearWeights), lastYear - years + 1);

    let previous: BodyState | null = null;
    let previousFile: string | null = null;
    let previousForwardTotal: number | null = null;
    for (let year = start; year < start + years && index < options.count; year++) {
      const yr = new Rng(hashSeed(options.seed, 'body', b, 'year', year));
      const template = templateForYear(year);
      const breakContinuity = yr.chance(continuityBreakShare);
      const generated = generateYear(yr, body.level, year, template, previous, breakContinuity);
      const figures = generated.figures;

      const hasTables = template !== 'pre2019';
      const roll = yr.next();
      let category: 'consistent' | 'table' | 'prose' = 'consistent';
      if (hasTables && roll < inconsistentShare) category = 'table';
      else if (roll >= 1 - contradictionShare) category = 'prose';

      const shape: TableShape = category === 'consistent' ? yr.weighted(shapeWeights) : yr.weighted(tableShapes.length ? tableShapes : shapeWeights);
      if (template === 'pre2019' && !figures.statisticsTable && category === 'prose') category = 'consistent';
      let inconsistency: Inconsistency | null = null;
      if (category === 'table') inconsistency = injectTableInconsistency(yr.fork('inject'), figures);

      const newReceived = figures.applications ? rowValues(figures.applications, 'newReceived')[TOTAL_COLUMN] : figures.legacy!.applications;
      let proseNewReceived: number | null = yr.chance(shape === 'images' || (!figures.statisticsTable && template === 'pre2019') ? 1 : 0.8)
        ? newReceived
        : null;
      if (category === 'prose') {
        const wrong =
          newReceived === 0
            ? yr.int(1, 3)
            : yr.chance(0.3)
              ? 0
              : Math.max(0, newReceived + (yr.chance(0.5) ? 1 : -1) * yr.int(1, Math.max(1, Math.ceil(newReceived * 0.2))));
        proseNewReceived = wrong === newReceived ? newReceived + 1 : wrong;
        inconsistency = {
          rule: 6,
          detail: `prose says 收到申请${proseNewReceived}件, table ${template === 'pre2019' ? '统计表 收到申请数' : '三 row 一 总计'} is ${newReceived}`,
          cells: ['prose.applications', template === 'pre2019' ? 'legacy.applications' : `t3.newReceived.${TOTAL_COLUMN}`],
        };
      }

      const format = {
        zero: shape === 'pdf' ? yr.weighted(ZERO_TOKENS.filter(([z]) => z !== '')) : yr.weighted(ZERO_TOKENS),
        subtotalColumn: hasTables && shape !== 'images' && yr.chance(0.04),
      };
      // Some reports cite one notice and print the other's tables; with the tables pasted as images
      // nothing would show the mismatch, so those cite their own.
      const citesOther = shape !== 'images' && yr.chance(0.05);
      const citedNotice: ReportChoices['citedNotice'] = hasTables ? (citesOther ? (template === '2021' ? '2019' : '2021') : template) : null;
      const choices: ReportChoices = {
        shape,
        format,
        numbering: yr.weighted<Numbering>([
          ['chinese', 80],
          ['arabic', 8],
          ['mixed', 12],
        ]),
        citedNotice,
        proactiveStyle: yr.chance(0.8) ? 'total' : 'channels',
        proseNewReceived,
        publishedAt: publicationDate(yr, body, year),
        chineseDate: yr.chance(0.05),
        targetBytes: yr.int(7000, 13000),
      };
      const text = renderReport(yr.fork('text'), body, year, figures, choices);
      const file = filePathFor(index);
      const review = figures.review;
      const a = figures.applications;
      const manifest: ManifestEntry = {
        file,
        encoding: yr.chance(gbkShare) ? 'gbk' : 'utf-8',
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
        citedNotice,
        shape,
        zero: format.zero,
        applicantColumns: a ? (format.subtotalColumn ? 8 : 7) : null,
        tablesAsImages: shape === 'images',
        statisticsTable: figures.statisticsTable && shape !== 'images',
        normativeDocuments: figures.disclosure?.template === '2021' ? [...figures.disclosure.normative] : null,
        // The 统计表 states the total even when the prose gives only channels.
        proactiveTotal:
          choices.proactiveStyle === 'total' || (template === 'pre2019' && figures.statisticsTable && shape !== 'images') ? figures.proactive.total : null,
        proactiveChannels: {
          website: figures.proactive.website,
          wechat: figures.proactive.wechat,
          weibo: figures.proactive.weibo,
          bulletinBoard: figures.proactive.bulletinBoard,
        },
        newReceived,
        proseNewReceived,
        carriedOver: a ? rowValues(a, 'carriedOver')[TOTAL_COLUMN] : null,
        processed: a ? rowValues(a, 'total')[TOTAL_COLUMN] : null,
        carriedForward: a ? rowValues(a, 'carriedForward')[TOTAL_COLUMN] : null,
        reconsiderations: review ? review.groups[0][4] : figures.legacy!.reconsiderations,
        lawsuits: review ? review.groups[1][4] + review.groups[2][4] : figures.legacy!.lawsuits,
        inconsistency,
        continuity:
          generated.continuity && previousFile && a
            ? {
                ...generated.continuity,
                // Judged on the 总计 column as printed: an injected break last year can carry over.
                carriedOver: rowValues(a, 'carriedOver')[TOTAL_COLUMN] === previousForwardTotal ? 'kept' : 'broken',
                previousFile,
              }
            : null,
        bytes: 0,
      };
      yield { index, manifest, text, figures };
      index++;
      // The next year continues from the figures as printed (an injected break carries on too).
      previous = generated.state;
      if (a) previous.carriedForward = rowValues(a, 'carriedForward').slice();
      previousForwardTotal = a ? rowValues(a, 'carriedForward')[TOTAL_COLUMN] : null;
      previousFile = file;
    }
  }
}
