import { templateName } from '@/lib/report/labels';
import { levelName, type SearchParams, withParams } from '@/lib/search/params';

/** Each active filter of a search, in words, with the link that drops it. */
export interface ActiveFilter {
  key: string;
  label: string;
  removeHref: string;
}

function yearLabel(from: number | null, to: number | null): string | null {
  if (from !== null && from === to) return `${from} 年度`;
  if (from !== null && to !== null) return `${from}–${to} 年度`;
  if (from !== null) return `${from} 年度起`;
  if (to !== null) return `截至 ${to} 年度`;
  return null;
}

/** The name part of a bodyKey (371002100|张村镇 → 张村镇). */
function bodyName(bodyKey: string): string {
  return bodyKey.slice(bodyKey.indexOf('|') + 1);
}

export function activeFilters(params: SearchParams, options: { includeQuery?: boolean } = {}): ActiveFilter[] {
  const href = (change: Partial<SearchParams>) => `/${withParams(params, change)}`;
  const filters: ActiveFilter[] = [];
  if (options.includeQuery && params.q) filters.push({ key: 'q', label: `关键词“${params.q}”`, removeHref: href({ q: '' }) });
  // Dropping a place also drops the places under it.
  if (params.province)
    filters.push({ key: 'province', label: `地区：${params.province}`, removeHref: href({ province: null, city: null, county: null, township: null }) });
  if (params.city) filters.push({ key: 'city', label: `地区：${params.city}`, removeHref: href({ city: null, county: null, township: null }) });
  if (params.county) filters.push({ key: 'county', label: `地区：${params.county}`, removeHref: href({ county: null, township: null }) });
  if (params.township) filters.push({ key: 'township', label: `地区：${params.township}`, removeHref: href({ township: null }) });
  if (params.body) filters.push({ key: 'body', label: `机关：${bodyName(params.body)}`, removeHref: href({ body: null }) });
  const years = yearLabel(params.yearFrom, params.yearTo);
  if (years) filters.push({ key: 'year', label: `年份：${years}`, removeHref: href({ yearFrom: null, yearTo: null }) });
  for (const level of params.level) {
    filters.push({ key: `level-${level}`, label: `层级：${levelName(level)}`, removeHref: href({ level: params.level.filter((l) => l !== level) }) });
  }
  for (const template of params.template) {
    filters.push({
      key: `template-${template}`,
      label: `模板：${templateName(template)}`,
      removeHref: href({ template: params.template.filter((t) => t !== template) }),
    });
  }
  if (params.failed) filters.push({ key: 'failed', label: '仅看校验未通过', removeHref: href({ failed: false }) });
  if (params.applications) filters.push({ key: 'applications', label: '仅看有依申请', removeHref: href({ applications: false }) });
  if (params.changed) filters.push({ key: 'changed', label: '仅看发布后被修改', removeHref: href({ changed: false }) });
  return filters;
}

/** The same search with every filter dropped (the words stay). */
export function clearFiltersHref(params: SearchParams): string {
  return `/${withParams(params, { province: null, city: null, county: null, township: null, body: null, level: [], template: [], yearFrom: null, yearTo: null, failed: false, applications: false, changed: false })}`;
}
