/**
 * One synthetic report as text: title, introduction with the contact sentence, the six parts
 * with prose and tables in the file's shape, and the closing signature and date.
 */
import type { ApplicationFigures, ReviewFigures, YearFigures } from './figures';
import { rowValues } from './figures';
import { NOTICE_2019, NOTICE_2021, SECTION_TITLES_2019, SECTION_TITLES_PRE2019, TOTAL_COLUMN } from './labels';
import type { Body } from './organizations';
import {
  fill,
  IMPROVEMENTS,
  KEY_AREA_SENTENCES,
  KEY_AREAS,
  LEGACY_OVERVIEW,
  MANAGEMENT,
  OTHER_MATTERS,
  OVERSIGHT,
  OVERVIEW_OPENINGS,
  PLATFORMS,
  PROBLEMS,
} from './phrases';
import type { Rng } from './random';
import { type RenderContext, renderTable, type TableShape } from './shapes/index';
import { applicationTable, type CellFormat, disclosureTable, legacyTable, reviewTable } from './tables';

export type Numbering = 'chinese' | 'arabic' | 'mixed';

export interface ReportChoices {
  shape: TableShape;
  format: CellFormat;
  numbering: Numbering;
  /** The notice the introduction cites (may disagree with the tables' template). */
  citedNotice: '2021' | '2019' | null;
  /** 'total': the prose states the proactive total; 'channels': only per-channel counts. */
  proactiveStyle: 'total' | 'channels';
  /** What the prose says about new applications; null when it does not say. */
  proseNewReceived: number | null;
  publishedAt: { year: number; month: number; day: number };
  chineseDate: boolean;
  /** Stop adding filler prose once the text reaches this many UTF-8 bytes. */
  targetBytes: number;
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const DIGITS = '〇一二三四五六七八九';

function sectionHeading(numbering: Numbering, index: number, title: string): string {
  if (numbering === 'arabic' || (numbering === 'mixed' && index < 2)) return `${index + 1}、${title}`;
  return `${CHINESE_NUMERALS[index]}、${title}`;
}

function chineseDay(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CHINESE_NUMERALS[n - 1];
  if (n < 20) return `十${CHINESE_NUMERALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CHINESE_NUMERALS[tens - 1]}十${ones ? CHINESE_NUMERALS[ones - 1] : ''}`;
}

function formatDate(date: ReportChoices['publishedAt'], chinese: boolean): string {
  if (!chinese) return `${date.year}年${date.month}月${date.day}日`;
  const year = [...String(date.year)].map((d) => DIGITS[Number(d)]).join('');
  return `${year}年${chineseDay(date.month)}月${chineseDay(date.day)}日`;
}

function contactSentence(rng: Rng, body: Body): string {
  const email = body.email ? `；邮箱：${body.email}` : '';
  switch (rng.int(0, 2)) {
    case 0:
      return `如对本报告有疑问，请与${body.organization}联系（地址：${body.address}；邮编：${body.postcode}；电话：${body.phone}${email}）。`;
    case 1:
      return `如对本报告有疑问，请联系：${body.organization}办公室，地址：${body.address}，邮编：${body.postcode}，电话：${body.phone}。`;
    default:
      return `如有疑问，请与我们联系。联系地址：${body.address}，邮政编码：${body.postcode}，联系电话：${body.phone}。`;
  }
}

function portalSentence(rng: Rng, body: Body): string {
  return rng.chance(0.5)
    ? `本报告电子版可在${body.portalName}门户网站（${body.portalHost}）查阅或下载。`
    : `本报告在${body.portalName}网站（http://${body.portalHost}/）公布。`;
}

function proactiveSentence(rng: Rng, year: number, figures: YearFigures, style: ReportChoices['proactiveStyle']): string {
  const p = figures.proactive;
  const channels: string[] = [];
  channels.push(`通过${rng.pick(['政府网站', '政府门户网站', '政府信息公开专栏'])}公开${p.website}条`);
  if (p.wechat !== null) channels.push(`通过${rng.pick(['微信公众号', '政务微信'])}公开${p.wechat}条`);
  if (p.weibo !== null) channels.push(`通过政务微博公开${p.weibo}条`);
  if (p.bulletinBoard !== null) channels.push(`通过${rng.pick(['公开栏', '线下公示栏', '政务公开栏'])}公开${p.bulletinBoard}条`);
  if (style === 'total') {
    return rng.chance(0.7)
      ? `${year}年度主动公开政府信息${p.total}条，其中${channels.join('，')}。`
      : `全年共主动公开政府信息${p.total}条。${channels.map((c) => c.replace(/^通过/, '')).join('；')}。`.replace(/。(.)/, '。其中$1');
  }
  return `${year}年，${channels.join('，')}，主要涉及政策文件、工作动态、民生保障、财政资金等内容。`;
}

function outcomeSummary(a: ApplicationFigures): string {
  const total = (key: string) => rowValues(a, key)[TOTAL_COLUMN];
  const group = (prefix: string) => a.rows.filter((r) => r.def.key.startsWith(prefix)).reduce((s, r) => s + r.values[TOTAL_COLUMN], 0);
  return `其中予以公开${total('granted')}件，部分公开${total('partiallyGranted')}件，不予公开${group('refused')}件，无法提供${group('unable')}件，不予处理${group('notProcessed')}件，其他处理${group('other')}件`;
}

function applicationsSentence(rng: Rng, year: number, self: string, figures: YearFigures, choices: ReportChoices): string {
  const stated = choices.proseNewReceived;
  if (stated === null) return `${self}严格按照《条例》规定办理政府信息公开申请，进一步规范受理、审查、答复等环节，确保依法按时答复。`;
  if (stated === 0 && rng.chance(0.6)) return `${year}年，${self}未收到政府信息公开申请。`;
  const a = figures.applications;
  if (!a) return `${year}年，${self}共收到政府信息公开申请${stated}件，均已按时办结。`;
  const carried = rowValues(a, 'carriedOver')[TOTAL_COLUMN];
  const processed = rowValues(a, 'total')[TOTAL_COLUMN];
  const forward = rowValues(a, 'carriedForward')[TOTAL_COLUMN];
  const detailed = choices.shape === 'images' || rng.chance(0.3);
  let text = `${year}年，${self}共收到政府信息公开申请${stated}件，上年结转${carried}件`;
  text += detailed
    ? `，办结${processed}件，${outcomeSummary(a)}；结转下年度${forward}件。`
    : forward === 0
      ? '，均已按时办结。'
      : `，结转下年度继续办理${forward}件。`;
  return text;
}

function reviewSentence(year: number, self: string, review: { reconsiderations: number; lawsuits: number }): string {
  if (review.reconsiderations === 0 && review.lawsuits === 0) return `${year}年，${self}未发生因政府信息公开引起的行政复议、行政诉讼案件。`;
  return `${year}年，${self}发生政府信息公开行政复议${review.reconsiderations}件、行政诉讼${review.lawsuits}件。`;
}

function reviewCounts(r: ReviewFigures) {
  return { reconsiderations: r.groups[0][4], lawsuits: r.groups[1][4] + r.groups[2][4] };
}

function disclosureProse(figures: YearFigures): string {
  const d = figures.disclosure;
  if (!d) return '';
  if (d.template === '2021') {
    return `全年制发行政规范性文件${d.normative[0]}件，废止${d.normative[1]}件，现行有效${d.normative[2]}件；作出行政许可决定${d.licensing}件，行政处罚决定${d.punishment}件，行政强制决定${d.enforcement}件。`;
  }
  return `全年新制作规范性文件${d.normative[0]}件，新公开${d.normative[1]}件；作出行政许可处理决定${d.licensing[2]}件，行政处罚处理决定${d.punishment[2]}件。`;
}

function feesSentence(year: number, self: string, feesYuan: number): string {
  return feesYuan > 0
    ? `${year}年度，${self}依据《政府信息公开信息处理费管理办法》收取信息处理费${feesYuan}元。`
    : `${year}年度，${self}未收取政府信息公开信息处理费。`;
}

/** Sentences drawn without repetition; null once the pool is used up. */
class Pool {
  private readonly left: string[];
  constructor(rng: Rng, items: readonly string[], exclude: readonly string[] = []) {
    this.left = rng.shuffle(items.filter((s) => !exclude.includes(s)));
  }
  take(): string | null {
    return this.left.pop() ?? null;
  }
}

/** 重点领域 sentences: key areas combined at random, so each draw differs. */
function keyAreaSentences(rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () => {
    const [a, b, c] = rng.shuffle([...KEY_AREAS]);
    return fill(rng.pick(KEY_AREA_SENTENCES), { a, b, c });
  });
}

