/**
 * Finding division-name mentions in a piece of text (leftmost-longest over the name keys).
 */
import { bucketUnits, getIndex, type KeyInfo, keyInfoAt, type RegionIndex, townshipSuffix, type Unit } from './data';
import { readSuffix, type SuffixClass } from './names';
import { childOf as trieChild, pairNode as triePair } from './trie';

// Bound once: tsx compiles modules to CommonJS, where every call of an imported function goes
// through the exporting module's getter; in the scanner's inner loop that was a third of its time.
const childOf = trieChild;
const pairNode = triePair;

export type Zone = 'org' | 'title' | 'head' | 'tail';
type EntryKind = 'full' | 'alias' | 'former' | 'stem';

export interface Entry {
  unit: Unit;
  kind: EntryKind;
}

export interface Mention {
  start: number;
  end: number;
  printed: string;
  zone: Zone;
  entries: Entry[];
  /** directly preceded by a mention of one of its parents (威海市环翠区张村镇) */
  chained: boolean;
  /** a bare 2-character name (城区, 张镇, 城南): only kept when chained or followed by a suffix */
  weak: boolean;
  /** followed by 人民政府 / 政府 / 办事处 …: the text names a body of this place */
  selfNamed: boolean;
  /** preceded by 驻 (驻京办事处…): a place the body is in, not the body's own place */
  stationed: boolean;
  /** in a short line among the first lines of the text (the heading: organization / title) */
  heading?: boolean;
  /** printed right after a place that is not its parent in the list (文登区城关镇, where 文登区 has no 城关镇) */
  unmatchedParent?: Mention;
}

const HAN_RE = /^[\u3400-\u9fff]+$/;
const SELF_NAMED_RE = /^(?:人民政府|政府|街道办事处|办事处|党委|党工委|管委会|管理委员会|人大|委员会)/;

function suffixEntries(info: KeyInfo, suffix: string, cls: SuffixClass): Entry[] {
  const out: Entry[] = [];
  if (!info.stem && !info.wordStem) return out;
  for (const u of [...(info.stem ?? []), ...(info.wordStem ?? [])]) {
    let ok = false;
    switch (cls) {
      case 'province':
        ok = u.level === 'province';
        break;
      case 'city':
        ok = u.level === 'city';
        break;
      case 'cityOrCounty':
        ok = u.level === 'city' || u.level === 'county';
        break;
      case 'county':
        ok = u.level === 'county';
        break;
      case 'township':
        ok = false; // township readings come from probeTownships
        break;
    }
    if (!ok) continue;
    // 广西省, 新疆省: a slip, not a rename; 化隆县 for 化隆回族自治县: the short form
    const kind: EntryKind = u.level === 'province' || u.shortSuffix === suffix || u.suffix === suffix ? 'alias' : 'former';
    out.push({ unit: u, kind });
  }
  return out;
}

/** a stem followed by these is a street or building named after the place (西安路, 马鞍山路) */
const ROAD_RE = /^(?:[东西南北中]?路|大?街|大道|巷|胡同|小区|社区|广场|大厦|宾馆|饭店|酒店|公园)/;

const TOWNSHIP_NAME_RE = /(?:镇|乡|街道|苏木|地区|办事处)$/;

/** A township-level entry that is an institution rather than a place (经济技术开发区, 林业局, 农场). */
function isInstitutional(u: Unit): boolean {
  return u.level === 'township' && !TOWNSHIP_NAME_RE.test(u.name);
}

