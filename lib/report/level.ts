import type { Level } from './schema';

/**
 * Who reported, as a kind of body and the level of its place: a government (a 镇's, a 县's…), a
 * department of a government (局, 委员会, 办公室…), a zone (开发区, 管委会, 管理区) or a central body.
 * The printed name decides; what the report calls itself (我镇, 我局…) and the words of its web
 * address (bm = 部门, jd = 街道…) decide when the name is missing or only a contact's.
 */

type PlaceLevel = 'province' | 'city' | 'county' | 'township';
export type BodyKind = 'government' | 'department' | 'zone' | 'central';

const TOWNSHIP = /(?:镇|乡|街道|街道办事处|办事处|苏木|民族乡)(?:人民政府|政府|党政办公室|党政办)?$/;
const OTHER_BODY = /开发区|高新区|新区|园区|工业园|管理委员会|管委会|示范区|试验区|综合服务中心|管理区|风景区|旅游区|保税区|合作区/;
const GOVERNMENT = /^(.*?)(?:人民政府|政府|行政公署)$/;
const CENTRAL =
  /^(?:中华人民共和国|国务院|国家|中国|中央|海关总署|审计署)|^[^省市县区州旗盟]{1,12}部(?:办公厅)?$|^[^省市县区州旗盟]{1,8}部.{1,12}(?:局|委员会|中心)$/;
/** A department's own word after a zone's name ("…风景区管理委员会市场监督管理局"). */
const DEPARTMENT_END = /(?:局|委员会|委|厅|办公室|办|中心|所|站|队|院|署)$/;

// ---- what the report calls itself

export interface SelfWords {
  township: number;
  county: number;
  city: number;
  province: number;
  department: number;
  /** 我办: a street office's or a government office's own word. */
  office: number;
}

const SELF_RE = /[我本](镇|乡|街道|街|苏木|县|旗|区|市|省|自治区|局|委|厅|署|中心|办)/g;
/** What follows 本/我 when it is not the body's own word (本区域, 本市场, 我省级, 本办法, 我委员会委员). */
const NOT_SELF_NEXT: Record<string, RegExp> = {
  镇: /^[长政委干]/,
  乡: /^[长政委干镇]/,
  街: /^[道巷]/,
  县: /^[域级委长直内]/,
  旗: /^[域级委长直]/,
  区: /^[域级委长直内]/,
  市: /^(?:[场民级委长直容内]|政(?!府))/,
  省: /^[级委长直内]/,
  自治区: /^[级委长直内]/,
  局: /^[长]/,
  委: /^[员]/,
  厅: /^[长]/,
  署: /^[长]/,
  中心: /^[城区镇]/,
  办: /^[法理事公]/,
};

