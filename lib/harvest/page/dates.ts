import { chineseYear } from './words';

/**
 * Dates as portals print them, to YYYY-MM-DD: 2024-01-22, 2024-1-22 10:30:05, 2024/01/22,
 * 2024.01.22, 2024年1月22日, 20240122 (in PubDate metadata), 二〇二四年一月二十二日.
 */

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 2月30日
  return `${y}-${pad(m)}-${pad(d)}`;
}

const ARABIC = /(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)(?!\d)/;
const COMPACT = /(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/;
const CN_DIGIT = '〇零○ＯO0一二三四五六七八九';
const CHINESE = new RegExp(`(二[${CN_DIGIT}]{3})\\s*年\\s*([一二三四五六七八九十]{1,2})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日`);

/** 一 … 九, 十, 十二, 二十, 二十二, 三十一. */
function chineseNumber(text: string): number {
  const digits = '〇一二三四五六七八九';
  if (!text.includes('十')) return digits.indexOf(text);
  const [tens, ones] = text.split('十') as [string, string];
  return (tens ? digits.indexOf(tens) : 1) * 10 + (ones ? digits.indexOf(ones) : 0);
}

/** The first date in the text, as YYYY-MM-DD, or null. */
export function normaliseDate(text: string): string | null {
  const m = ARABIC.exec(text);
  if (m) return valid(Number(m[1]), Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
  const c = CHINESE.exec(text);
  if (c) {
    const year = chineseYear(c[1]!);
    return year ? valid(year, chineseNumber(c[2]!), chineseNumber(c[3]!)) : null;
  }
  const k = COMPACT.exec(text);
  return k ? valid(Number(k[1]), Number(k[2]), Number(k[3])) : null;
}

/** Labels of the visible date lines, best first. 日期 alone only where no other word is glued before it. */
const DATE_LABELS: [string, RegExp][] = [
  ['发布', /(?:发布|發佈|发表|公布)(?:时间|日期|時間)/],
  ['公开', /公开(?:时间|日期)/],
  ['成文', /成文(?:时间|日期)/],
  ['发文', /(?:发文|印发)(?:时间|日期)/],
  ['生成', /生成(?:时间|日期)/],
  ['日期', /(?<![\u4e00-\u9fff])(?:日期|时间)/],
];

/**
 * The page's visible publication date: the value after 发布时间 / 发布日期 / 公开日期 / 成文日期 /
 * 发文日期 / 日期 (labels in that order of trust), up to 40 characters after the label.
 */
export function visibleDate(text: string): string | null {
  for (const [, label] of DATE_LABELS) {
    const re = new RegExp(`${label.source}\\s*[:：]\\s*([^\\n]{0,40})`, 'g');
    for (const m of text.matchAll(re)) {
      const date = normaliseDate(m[1]!);
      if (date) return date;
    }
  }
  return null;
}
