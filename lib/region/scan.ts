/**
 * Finding division-name mentions in a piece of text (leftmost-longest over the name keys).
 */
import { getIndex, type KeyInfo, type Unit } from './data';
import { readSuffix, type SuffixClass } from './names';

export type Zone = 'org' | 'title' | 'head' | 'tail';
export type EntryKind = 'full' | 'alias' | 'former' | 'stem';

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
}

const TOWNSHIP_STREET_SUFFIX = new Set(['街道', '街道办事处', '办事处']);
const SELF_NAMED_RE = /^(?:人民政府|政府|街道办事处|办事处|党委|党工委|管委会|管理委员会|人大|委员会)/;

function suffixEntries(info: KeyInfo, suffix: string, cls: SuffixClass): Entry[] {
  const out: Entry[] = [];
  if (info.stem || info.tstem) {
    const units = [...(info.stem ?? []), ...(info.tstem ?? [])];
    for (const u of units) {
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
          ok = u.level === 'township';
          break;
      }
      if (!ok) continue;
      let kind: EntryKind;
      if (u.level === 'province') kind = 'alias'; // 广西省, 新疆省: a slip, not a rename
      else if (u.shortSuffix === suffix || u.suffix === suffix) kind = 'alias';
      else if (u.level === 'township' && TOWNSHIP_STREET_SUFFIX.has(suffix) && TOWNSHIP_STREET_SUFFIX.has(u.suffix)) kind = 'alias';
      else kind = 'former';
      out.push({ unit: u, kind });
    }
  }
  return out;
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
  if (info.stem || info.tstem) {
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
    if (!suffixed && !entries.length && info.stem) {
      for (const u of info.stem) entries.push({ unit: u, kind: 'stem' });
    }
  }
  if (!entries.length) return null;
  // A bare full name of two characters (城区 矿区 张镇 城南 街道): too common to trust alone.
  const weak = !suffixed && len <= 2 && entries.every((e) => e.kind === 'full');
  const after = text.slice(end, end + 6);
  return {
    start: i,
    end,
    printed,
    zone,
    entries,
    chained: false,
    weak: weak && !(entries.some((e) => e.unit.level === 'township') && /^(?:街道|办事处)/.test(after)),
    selfNamed: SELF_NAMED_RE.test(after),
    stationed: i > 0 && text[i - 1] === '驻',
  };
}

/** All mentions in `text`, leftmost-longest, non-overlapping; parent→child chains linked. */
export function scanText(text: string, zone: Zone): Mention[] {
  const idx = getIndex();
  const { prefix2, keys, maxKeyLength } = idx;
  const out: Mention[] = [];
  const n = text.length;
  let i = 0;
  while (i < n - 1) {
    const mask = prefix2.get(text.slice(i, i + 2));
    if (mask === undefined) {
      i++;
      continue;
    }
    let m: Mention | null = null;
    for (let len = Math.min(maxKeyLength, n - i); len >= 2; len--) {
      if (!(mask & (1 << len))) continue;
      const info = keys.get(text.slice(i, i + len));
      if (!info) continue;
      m = tryMatch(text, i, len, info, zone);
      if (m) break;
    }
    if (!m) {
      i++;
      continue;
    }
    out.push(m);
    i = m.end;
  }
  linkChains(out, text);
  return out.filter((m) => !m.weak || m.chained);
}

function linkChains(ms: Mention[], text: string): void {
  for (let k = 1; k < ms.length; k++) {
    const a = ms[k - 1];
    const b = ms[k];
    if (b.start !== a.end && text.slice(a.end, b.start).trim() !== '') continue;
    // keep the child readings that sit under one of the parent readings, and vice versa
    const childOk = b.entries.filter((e) => a.entries.some((p) => p.unit !== e.unit && isUnder(e.unit, p.unit)));
    if (!childOk.length) continue;
    const parentOk = a.entries.filter((p) => childOk.some((e) => isUnder(e.unit, p.unit)));
    b.entries = childOk;
    b.chained = true;
    if (parentOk.length) a.entries = parentOk;
  }
}

function isUnder(u: Unit, anc: Unit): boolean {
  for (let x = u.parent; x; x = x.parent) if (x === anc) return true;
  return false;
}
