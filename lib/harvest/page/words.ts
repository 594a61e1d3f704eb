/**
 * The words that tell what a link or a heading is about: an annual disclosure report of a year, a
 * column that gathers such reports (by year or by kind of body), or something else. Drawn from
 * how the reports are titled (the 2008–2025 templates, old and new wording, simplified and
 * traditional script) and how portals name their folders, never from one site.
 */

/** Arabic years a report can be about: local disclosure rules reach back to 2003/2004 (广州, 上海). */
const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  O: 0,
  '0': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_DIGIT = '〇零○ＯO0一二三四五六七八九';

/** A year written digit by digit in Chinese numerals: 二〇二三, 二零二三, 二○二三. */
const CN_YEAR = new RegExp(`二[${CN_DIGIT}][${CN_DIGIT}][${CN_DIGIT}](?=\\s*年)`, 'g');

export function chineseYear(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

/** Calendar dates in the text (2024-01-22, 2024年1月22日, 2024/1/22): their year is the publication's, not the report's. */
const DATES = /(?<!\d)(?:19|20)\d{2}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/g;
const ARABIC_YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)(\s*年)?/g;

/**
 * The year a heading or link text names, dates left aside: a year followed by 年 wins over a
 * bare four-digit number. Returns null when there is none.
 */
export function yearIn(text: string): number | null {
  const clean = text.replace(DATES, ' ');
  let bare: number | null = null;
  for (const m of clean.matchAll(ARABIC_YEAR)) {
    const year = Number(m[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) continue;
    if (m[2]) return year;
    bare ??= year;
  }
  for (const m of clean.matchAll(CN_YEAR)) {
    const year = chineseYear(m[0]);
    if (year) return year;
  }
  return bare;
}

/** Query parameters that carry the year a report or a listing is about. */
const YEAR_PARAMS = /^(fbtime|timeframe|year|nd|niandu|reportyear|bgnd|nf|yearid)$/i;

/** The year a URL names: a year parameter (fbtime=2023, timeFrame=2018) or a year folder (2023nb, nb_2021). */
export function yearInUrl(url: URL): number | null {
  for (const [name, value] of url.searchParams) {
    if (!YEAR_PARAMS.test(name)) continue;
    const m = /^((?:19|20)\d{2})$/.exec(value.trim());
    if (m) return Number(m[1]);
  }
  for (const segment of url.pathname.split('/')) {
    const m = YEAR_FOLDER.exec(segment);
    if (m) return Number(m[1] ?? m[2]);
  }
  return null;
}

const compact = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, '');

/** 信息公开 … 报告 / 年报, in simplified or traditional script: the disclosure report by its own words. */
const DISCLOSURE_REPORT = /(?:信息|政务|政務|資訊)公[开開].{0,14}[报報]告|(?:信息|政务|政務|資訊)公[开開].{0,8}年[报報]|公[开開]年[报報]/;
/** The bare words, which other annual reports use too (企业年报, 统计年报 …). */
const ANNUAL_REPORT = /年度[报報]告|年[报報]/;
/** Documents about the reports, or other reports, whatever words they share with them. */
const NOT_A_REPORT =
  /政府工作[报報]告|公[报報]|通知|通告|意见|办法|规定|细则|格式|模板|模版|编制|填报|解读|图解|问答|一图|读懂|指南|目录|评估|考核|测评|培训|会议|督查|检查|整改|征集|函$|的函|问卷|述职/;
/** Other annual reports that say only 年报 / 年度报告. */
const OTHER_ANNUAL_REPORT = /企业|公司|统计|财务|决算|预算|审计|社会组织|慈善|基金|环境|国有资产|国资|质量|证券|信用|工商|市场主体|股份|银行|保险|养老|年检/;
/** Words of government bodies: a bare 年报 next to them is the body's disclosure report. */
const BODY_WORD = /人民政府|政府|办公室|办公厅|委员会|[局委办厅署院镇乡]|街道|管委会|中心/;

export interface ReportReading {
  /** The year the text names, if any. */
  year: number | null;
  /** It says 信息公开 / 政务公开 (else only 年报 / 年度报告, read as a report in a report column or next to a body's name). */
  explicit: boolean;
}

/**
 * Whether a text (link text, title attribute, heading) reads as a disclosure annual report, and
 * the year it names. `inReportColumn`: the page lists such reports, so a bare "2023年年报" counts.
 */
export function readsAsReport(text: string, inReportColumn = false): ReportReading | null {
  const t = compact(text);
  if (t.length < 2 || t.length > 120) return null;
  if (NOT_A_REPORT.test(t)) return null;
  const year = yearIn(text);
  if (DISCLOSURE_REPORT.test(t)) return { year, explicit: true };
  if (!ANNUAL_REPORT.test(t) || OTHER_ANNUAL_REPORT.test(t)) return null;
  if (inReportColumn || BODY_WORD.test(t)) return { year, explicit: false };
  return null;
}