function tryMatch(text: string, i: number, len: number, info: KeyInfo, zone: Zone): Mention | null {
  const key = text.slice(i, i + len);
  const entries: Entry[] = [];
  for (const u of info.full ?? []) entries.push({ unit: u, kind: 'full' });
  for (const u of info.alias ?? []) entries.push({ unit: u, kind: 'alias' });
  for (const u of info.former ?? []) entries.push({ unit: u, kind: 'former' });
  let end = i + len;
  let printed = key;
  let suffixed = false;
  if (info.stem || info.wordStem) {
    const sfx = readSuffix(text, end);
    if (sfx) {
      const more = suffixEntries(info, sfx.suffix, sfx.cls);
      if (more.length) {
        for (const e of more) if (!entries.some((x) => x.unit === e.unit)) entries.push(e);
        end += sfx.suffix.length;
        printed = key + sfx.suffix;
        suffixed = true;
      }
    }
    if (!suffixed && !entries.length && info.stem && !ROAD_RE.test(text.slice(end, end + 3))) {
      for (const u of info.stem) entries.push({ unit: u, kind: 'stem' });
    }
  }
  if (!entries.length) return null;
  // A bare county stem between two Han characters is usually a word split across (公开平台 →
  // 开平, 工作和政务 → 和政, 权威信息 → 威信): keep it only after punctuation or 中国 (“盐津公安”,
  // 福建·永定, 中国永嘉), or chained to a parent (威海文登).
  const bareCountyStem =
    entries.every((e) => e.kind === 'stem' && e.unit.level === 'county') && i > 0 && HAN_RE.test(text[i - 1]) && text.slice(i - 2, i) !== '中国';
  const after = text.slice(end, end + 6);
  const selfNamed = SELF_NAMED_RE.test(after);
  // Names too common to trust alone: institution-like township entries (经济技术开发区, 林业局,
  // XX农场) and two-character names (城区 矿区 张镇 城南; 和县 in "…和县政府办公室", 成县 in
  // "完成县委…"). They count only when chained to a parent (靖江市城南, 延安市富县), or in the
  // organization/title (富县人民政府), or for short township names when followed by 街道/办事处.
  let weak = bareCountyStem;
  if (!suffixed && entries.every((e) => (e.kind === 'full' || e.kind === 'alias') && isInstitutional(e.unit))) weak = true;
  else if (!suffixed && entries.every((e) => e.kind === 'full')) {
    const orgLike = zone === 'org' || zone === 'title';
    const streetNext = /^(?:街道|办事处)/.test(after);
    weak = entries.every((e) => {
      const u = e.unit;
      if (isInstitutional(u)) return true;
      if (u.name.length > 2) return false;
      if (u.level === 'township') return !(streetNext || (orgLike && selfNamed));
      // 富县人民政府 in the body is fine; 和县政府 after 《…》 is not
      if (u.level === 'county') return u.name.endsWith('区') ? !(orgLike && selfNamed) : !(orgLike || after.startsWith('人民政府'));
      return false;
    });
  }
  return {
    start: i,
    end,
    printed,
    zone,
    entries,
    chained: false,
    weak,
    selfNamed,
    stationed: i > 0 && text[i - 1] === '驻',
  };
}

/** the keys met in one trie walk: where each ends and its node (a key is at most MAX_KEY long) */
const walkEnds = new Int32Array(64);
const walkNodes = new Int32Array(64);

/**
 * All mentions in `text`, leftmost-longest, non-overlapping; parent→child chains linked.
 *
 * One pass over the text: at each position the key trie (trie.ts) is walked as far as the text
 * follows it, which meets every key starting there; the longest that the context accepts (tryMatch)
 * is taken and the scan resumes after it. Most positions end at the first probe, in the pair table.
 */
export function scanText(text: string, zone: Zone): Mention[] {
  const idx = getIndex();
  const { trie } = idx;
  const { terminal } = trie;
  let out: Mention[] = [];
  const n = text.length;
  let i = 0;
  // each code unit is read once as the scan moves on (charCodeAt dominates the walk's cost)
  let next = text.charCodeAt(0);
  while (i < n - 1) {
    const c = next;
    next = text.charCodeAt(i + 1);
    let node = pairNode(trie, c, next);
    if (node === 0) {
      i++;
      continue;
    }
    let found = 0;
    if (terminal[node] === 1) {
      walkEnds[0] = i + 2;
      walkNodes[0] = node;
      found = 1;
    }
    for (let j = i + 2; j < n; j++) {
      node = childOf(trie, node, text.charCodeAt(j));
      if (node === 0) break;
      if (terminal[node] === 1) {
        walkEnds[found] = j + 1;
        walkNodes[found] = node;
        found++;
      }
    }
    // longest key first (a weak reading such as 马鞍山羊场 still covers its span: no 马鞍山 inside it)
    let m: Mention | null = null;
    for (let k = found - 1; k >= 0; k--) {
      const end = walkEnds[k];
      m = tryMatch(text, i, end - i, keyInfoAt(idx, walkNodes[k], text, i, end), zone);
      if (m) break;
    }
    if (!m) {
      i++;
      continue;
    }
    out.push(m);
    i = m.end;
    next = text.charCodeAt(i); // NaN past the end: the loop stops there anyway
  }
  const probed = probeTownships(idx, text, zone, out);
  if (probed.length) {
    out = out.filter((m) => !probed.some((p) => m.start < p.end && p.start < m.end));
    out.push(...probed);
    out.sort((a, b) => a.start - b.start);
  }
  linkChains(out, text);
  if (zone === 'head') markHeading(out, text);
  return out.filter((m) => !m.weak || m.chained);
}

const HEADING_CHARS = 200;
const HEADING_LINE = 60;

function markHeading(ms: Mention[], text: string): void {
  for (const m of ms) {
    if (m.start >= HEADING_CHARS) break;
    const ls = text.lastIndexOf('\n', m.start) + 1;
    let le = text.indexOf('\n', m.end);
    if (le < 0) le = text.length;
    if (le - ls <= HEADING_LINE) m.heading = true;
  }
}

