import { childrenOf, type DivisionLevel } from '../region';
import { REGION_FIELDS, type RegionField } from '../report/schema';
import type { SearchParams } from '../search/params';

/**
 * The region a coverage grid is about, from the URL's place names (lib/search/params.ts), and its
 * child divisions from the logical tree (lib/region): the provinces nationally, the cities of a
 * province (and the counties it governs directly: 上海市 has only those), the counties of a city
 * (or the townships of a city without counties, such as 东莞市), the townships of a county.
 */

export interface CoverageDivision {
  code: string;
  name: string;
  level: DivisionLevel;
}

export interface CoverageRegion {
  /** null: the whole country. */
  division: CoverageDivision | null;
  /** The place names that lead to it, province first, as filters (for links up the trail). */
  trail: Array<{ field: RegionField; name: string }>;
  children: CoverageDivision[];
  /** County- or township-level units that are not governments (开发区, 新区, 农场, 园区…), left out of the rows. */
  omitted: number;
}

/**
 * In the national statistical codes the last digits say what a unit is. Townships: 001–099 街道,
 * 100–199 镇, 200–399 乡, 400 and above 开发区、农场 and similar units. Counties: 01–20 市辖区,
 * 21–69 县, 81–99 县级市, 71–80 开发区、新区、管理区. The latter publish no government report of
 * that level (a 管委会 reports, if at all, as another kind of body).
 */
function isGovernmentUnit(division: CoverageDivision): boolean {
  if (division.level === 'township') return Number(division.code.slice(-3)) < 400;
  if (division.level === 'county') {
    const tail = Number(division.code.slice(-2));
    return tail < 71 || tail > 80;
  }
  return true;
}

export type CoverageRegionResult = { ok: true; region: CoverageRegion } | { ok: false; error: string };

const DEPTH: Record<DivisionLevel, number> = { province: 0, city: 1, county: 2, township: 3 };

/** Divisions named `name` at `level` below `code` (null: the country), looking through skipped levels. */
function findBelow(code: string | null, level: DivisionLevel, name: string): CoverageDivision[] {
  const found: CoverageDivision[] = [];
  const visit = (parent: string | null) => {
    for (const child of childrenOf(parent)) {
      if (child.level === level) {
        if (child.name === name) found.push(child);
      } else if (DEPTH[child.level] < DEPTH[level]) visit(child.code);
    }
  };
  visit(code);
  return found;
}

export function resolveCoverageRegion(params: Pick<SearchParams, RegionField>): CoverageRegionResult {
  let division: CoverageDivision | null = null;
  const trail: CoverageRegion['trail'] = [];
  for (const field of REGION_FIELDS) {
    const name = params[field];
    if (!name) continue;
    const matches = findBelow(division?.code ?? null, field, name);
    if (matches.length === 0) return { ok: false, error: `没有找到地区“${[...trail.map((t) => t.name), name].join('')}”。` };
    if (matches.length > 1) return { ok: false, error: `有 ${matches.length} 个地区叫“${name}”，请同时选择它所在的省份或地市。` };
    division = matches[0];
    trail.push({ field, name });
  }
  const all = division?.level === 'township' ? [] : childrenOf(division?.code ?? null);
  const children = all.filter(isGovernmentUnit);
  return { ok: true, region: { division, trail, children, omitted: all.length - children.length } };
}

/** The filter fields that pick one child: its own level's field (a child's level names its field). */
export function childField(child: CoverageDivision): RegionField {
  return child.level;
}