/** Path words of report columns, from real portals: zfxxgknb, xxgknb, gknb, ndbg, xxgkndbg, zfxxgkndbg … */
const COLUMN_WORD = /^(?:zfxxgknb|xxgknb|gknb|zwgknb|ndbg|xxgkndbg|zfxxgkndbg|xxgknd|xxgkbg|nianbao|ndxxgkbg|gkndbg|nb|ndnb|zfnb)$/i;
/** Year folders: 2023nb, 2021n, 2021nd, 2022ndbg, nb_2021, nb2021, 2020nian. */
const YEAR_FOLDER = /^(?:((?:19|20)\d{2})(?:nb|n|nd|ndbg|nian|nbd)|nb_?((?:19|20)\d{2}))$/i;
/** Kind-of-body folders: departments, townships and streets, county or city level. Too short to trust alone. */
const KIND_FOLDER = /^(?:bmnb|bmxxgknb|bmndbg|bm|bmxxgk|jd|jdnb|xz|xznb|xzjd|xzjdnb|zjnb|szfbm|qzfbm|xzfbm|zfgzbm|zfbm|xj|sj|qj|xqnb|qxnb|sxnb|gqnb)$/i;

export interface PathWords {
  /** A report-column word or a year folder. */
  column: boolean;
  /** A kind-of-body folder (bmnb, jd, xzjd, szfbm …). */
  kind: boolean;
}

export function pathWords(url: URL): PathWords {
  let column = false;
  let kind = false;
  for (const segment of url.pathname.toLowerCase().split('/')) {
    if (!segment) continue;
    const stem = segment.replace(/\.[a-z]+$/, '');
    if (COLUMN_WORD.test(stem) || YEAR_FOLDER.test(stem)) column = true;
    else if (KIND_FOLDER.test(stem)) kind = true;
    else if (stem.split(/[_-]/).some((part) => COLUMN_WORD.test(part) && part.length > 2)) column = true;
  }
  if (/annualreport|ndbg|xxgknb/i.test(url.pathname)) column = true;
  return { column, kind };
}

/** A sub-column for a year: "2023年", "2023年度", "2023", "二〇二三年度", optionally with 年报 / 报告. */
const YEAR_TEXT = new RegExp(`^(?:(?:19|20)\\d{2}|二[${CN_DIGIT}]{3})(?:年度?)?(?:政府信息公开)?(?:工作)?(?:年度)?(?:年报|报告|年度报告)?$`);
/** A sub-column for a kind of body: 部门年报, 乡镇（街道）年报, 区直部门, 镇街 … */
const KIND_TEXT =
  /^(?:[市区县]?(?:政府)?(?:直属|组成|工作)?部门|[市区县]直(?:部门|单位)?|[市区县]级(?:部门)?|乡镇[（(]?街道[）)]?|镇[（(]?街道?[）)]?|乡镇|街道|镇街|[区县市]县|县区|区县|开发区|园区|功能区|管委会|直属单位|事业单位|公共企事业单位|[市区县]政府|各部门|各乡镇|各街道|[各]?单位)(?:政府信息公开)?(?:工作)?(?:年度报告|年报|信息公开年报)?$/;
/** The name of a body: 教育局, 柳湾镇人民政府, 城关街道办事处 … */
const BODY_NAME = /^.{1,24}(?:局|委|办|办公室|委员会|政府|人民政府|镇|乡|街道|办事处|中心|院|所|队|站|管委会|厅|署|处|会|公司|集团)$/;
/** A column of reports by its name: 政府信息公开年报, 部门年报, 年度报告 (no year: a year makes it one report). */
const REPORT_COLUMN_TEXT = /年[报報]|年度[报報]告|公[开開]工作[报報]告/;

export type ColumnText = 'report-column' | 'year' | 'kind' | 'body' | null;

/** What a link's text says about the column it leads to. */
export function columnText(text: string): ColumnText {
  const t = compact(text);
  if (!t || t.length > 40) return null;
  if (YEAR_TEXT.test(t)) return 'year';
  if (KIND_TEXT.test(t)) return 'kind';
  if (REPORT_COLUMN_TEXT.test(t) && !NOT_A_REPORT.test(t) && !OTHER_ANNUAL_REPORT.test(t) && yearIn(t) === null) return 'report-column';
  if (BODY_NAME.test(t) && !/[，。；：、]/.test(t)) return 'body';
  return null;
}