const TOWNSHIP_SUFFIX_RE = /街道办事处|街道|办事处|苏木|镇|乡/g;
const TOWNSHIP_VARIANTS = ['镇', '乡', '街道', '苏木'];

/**
 * Township names printed with another suffix than today's (撤乡设镇 张家乡 → 张家镇, 撤镇设街道,
 * 东郊办事处 for 东郊街道): at each township suffix not inside a full-name mention, try the stem
 * before it with the other suffixes.
 */
function probeTownships(idx: RegionIndex, text: string, zone: Zone, forward: Mention[]): Mention[] {
  const out: Mention[] = [];
  let covered: Uint8Array | null = null;
  TOWNSHIP_SUFFIX_RE.lastIndex = 0;
  for (let m = TOWNSHIP_SUFFIX_RE.exec(text); m !== null; m = TOWNSHIP_SUFFIX_RE.exec(text)) {
    const j = m.index;
    const sfx = m[0];
    if (j < 2) continue;
    if (!covered) {
      covered = new Uint8Array(text.length);
      for (const f of forward) if (f.entries.some((e) => e.kind !== 'stem')) covered.fill(1, f.start, f.end);
    }
    if (covered[j]) continue;
    const streetLike = sfx === '街道' || sfx === '办事处' || sfx === '街道办事处';
    for (let L = Math.min(6, j); L >= 2; L--) {
      const st = j - L;
      let blocked = false;
      for (let q = st; q < j; q++) if (covered[q]) blocked = true;
      if (blocked) continue;
      if (!allHan(text, st, j)) continue;
      // the stem's node in the key trie: no key starts with it, no township of that stem
      let node = pairNode(idx.trie, text.charCodeAt(st), text.charCodeAt(st + 1));
      for (let q = st + 2; q < j && node !== 0; q++) node = childOf(idx.trie, node, text.charCodeAt(q));
      if (node === 0) continue;
      const stem = text.slice(st, j);
      const entries: Entry[] = [];
      for (const v of TOWNSHIP_VARIANTS) {
        if (v === sfx || !endsKey(idx, node, v)) continue;
        for (const u of bucketUnits(idx.full.get(stem + v)) ?? []) {
          if (u.level !== 'township' || townshipSuffix(u) !== v) continue;
          entries.push({ unit: u, kind: streetLike && v === '街道' ? 'alias' : 'former' });
        }
      }
      if (!entries.length) continue;
      const end = j + sfx.length;
      out.push({
        start: st,
        end,
        printed: stem + sfx,
        zone,
        entries,
        chained: false,
        // in running text a renamed-township reading needs its county in front (更新街道信息 ≠ 更新乡)
        weak: zone === 'head' || zone === 'tail',
        selfNamed: SELF_NAMED_RE.test(text.slice(end, end + 6)),
        stationed: st > 0 && text[st - 1] === '驻',
      });
      covered.fill(1, st, end);
      break;
    }
  }
  return out;
}

/** text[from, to) is all Han characters (U+3400..U+9FFF), as HAN_RE tests */
function allHan(text: string, from: number, to: number): boolean {
  for (let q = from; q < to; q++) {
    const c = text.charCodeAt(q);
    if (c < 0x3400 || c > 0x9fff) return false;
  }
  return from < to;
}

/** Some key is the path to `node` followed by `suffix`. */
function endsKey(idx: RegionIndex, node: number, suffix: string): boolean {
  let x = node;
  for (let q = 0; q < suffix.length && x !== 0; q++) x = childOf(idx.trie, x, suffix.charCodeAt(q));
  return x !== 0 && idx.trie.terminal[x] === 1;
}

function linkChains(ms: Mention[], text: string): void {
  for (let k = 1; k < ms.length; k++) {
    const a = ms[k - 1];
    const b = ms[k];
    if (b.start !== a.end && text.slice(a.end, b.start).trim() !== '') continue;
    // keep the child readings that sit under one of the parent readings, and vice versa
    const childOk = b.entries.filter((e) => a.entries.some((p) => p.unit !== e.unit && isUnder(e.unit, p.unit)));
    if (!childOk.length) {
      if (a.entries.some((p) => b.entries.some((e) => LEVEL_RANK[p.unit.level] < LEVEL_RANK[e.unit.level]))) b.unmatchedParent = a;
      continue;
    }
    const parentOk = a.entries.filter((p) => childOk.some((e) => isUnder(e.unit, p.unit)));
    b.entries = childOk;
    b.chained = true;
    if (parentOk.length) a.entries = parentOk;
  }
}

const LEVEL_RANK = { province: 0, city: 1, county: 2, township: 3 } as const;

function isUnder(u: Unit, anc: Unit): boolean {
  for (let x = u.parent; x; x = x.parent) if (x === anc) return true;
  return false;
}
