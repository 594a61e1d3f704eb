import type { sectionKeys } from './schema';
import { type Level, REGION_FIELDS, type RegionField, type Template } from './vocabulary';

/** Names people read for the values the index stores. No zod here: browser code uses these. */

const LEVEL_NAMES: Record<Level, string> = {
  township: '乡镇/街道',
  county: '县级政府',
  county_department: '县级部门',
  city: '地市级政府',
  city_department: '地市级部门',
  province: '省级政府',
  province_department: '省级部门',
  central_department: '国务院部门',
  other: '其他（开发区等）',
};

export function levelName(level: Level): string {
  return LEVEL_NAMES[level];
}

const TEMPLATE_NAMES: Record<Template, string> = {
  '2021': '2021 版模板',
  '2019': '2019 版模板',
  pre2019: '2019 年以前格式',
  unknown: '模板未识别',
};

export function templateName(template: Template): string {
  return TEMPLATE_NAMES[template] ?? template;
}

const REGION_FIELD_NAMES: Record<RegionField, string> = {
  province: '省份',
  city: '地市',
  county: '区县',
  township: '乡镇街道',
};

export function regionFieldName(field: RegionField): string {
  return REGION_FIELD_NAMES[field];
}

/** 1,136 — or an em dash when the figure is unknown. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('zh-CN');
}

/** The place names of a report, province first, without gaps. */
export function regionParts(place: {
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
}): Array<{ field: RegionField; name: string }> {
  return REGION_FIELDS.flatMap((field) => (place[field] ? [{ field, name: place[field] as string }] : []));
}

/** The six parts of a 2019+ report, as the template names them. */
export const SECTION_LABELS: Record<(typeof sectionKeys)[number], string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  review: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};

/**
 * What to call a report that has neither a title nor a known body: plainly that, with its place
 * and year (未识别发布机关 · 北京市朝阳区 · 2025 年度).
 */
export function unnamedReportLabel(report: {
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  year: number | null;
}): string {
  const place = regionParts(report)
    .map((p) => p.name)
    .join('');
  return ['未识别发布机关', place || '地区未识别', report.year ? `${report.year} 年度` : '年度未识别'].join(' · ');
}