interface Part {
  heading: string | null;
  lines: string[];
}

const byteLength = (parts: Part[]) =>
  parts.reduce((n, p) => n + Buffer.byteLength(p.heading ?? '') + p.lines.reduce((m, l) => m + Buffer.byteLength(l) + 1, 0), 0);

export function renderReport(rng: Rng, body: Body, year: number, figures: YearFigures, choices: ReportChoices): string {
  const values = { year, self: body.self, short: body.shortName, org: body.organization, portal: body.portalName };
  const f = (s: string) => fill(s, { ...values, n: rng.int(1, 6), m: rng.int(10, 120) });
  const ctx: RenderContext = { rng, pages: { page: rng.int(2, 3) }, tabPageBreaks: 0.1 };
  const table = (model: Parameters<typeof renderTable>[1]) => renderTable(choices.shape, model, ctx);
  const title = `${body.organization}${year}年政府信息公开工作年度报告`;
  const signature = [body.organization, formatDate(choices.publishedAt, choices.chineseDate)];
  const legacy = figures.template === 'pre2019';
  const titles = legacy ? SECTION_TITLES_PRE2019 : SECTION_TITLES_2019;
  const heading = (i: number) => sectionHeading(choices.numbering, i, titles[i]);
  const sub = (i: number, text: string) => (choices.numbering === 'arabic' ? `（${i + 1}）${text}` : `（${CHINESE_NUMERALS[i]}）${text}`);

  const parts: Part[] = [];
  let tail: string[] = [];
  const fillerTargets: Array<{ part: Part; pool: Pool }> = [];

  if (!legacy) {
    const notice = choices.citedNotice === '2019' ? NOTICE_2019 : NOTICE_2021;
    parts.push({
      heading: null,
      lines: [
        `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${notice}）要求，现公布${body.organization}${year}年度政府信息公开工作年度报告。本报告统计数据从${year}年1月1日至${year}年12月31日。${portalSentence(rng, body)}${contactSentence(rng, body)}`,
      ],
    });
    const review = figures.review ? reviewCounts(figures.review) : { reconsiderations: 0, lawsuits: 0 };
    const images = choices.shape === 'images';
    const overview: Part = { heading: heading(0), lines: [f(rng.pick(OVERVIEW_OPENINGS))] };
    overview.lines.push(sub(0, '主动公开'), proactiveSentence(rng, year, figures, choices.proactiveStyle) + (images ? disclosureProse(figures) : ''));
    overview.lines.push(sub(1, '依申请公开'), applicationsSentence(rng, year, body.self, figures, choices));
    if (images || rng.chance(0.5)) overview.lines.push(reviewSentence(year, body.self, review));
    const management: Part = { heading: null, lines: [sub(2, '政府信息管理'), f(MANAGEMENT[0])] };
    const platforms: Part = { heading: null, lines: [sub(3, '政府信息公开平台建设'), f(PLATFORMS[0])] };
    const oversight: Part = { heading: null, lines: [sub(4, '监督保障'), f(OVERSIGHT[0])] };
    parts.push(overview, management, platforms, oversight);
    fillerTargets.push(
      { part: management, pool: new Pool(rng, MANAGEMENT.slice(1)) },
      { part: platforms, pool: new Pool(rng, PLATFORMS.slice(1)) },
      { part: oversight, pool: new Pool(rng, OVERSIGHT.slice(1)) },
    );
    parts.push({ heading: heading(1), lines: table(disclosureTable(figures.disclosure!, choices.format)) });
    parts.push({ heading: heading(2), lines: table(applicationTable(figures.applications!, choices.format)) });
    parts.push({ heading: heading(3), lines: table(reviewTable(figures.review!, choices.format)) });
    const improvement = rng.pick(IMPROVEMENTS);
    const problems: Part = { heading: heading(4), lines: [f(rng.pick(PROBLEMS)), f(improvement)] };
    parts.push(problems);
    fillerTargets.push({ part: problems, pool: new Pool(rng, IMPROVEMENTS, [improvement]) });
    fillerTargets.push({ part: overview, pool: new Pool(rng, keyAreaSentences(rng, 4)) });
    parts.push({ heading: heading(5), lines: [feesSentence(year, body.self, figures.feesYuan), f(rng.pick(OTHER_MATTERS))] });
    tail = ['', ...signature];
  } else {
    const l = figures.legacy!;
    parts.push({
      heading: null,
      lines: [
        `本报告是根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由${body.organization}编制的${year}年度政府信息公开工作年度报告。全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，存在的主要问题及改进措施。本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。${portalSentence(rng, body)}${contactSentence(rng, body)}`,
      ],
    });
    const overview: Part = { heading: heading(0), lines: [f(LEGACY_OVERVIEW[0])] };
    parts.push(overview);
    fillerTargets.push({ part: overview, pool: new Pool(rng, [...LEGACY_OVERVIEW.slice(1), ...MANAGEMENT, ...PLATFORMS]) });
    parts.push({ heading: heading(1), lines: [proactiveSentence(rng, year, figures, choices.proactiveStyle)] });
    parts.push({ heading: heading(2), lines: [applicationsSentence(rng, year, body.self, figures, choices)] });
    parts.push({ heading: heading(3), lines: [feesSentence(year, body.self, figures.feesYuan).replace('。', '，无减免情况。')] });
    parts.push({ heading: heading(4), lines: [reviewSentence(year, body.self, l)] });
    const improvement = rng.pick(IMPROVEMENTS);
    const problems: Part = { heading: heading(5), lines: [f(rng.pick(PROBLEMS)), f(improvement)] };
    parts.push(problems);
    fillerTargets.push({ part: problems, pool: new Pool(rng, IMPROVEMENTS, [improvement]) });
    fillerTargets.push({ part: overview, pool: new Pool(rng, keyAreaSentences(rng, 3)) });
    if (figures.statisticsTable) {
      const attachment = ['', '附件', `${year}年度政府信息公开工作情况统计表`, `单位名称：${body.organization}`, ...table(legacyTable(l, choices.format))];
      tail = rng.chance(0.5) ? ['', ...signature, ...attachment] : [...attachment, '', ...signature];
    } else {
      tail = ['', ...signature];
    }
  }

  // Filler prose until the report has a realistic length (or the pools run dry).
  const tailBytes = tail.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
  let bytes = byteLength(parts) + tailBytes;
  let targets = fillerTargets;
  for (let round = 0; targets.length > 0 && bytes < choices.targetBytes; round++) {
    const target = targets[round % targets.length];
    const sentence = target.pool.take();
    if (sentence === null) {
      targets = targets.filter((t) => t !== target);
      continue;
    }
    const line = f(sentence);
    target.part.lines.push(line);
    bytes += Buffer.byteLength(line) + 1;
  }

  const out: string[] = [title, ''];
  for (const part of parts) {
    if (part.heading) out.push(part.heading);
    out.push(...part.lines);
  }
  out.push(...tail);
  return `${out.join('\n')}\n`;
}
