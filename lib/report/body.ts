import { placeChainStarting, printedForms, type ResolvedRegion } from '../region';
import { type BodyKind, LEVEL_WORD } from './level';
import type { Level } from './schema';

/**
 * The canonical name of the reporting body, built from its resolved division and its kind: what
 * the report prints (张村镇, 区统计局, 天津市发展改革委) becomes the full official name
 * (威海市环翠区张村镇人民政府, 宝鸡市渭滨区统计局, 天津市发展和改革委员会), so that the five 张村镇
 * are five bodies and one body is one name across years.
 *
 * The convention (as the dev sets' labels write full names):
 * - a district (…区) carries its prefecture (广州市海珠区…; 北京市通州区… under a municipality);
 *   a county, banner or county-level city stands alone (邹城市田黄镇…, 柞水县凤凰镇…);
 * - a 镇/乡/苏木 is its 人民政府, a 街道 its 街道办事处; a prefecture's government is its 人民政府
 *   (a 地区 or 盟: its 行政公署); a province's, its 人民政府;
 * - a department is its government's place followed by the department's full name;
 * - a zone (开发区, 新区) is its 管理委员会.
 */

const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/**
 * Short forms of department names in common use, and their full names. Only whole names are
 * replaced (the short form is the department's name once its place is taken off).
 */
const DEPARTMENT_SHORT_FORMS: Record<string, string> = {
  发改委: '发展和改革委员会',
  发展改革委: '发展和改革委员会',
  发改局: '发展和改革局',
  发展改革局: '发展和改革局',
  经信委: '经济和信息化委员会',
  经信局: '经济和信息化局',
  工信局: '工业和信息化局',
  工信厅: '工业和信息化厅',
  教委: '教育委员会',
  科委: '科学技术委员会',
  科技局: '科学技术局',
  科技厅: '科学技术厅',
  民委: '民族事务委员会',
  民宗委: '民族宗教事务委员会',
  民宗局: '民族宗教事务局',
  卫健委: '卫生健康委员会',
  卫生健康委: '卫生健康委员会',
  卫健局: '卫生健康局',
  住建委: '住房和城乡建设委员会',
  住建局: '住房和城乡建设局',
  住建厅: '住房和城乡建设厅',
  人社局: '人力资源和社会保障局',
  人力社保局: '人力资源和社会保障局',
  人社厅: '人力资源和社会保障厅',
  市场监管局: '市场监督管理局',
  文旅局: '文化和旅游局',
  文旅厅: '文化和旅游厅',
  医保局: '医疗保障局',
  应急局: '应急管理局',
  退役军人局: '退役军人事务局',
  国资委: '国有资产监督管理委员会',
  人防办: '人民防空办公室',
  北部湾办: '北部湾经济区规划建设管理办公室',
  侨办: '人民政府侨务办公室',
  外办: '人民政府外事办公室',
  台办: '人民政府台湾事务办公室',
  法制办: '人民政府法制办公室',
  政府办: '人民政府办公室',
};

const ZONE_END = /(?:开发区|高新区|新区|园区|示范区|试验区|合作区|保税区)$/;

export interface ExpandedName {
  name: string;
  /** The short form that was expanded, if any. */
  expanded: string | null;
}

/**
 * A department's own name, without the places and level word in front and with its short form
 * expanded: "西藏自治区政府国资委" → "人民政府国有资产监督管理委员会", "区统计局" → "统计局",
 * "阜新市彰武县政府办公室" → "人民政府办公室", "自治区民委(宗教事务局)" → "民族事务委员会(宗教事务局)".
 */
export function departmentName(printed: string): ExpandedName {
  let s = printed;
  const chain = placeChainStarting(s);
  if (chain && chain.length < s.length) s = s.slice(chain.length);
  const level = s.match(LEVEL_WORD);
  if (level && s.length - level[0].length >= 2) s = s.slice(level[0].length);
  s = s.replace(/^政府/, '人民政府');
  const note = s.match(/[（(][^（）()]*[）)]$/)?.[0] ?? '';
  let core = note ? s.slice(0, -note.length) : s;
  let expanded: string | null = null;
  const government = core.startsWith('人民政府') && core.length > 4 ? '人民政府' : '';
  const rest = government ? core.slice(4) : core;
  const full = DEPARTMENT_SHORT_FORMS[rest];
  if (full) {
    expanded = rest;
    core = full.startsWith('人民政府') ? full : government + full;
  }
  return { name: core + note, expanded };
}

/** 东郊办事处 and 东郊街道, 黄腊乡 and 黄腊布依族苗族乡: one town under two suffixes. */
function sameStem(printed: string, listed: string): boolean {
  const stem = printed.replace(/(?:街道办事处|街道|办事处|镇|乡|苏木)$/, '');
  return stem.length >= 2 && listed.startsWith(stem) && listed !== printed;
}

/** The prefix a county-level unit carries: its prefecture for a district (its municipality's name under one). */
function countyName(region: ResolvedRegion): string | null {
  // a report of its day names its county as it was then (永定县 for today's 永定区)
  const former = region.formerName && /(?:县|区|市|旗)$/.test(region.formerName) ? region.formerName : null;
  const county = former ?? region.county;
  if (!county) return null;
  if (!/区$/.test(county) || /地区$/.test(county)) return county;
  const parent = region.city ?? (region.province && MUNICIPALITIES.has(region.province) ? region.province : null);
  return (parent ?? '') + county;
}

