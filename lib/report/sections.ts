import type { sectionKeys } from './schema';
import { squash, squashedLines } from './text';

export type SectionKey = (typeof sectionKeys)[number];

/**
 * The six parts every 2019+ report has, and the older outline's equivalents. Numbering varies
 * (一、 / 1、 / （一） / 2、 for 二), some bodies add parts of their own, so headings are
 * recognised by their words, on a short line.
 */
const SECTION_PATTERNS: Array<{ key: SectionKey; pattern: RegExp }> = [
  { key: 'overview', pattern: /^(?:总体情况|概述|基本情况|基本概况|政府信息公开工作的?基本概况|政府信息公开工作概述|工作概况|总体工作情况)/ },
  { key: 'proactive', pattern: /^(?:行政机关)?主动公开(?:政府)?信息(?:的)?(?:情况|工作情况)|^主动公开(?:工作)?情况/ },
  {
    key: 'applications',
    pattern:
      /^(?:行政机关)?收到和处理(?:政府信息)?公开申请(?:的)?情况|^依申请公开(?:政府信息)?(?:和不予公开政府信息)?(?:的)?(?:工作)?情况|^政府信息公开申请(?:办理)?情况/,
  },
  {
    key: 'review',
    pattern:
      /^(?:因)?(?:政府信息公开(?:工作)?)?(?:被申请)?行政复议[、和及与，,]?(?:提起)?行政诉讼(?:的)?情况|^(?:因政府信息公开)?申请行政复议[、和]?提起行政诉讼(?:的)?情况|^复议[、和]?诉讼情况/,
  },
  { key: 'problems', pattern: /^(?:政府信息公开工作)?存在的?(?:主要)?问题(?:及|和|与)?(?:改进|整改)(?:情况|措施|方向)?/ },
  { key: 'other', pattern: /^其他需要报告的?事项|^其他(?:需要)?报告事项|^其他事项/ },
];

const HEADING_NUMBER =
  /^(?:[一二三四五六七八九十]{1,3}\s*[、.．,，]|\d{1,2}\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|第[一二三四五六七八九十]部分)\s*/;

interface Heading {
  key: SectionKey;
  line: number;
  numbered: boolean;
}

function findHeadings(lines: string[], flat: string[] = lines.map(squash)): Heading[] {
  const headings: Heading[] = [];
  lines.forEach((_raw, index) => {
    const s = flat[index];
    if (s.length === 0 || s.length > 40) return;
    const numberMatch = s.match(HEADING_NUMBER);
    const rest = numberMatch ? s.slice(numberMatch[0].length) : s;
    for (const { key, pattern } of SECTION_PATTERNS) {
      if (pattern.test(rest) && !/[。；]/.test(rest) && rest.length <= 30) {
        headings.push({ key, line: index, numbered: Boolean(numberMatch) });
        return;
      }
    }
  });
  return headings;
}

/**
 * Split the text into the six sections. A key that appears twice (a report summarising in prose
 * and then printing its tables under a second numbering) keeps the text of both.
 */
export function splitSections(text: string): Record<SectionKey, string | null> {
  const lines = text.split('\n');
  const headings = findHeadings(lines, squashedLines(text)).filter((h) => h.numbered || isStandalone(lines[h.line]));
  const out: Record<SectionKey, string | null> = { overview: null, proactive: null, applications: null, review: null, problems: null, other: null };
  headings.forEach((h, i) => {
    const end = i + 1 < headings.length ? headings[i + 1].line : lines.length;
    const body = lines
      .slice(h.line + 1, end)
      .join('\n')
      .trim();
    out[h.key] = out[h.key] ? `${out[h.key]}\n${body}` : body;
  });
  return out;
}

function isStandalone(line: string): boolean {
  return squash(line).length <= 20;
}