/** Counts of 我镇/本镇, 我县, 我市, 我省, 我局/我委/我厅/我中心 in the report's first 3,000 characters. */
export function readSelfWords(text: string): SelfWords {
  const out: SelfWords = { township: 0, county: 0, city: 0, province: 0, department: 0, office: 0 };
  const head = text.length > 3000 ? text.slice(0, 3000) : text;
  SELF_RE.lastIndex = 0;
  for (let m = SELF_RE.exec(head); m !== null; m = SELF_RE.exec(head)) {
    const w = m[1];
    if (NOT_SELF_NEXT[w === '街道' ? '街' : w]?.test(head.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    if (w === '街道' || w === '街' || w === '镇' || w === '乡' || w === '苏木') out.township++;
    else if (w === '县' || w === '旗' || w === '区') out.county++;
    else if (w === '市') out.city++;
    else if (w === '省' || w === '自治区') out.province++;
    else if (w === '办') out.office++;
    else out.department++;
  }
  return out;
}

// ---- the words of the web address

export interface UrlHints {
  kind: 'department' | 'township' | 'government' | null;
  level: PlaceLevel | null;
  /** The path word read. */
  word: string | null;
}

const NO_HINTS: UrlHints = { kind: null, level: null, word: null };

/**
 * Portals file their reports by kind of body: bm/bmnb/szfbm/qzfbm/zfgzbm/zcbm (departments),
 * jd/xzjd/xz (街道, 乡镇), szf/xzf/qzf/rmzf (a government), xj/sj (county or city level). The
 * deepest word that says something wins (/szsrmzf/xzjd2020/ is a 镇).
 */
export function readUrlHints(url: string | null | undefined): UrlHints {
  if (!url) return NO_HINTS;
  const path = url
    .replace(/^[a-z]+:\/\/[^/]*/i, '')
    .replace(/[?#].*$/, '')
    .toLowerCase();
  const segments = path.split('/').filter(Boolean);
  let found: UrlHints = NO_HINTS;
  for (let i = 0; i < segments.length - 1 || (i === segments.length - 1 && !/\./.test(segments[i])); i++) {
    for (const token of segments[i].split(/[^a-z]+/)) {
      const hint = tokenHint(token);
      if (hint) found = { ...hint, word: token };
    }
  }
  return found;
}

function tokenHint(t: string): Omit<UrlHints, 'word'> | null {
  if (t.length < 2) return null;
  // 办公室/办公厅 of a government (zfbgs, szfbgt) and departments (bm, bmnb, szfbm, zcbm…); xzbm is 乡镇/部门 alike
  if (/(?:bgs|bgt)$/.test(t)) return { kind: 'department', level: null };
  if (t !== 'xzbm' && (/^[a-z]{0,6}bm$/.test(t) || /^bm[a-z]{0,8}$/.test(t) || /^[a-z]{1,5}bm(?:xxgk|nb|jg|zsjg)[a-z]*$/.test(t))) {
    return { kind: 'department', level: /^s/.test(t) && t !== 'sbm' ? 'city' : /^[qx]/.test(t) && t !== 'xbm' ? 'county' : null };
  }
  if (/^(?:jd|jdb|jdnb|jdxx\w*|xz|xzjd|jdxz|xzzf|zjd|xzxxgk[a-z]*|xzzfxxgk[a-z]*|[a-z]{1,4}jd)$/.test(t)) return { kind: 'township', level: 'township' };
  if (/^(?:xzf|qzf|xrmzf|qrmzf)(?:xxgk|nb)?[a-z]*$/.test(t) || /^zfxxgk[qx]zf$/.test(t)) return { kind: 'government', level: 'county' };
  if (/^(?:szf|szzf|zzf|srmzf)(?:xxgk|nb)?[a-z]*$/.test(t) || /^[a-z]{2,4}srmzf[a-z]*$/.test(t)) return { kind: 'government', level: 'city' };
  if (t === 'xj' || t === 'qj') return { kind: null, level: 'county' };
  if (t === 'sj') return { kind: null, level: 'city' };
  return null;
}

// ---- the level

export interface LevelInput {
  organization: string | null;
  /** Where the name comes from: the title or the report's own words, or only a contact/compiler line. */
  nameSource: 'title' | 'strong' | 'weak' | null;
  /** Division level of the place the name itself names. */
  orgPlaceLevel: PlaceLevel | null;
  /** The deepest division resolved for the report. */
  regionDepth: PlaceLevel | null;
  /** The resolved county's name (a county-level 市 makes 市X局 a county department). */
  county: string | null;
  province: string | null;
  self: SelfWords;
  url: UrlHints;
}

export interface LevelResult {
  level: Level | null;
  kind: BodyKind | null;
  evidence: string[];
}

/** A level word before a department's name (区统计局, 市科委), not the start of a word (市场, 区域). */
export const LEVEL_WORD =
  /^(?:自治区(?!级|直|属|委|长|内)|省(?!级|直|属|委|长|内)|市(?!场|政(?!府)|容|民|级|直|属|辖|域|委|长|区|$)|县(?!级|直|属|域|委|长|城|$)|区(?!域|级|直|属|委|长|$)|旗(?!级|委|长|$)|州(?!级|委|长|$)|盟(?!级|委|长|$))/;

/** 区统计局, 市科委, 自治区北部湾办: the level word of a short form. */
const MUNICIPALITY = /^(?:北京|天津|上海|重庆)市$/;

function shortFormLevel(name: string, county: string | null, province: string | null): PlaceLevel | null {
  const m = name.match(LEVEL_WORD);
  if (!m || name.length < 3) return null;
  switch (m[0]) {
    case '自治区':
    case '省':
      return 'province';
    case '市':
      // 市 of a municipality is the province-level unit; of a county-level city, the county
      return province && MUNICIPALITY.test(province) ? 'province' : county?.endsWith('市') ? 'county' : 'city';
    case '州':
    case '盟':
      return 'city';
    default:
      return 'county';
  }
}

function nameKind(name: string, orgPlaceLevel: PlaceLevel | null): { kind: BodyKind; level: PlaceLevel | null } | null {
  const bare = name.replace(/[（(][^）)]*[）)]$/, '');
  if (!bare) return null;
  if (TOWNSHIP.test(bare) || /街道办事处|^[^局委厅]*办事处/.test(bare)) return { kind: 'government', level: 'township' };
  // 浦东新区人民政府 and 滨海新区人民政府 are county-level governments, not development zones.
  const placeGovernment = Boolean(orgPlaceLevel) && /(?:人民政府|行政公署)$/.test(bare) && !/管委会|管理委员会/.test(bare);
  if (OTHER_BODY.test(bare) && !placeGovernment) {
    // a bureau of a zone ("…风景区管理委员会市场监督管理局") is a department at the zone's level
    const committee = bare.match(/(?:管理委员会|管委会)(.{2,})$/);
    if (committee && DEPARTMENT_END.test(committee[1])) return { kind: 'department', level: 'county' };
    return { kind: 'zone', level: null };
  }
  if (!orgPlaceLevel && CENTRAL.test(bare)) return { kind: 'central', level: null };
  if (orgPlaceLevel === 'township') return { kind: 'government', level: 'township' };
  if (GOVERNMENT.test(bare) || /^[^局委办厅院所中心部]*[省市县区州旗盟]$/.test(bare)) return { kind: 'government', level: null };
  return { kind: 'department', level: null };
}

/** 我镇 ×3, 我局 ×1: the report's own words, for the evidence. */
function selfWordsSeen(self: SelfWords): string {
  const parts: Array<[string, number]> = [
    ['我镇/我乡/我街道', self.township],
    ['我县/我区/我旗', self.county],
    ['我市', self.city],
    ['我省/自治区', self.province],
    ['我局/我委/我厅', self.department],
    ['我办', self.office],
  ];
  return parts
    .filter(([, n]) => n > 0)
    .map(([w, n]) => `${w} ×${n}`)
    .join(', ');
}

/** The place level the report's own words give (我镇 → township, 我县 → county…), the commonest. */
function selfLevel(self: SelfWords, input: LevelInput): PlaceLevel | null {
  const ranked: Array<[PlaceLevel, number]> = [
    ['township', self.township],
    ['county', self.county],
    ['city', self.city],
    ['province', self.province],
  ];
  ranked.sort((a, b) => b[1] - a[1]);
  if (ranked[0][1] === 0) return null;
  let level = ranked[0][0];
  // 我区 in a report of an autonomous region (西藏, 新疆…) is the region
  if (level === 'county' && input.regionDepth === 'province' && input.province?.endsWith('自治区')) level = 'province';
  // 我市 in a municipality, in a county-level city
  if (level === 'city' && input.province && MUNICIPALITY.test(input.province)) level = 'province';
  else if (level === 'city' && input.county?.endsWith('市')) level = 'county';
  return level;
}

export function classifyLevel(input: LevelInput): LevelResult {
  const evidence: string[] = [];
  const name = input.organization ?? '';
  const { self, url } = input;
  const fromName = name ? nameKind(name, input.orgPlaceLevel) : null;
  const selfPlace = selfLevel(self, input);
  const selfDepartment = self.department > 0 && self.department * 2 >= self.township + self.county + self.city + self.province;
  const selfTownship = self.township > 0 || (self.office > 0 && url.kind === 'township');

  let kind: BodyKind | null = fromName?.kind ?? null;
  let level: PlaceLevel | null = fromName?.level ?? null;
  if (fromName)
    evidence.push(`${input.nameSource === 'weak' ? 'contact or compiler' : input.nameSource === 'title' ? 'title' : 'text'} names ${name}: ${kind}`);

  // A name read only from a contact or compiler line yields to what the report calls itself.
  const nameIsWeak = !fromName || input.nameSource === 'weak';
  if (nameIsWeak && (selfTownship || selfDepartment || self.office > 0 || selfPlace)) {
    if (selfDepartment && (kind === null || kind === 'government') && !selfTownship) {
      kind = 'department';
      level = null;
      evidence.push(`the report calls itself 我局/我委/我厅 (${self.department}×): a department`);
    } else if (selfTownship && selfPlace === 'township' && !(kind === 'government' && level === 'township')) {
      kind = 'government';
      level = 'township';
      evidence.push(`the report calls itself 我镇/我乡/我街道 (${self.township}×): a township`);
    } else if (!kind && self.office > 0) {
      kind = 'department';
      evidence.push(`the report calls itself 我办 (${self.office}×): an office`);
    } else if (!kind && selfPlace) {
      kind = 'government';
      level = selfPlace;
      evidence.push(
        `the report calls itself 我${selfPlace === 'township' ? '镇' : selfPlace === 'county' ? '县/区' : selfPlace === 'city' ? '市' : '省'}: a government`,
      );
    }
  }
  if (!kind && url.kind) {
    kind = url.kind === 'township' ? 'government' : url.kind;
    if (url.kind === 'township') level = 'township';
    evidence.push(`web address files it under ${url.word}: ${url.kind}`);
  }
  // the clues that were not needed, for the record (agreeing or not)
  const seen = selfWordsSeen(self);
  if (seen && !evidence.some((e) => e.startsWith('the report calls itself'))) evidence.push(`the report calls itself ${seen}`);
  if (url.word && !evidence.some((e) => e.startsWith('web address'))) evidence.push(`web address path word ${url.word}: ${url.kind ?? `${url.level} level`}`);

  if (kind === 'central') return { level: 'central_department', kind, evidence };
  if (kind === 'zone') return { level: 'other', kind, evidence };

  let place: PlaceLevel | null = level ?? input.orgPlaceLevel;
  if (!place && name) {
    const short = shortFormLevel(name, input.county, input.province);
    if (short) {
      place = short;
      evidence.push(`short form ${name.slice(0, name.startsWith('自治区') ? 3 : 1)}… : ${short} level`);
    }
  }
  if (!place && selfPlace && selfPlace !== 'township') place = selfPlace;
  if (!place && url.level && url.level !== 'township') {
    place = url.level;
    evidence.push(`web address files it under ${url.word}: ${url.level} level`);
  }
  place ??= input.regionDepth;
  if (!place) return { level: name && CENTRAL.test(name) ? 'central_department' : null, kind, evidence };
  if (place === 'township') return { level: 'township', kind: kind ?? 'government', evidence };
  kind ??= 'department';
  return { level: kind === 'government' ? place : (`${place}_department` as Level), kind, evidence };
}