/** A township-level name as a body: 镇/乡/苏木 → 人民政府, 街道 → 街道办事处; others (管理区, 农场) as they are. */
function townshipBody(name: string): string {
  if (/街道$/.test(name)) return `${name}办事处`;
  if (/(?:镇|乡|苏木)$/.test(name)) return `${name}人民政府`;
  return name;
}

/** The township-level part of a printed name ("西秀区黄腊乡人民政府" → "黄腊乡", "官洲街道办事处" → "官洲街道"). */
function printedTownship(printed: string): string | null {
  let s = printed;
  const chain = placeChainStarting(s, true);
  if (chain && chain.length < s.length) s = s.slice(chain.length);
  s = s.replace(/^人民政府/, '');
  const m = s.match(/^(.{2,12}?(?:街道|镇|乡|苏木|办事处|管理区))(?:办事处|人民政府|政府)?(?:[（(].*[）)])?$/);
  return m ? m[1] : null;
}

export interface BodyInput {
  organization: string | null;
  level: Level | null;
  kind: BodyKind | null;
  region: ResolvedRegion;
}

export interface BodyResult {
  body: string | null;
  evidence: string[];
}

/** The canonical body name from the resolved division, the level and the printed name. */
export function canonicalBody({ organization, level, kind, region }: BodyInput): BodyResult {
  const evidence: string[] = [];
  const printed = organization;
  const done = (body: string | null, how: string): BodyResult => {
    if (body && body !== printed) evidence.push(`body ${body}: ${how}`);
    return { body, evidence };
  };
  // A printed name that names no place above a town (区统计局, 统计局, 胡市镇人民政府) is no canonical name without one.
  const asPrinted = (name: string | null): BodyResult =>
    name && (level === 'central_department' || level === 'other' || placeChainStarting(name, true)) ? done(name, 'as printed') : { body: null, evidence };
  switch (level) {
    case null:
      return asPrinted(printed);
    case 'central_department':
      return asPrinted(printed);
    case 'province':
      return region.province ? done(`${region.province}人民政府`, 'the province’s government') : asPrinted(printed);
    case 'city':
      if (!region.city) return asPrinted(printed);
      return done(`${region.city}${/(?:地区|盟)$/.test(region.city) ? '行政公署' : '人民政府'}`, 'the prefecture’s government');
    case 'county': {
      const county = countyName(region);
      return county ? done(`${county}人民政府`, 'the county’s government') : asPrinted(printed);
    }
    case 'township': {
      const county = countyName(region) ?? region.city ?? '';
      if (region.township && (!printed || printed.includes(region.township))) return done(county + townshipBody(region.township), 'the township’s government');
      const town = printed ? printedTownship(printed) : null;
      // the town as printed when the list names it otherwise (黄腊乡 for 黄腊布依族苗族乡, 东郊办事处 for 东郊街道)
      if (region.township && !(town && sameStem(town, region.township))) return done(county + townshipBody(region.township), 'the township’s government');
      // the division list lacks the town: the printed name under the resolved county
      if (!town || !county) return asPrinted(printed);
      return done(county + (/办事处$/.test(town) ? town : townshipBody(town)), 'the township’s government');
    }
    case 'other': {
      const bare = printed ? printed.slice(placeChainStarting(printed, true)?.length ?? 0) : null;
      if (region.township && (!bare || bare === region.township)) {
        return done((countyName(region) ?? region.city ?? '') + region.township, 'the zone as a division');
      }
      if (!printed) return { body: null, evidence };
      // a zone is its committee, by its full name (…管委会 → …管理委员会)
      const committee = ZONE_END.test(printed) ? `${printed}管理委员会` : printed.replace(/管委会$/, '管理委员会');
      return done(committee, 'the zone’s committee');
    }
    default: {
      if (!printed) return { body: null, evidence };
      const dept = departmentName(printed);
      if (dept.expanded) evidence.push(`short form ${dept.expanded} → ${dept.name}`);
      const place =
        level === 'province_department'
          ? region.province
          : level === 'city_department'
            ? region.city
            : level === 'county_department'
              ? kind === 'department' && /(?:管理委员会|管委会)/.test(printed)
                ? null
                : countyName(region)
              : null;
      if (!place || !dept.name) return asPrinted(dept.expanded ? printed.replace(dept.expanded, dept.name) : printed);
      return done(place + dept.name, `a department of ${place}`);
    }
  }
}

/**
 * The forms a division's name takes in running text, deepest unit of the level first, for finding
 * a body named once deep in the text (甘南州自然资源局 in a report that says 我局 throughout).
 */
export function placeForms(region: ResolvedRegion, level: Level | null): string[] {
  const forms: string[] = [];
  if (level === 'county_department' && region.county) forms.push(...printedForms(region.county, 'county'));
  if (level === 'city_department' && region.city) forms.push(...printedForms(region.city, 'city'));
  if (level === 'province_department' && region.province) forms.push(...printedForms(region.province, 'province'));
  return forms;
}
