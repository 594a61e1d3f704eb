/**
 * Whether a page's own text has the shape of a disclosure annual report: the outline every
 * template prescribes (2008–2019: 概述 … 收费及减免 …; since 2019/2021: 一、总体情况 /
 * 二、主动公开政府信息情况 / 三、收到和处理政府信息公开申请情况 / 四、政府信息公开行政复议、行政诉讼情况 /
 * 五、存在的主要问题及改进情况 / 六、其他需要报告的事项) or the rows of its standard tables. Read
 * from the text outside links, so a listing of report titles never has it.
 */

const OUTLINE: RegExp[] = [
  /总体情况|概述|基本情况/,
  /主动公开政府信息(?:的)?(?:情况|工作)/,
  /(?:收到和处理政府信息公开申请|依申请公开(?:政府)?信息|政府信息公开申请)(?:的)?(?:情况|办理情况)/,
  /(?:行政复议|复议)、?\s*(?:提起)?行政诉讼/,
  /(?:存在的?)?主要问题(?:及|和|与)(?:其)?改进(?:情况|措施)/,
  /其他需要报告的事项/,
  /收费(?:及|和)减免/,
];

const TABLE_ROWS: RegExp[] = [
  /本年(?:新)?制发件数|本年新制作数量|本年新公开数量/,
  /现行有效件数|对外公开总数量/,
  /本年新收政府信息公开申请数量|本年新收.{0,6}申请/,
  /上年结转政府信息公开申请数量/,
  /本年处理决定数量/,
  /予以公开/,
  /结果维持|结果纠正/,
  /申请人情况/,
];

/** How many of the outline's parts the text shows. */
const countMatches = (patterns: RegExp[], text: string) => patterns.reduce((n, re) => n + (re.test(text) ? 1 : 0), 0);

export function hasReportShape(text: string): boolean {
  const t = text.replace(/[\s\u00a0\u3000]+/g, '');
  return countMatches(OUTLINE, t) >= 3 || countMatches(TABLE_ROWS, t) >= 3;
}
