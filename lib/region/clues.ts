/**
 * Clues that are not division names: telephone area codes, postcodes, portal domains and
 * province abbreviations in document numbers.
 */

import { DOC_ABBREVIATIONS, PROVINCE_DOMAINS, PROVINCE_PREFIXES } from './abbreviations';
import { AREA_CODES } from './area-codes';
import { getIndex, isAncestorOrSelf, type Unit, unitsNamed } from './data';
import { STEM_PINYIN } from './pinyin-data';
import { POSTCODE_EXCEPTIONS, POSTCODE_PROVINCE } from './postcodes';

export interface Clue {
  type: 'phone' | 'postcode' | 'domain' | 'docno';
  label: string;
  /** unit → weight of the support it gives */
  items: Map<Unit, number>;
}

const W_PHONE = 2.5;
const W_POSTCODE = 2;
const W_DOMAIN_FULL = 2;
const W_DOMAIN_PREFIXED = 1.6;
const W_DOMAIN_PREFIXED_INITIALS = 1.0;
const W_DOMAIN_INITIALS = 0.6;
const W_DOCNO = 1.0;

// ---------------------------------------------------------------- area codes

let areaCodeUnits: Map<string, Unit[]> | null = null;

/** Area code → units (resolved once from the names in area-codes.ts). */
export function areaCodeTable(): Map<string, Unit[]> {
  if (!areaCodeUnits) {
    const m = new Map<string, Unit[]>();
    for (const [code, names] of Object.entries(AREA_CODES)) {
      const units: Unit[] = [];
      for (const n of names) {
        const found = unitsNamed(n).filter((u) => u.level !== 'township');
        if (found.length === 1) units.push(found[0]);
      }
      if (units.length) m.set(code, units);
    }
    areaCodeUnits = m;
  }
  return areaCodeUnits;
}

// 0631-8731088, (0955)4011434, 0517－83605126, 010-63202651; or 电话：053188888888
const PHONE_RE = /(?<![0-9])[(（]?(0[1-9]\d{1,2})[)）]?\s?[-－—–‐]?\s?([2-9]\d{6,7})(?![0-9])/g;
const PHONE_CONTEXT_RE = /(?:电话|热线|传真|手机|座机|Tel|TEL|tel|联系方式|咨询)[^0-9\n]{0,6}$/;

function phoneCodes(text: string): Map<string, number> {
  const table = areaCodeTable();
  const found = new Map<string, number>();
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(text); m !== null; m = PHONE_RE.exec(text)) {
    const raw = m[0];
    const hasSep = /[-－—–‐)）\s]/.test(raw);
    let code = m[1];
    // 3-digit codes are 010 and 02x; otherwise the code has 4 digits
    if (/^0(?:10|2\d)$/.test(code.slice(0, 3)) && code.length === 4) {
      if (!hasSep) continue;
      code = code.slice(0, 3); // "0216xxxxxxx": rare; take the 3-digit code only with a separator
    }
    if (!hasSep && !PHONE_CONTEXT_RE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (!table.has(code)) continue;
    found.set(code, (found.get(code) ?? 0) + 1);
  }
  return found;
}

// ---------------------------------------------------------------- postcodes

const POSTCODE_RE = /[邮郵]\s*(?:政\s*)?(?:[编編]|[码碼])\s*(?:[码碼]|[编編][码碼])?\s*[:：]?\s*(\d{6})(?!\d)/g; // (also traditional 郵編)

function postcodes(text: string): Map<string, number> {
  const found = new Map<string, number>();
  // (most texts have no 邮编 at all: two plain searches say so before the pattern runs)
  if (!text.includes('邮') && !text.includes('郵')) return found;
  POSTCODE_RE.lastIndex = 0;
  for (let m = POSTCODE_RE.exec(text); m !== null; m = POSTCODE_RE.exec(text)) found.set(m[1], (found.get(m[1]) ?? 0) + 1);
  return found;
}

function postcodeUnit(pc: string): Unit | null {
  const idx = getIndex();
  const code = POSTCODE_EXCEPTIONS[pc.slice(0, 4)] ?? POSTCODE_PROVINCE[pc.slice(0, 2)];
  return code ? (idx.byCode.get(code) ?? null) : null;
}

// ---------------------------------------------------------------- domains

interface PinyinIndex {
  full: Map<string, Unit[]>;
  initials: Map<string, Unit[]>;
}
let PY: PinyinIndex | null = null;

const SUFFIX_PINYIN: Record<string, string> = {
  县: 'xian',
  区: 'qu',
  市: 'shi',
  旗: 'qi',
  州: 'zhou',
  盟: 'meng',
  地区: 'diqu',
  林区: 'linqu',
  特区: 'tequ',
  新区: 'xinqu',
};

/** Initials of the syllables; zh/ch/sh give both readings (xch and xc for 西城). */
function initialVariants(syl: string[]): string[] {
  let plain = '';
  let retroflex = false;
  for (const s of syl) {
    plain += s[0];
    if (s.length > 1 && s.charCodeAt(1) === 104 /* h */ && (s[0] === 'z' || s[0] === 'c' || s[0] === 's')) retroflex = true;
  }
  if (!retroflex) return [plain];
  let acc = [''];
  for (const s of syl) {
    const two = s.length > 1 && s.charCodeAt(1) === 104 && (s[0] === 'z' || s[0] === 'c' || s[0] === 's');
    const next: string[] = [];
    for (const a of acc) {
      next.push(a + s[0]);
      if (two) next.push(a + s.slice(0, 2));
    }
    acc = next;
  }
  return acc;
}

function pinyinIndex(): PinyinIndex {
  if (PY) return PY;
  const idx = getIndex();
  const full = new Map<string, Unit[]>();
  const initials = new Map<string, Unit[]>();
  // (a unit never yields the same key twice, so no duplicate check)
  const put = (m: Map<string, Unit[]>, k: string, u: Unit) => {
    const l = m.get(k);
    if (!l) m.set(k, [u]);
    else l.push(u);
  };
  for (const entry of STEM_PINYIN.split('|')) {
    const colon = entry.indexOf(':');
    const code = entry.slice(0, colon);
    const syls = entry.slice(colon + 1);
    const u = idx.byCode.get(code);
    if (!u || u.pseudo) continue;
    const syl = syls.split(' ');
    const joined = syl.join('');
    const suffix = u.shortSuffix ?? u.suffix;
    const sp = SUFFIX_PINYIN[suffix] ?? (u.level === 'city' && suffix.endsWith('州') ? 'zhou' : undefined);
    if (syl.length >= 2) put(full, joined, u);
    if (sp && u.level !== 'province') put(full, joined + sp, u);
    if (syl.length >= 2 && u.level !== 'province') {
      for (const v of initialVariants(syl)) {
        put(initials, v, u);
        if (sp) put(initials, v + sp[0], u);
      }
    }
  }
  PY = { full, initials };
  return PY;
}

const GENERIC_LABELS = new Set([
  'www',
  'www2',
  'xxgk',
  'zwgk',
  'gk',
  'info',
  'wap',
  'm',
  'en',
  'english',
  'big5',
  'gate',
  'zfxxgk',
  'web',
  'portal',
  'zw',
  'zwfw',
  'site',
  'new',
  'gov',
  'mail',
  'public',
  'open',
  'data',
  'search',
  'xxgs',
  'gkml',
  'zfgb',
  'cms',
]);

/**
 * The hosts under gov.cn a text prints (www.wendeng.gov.cn): found from each "gov.cn" backwards,
 * which is far cheaper than a pattern tried at every letter of the text.
 */
function govHosts(text: string, out: Set<string>): void {
  if (!/gov\.cn/i.test(text)) return;
  // (an upper-case host is rare: only then is the text lowered)
  const lower = text.includes('.gov.cn') && !/\.GOV\.CN|\.Gov\.Cn/.test(text) ? text : text.toLowerCase();
  for (let at = lower.indexOf('.gov.cn'); at >= 0; at = lower.indexOf('.gov.cn', at + 7)) {
    let start = at;
    while (start > 0 && HOST_CHAR.test(lower[start - 1])) start--;
    const host = lower
      .slice(start, at)
      .replace(/^[.-]+/, '')
      .toLowerCase();
    if (host && /[a-z0-9]$/.test(host)) out.add(`${host}.gov.cn`);
  }
}
const HOST_CHAR = /[A-Za-z0-9.-]/;

function unitsUnder(units: Unit[], prefixes: string[]): Unit[] {
  return units.filter((u) => prefixes.some((p) => u.code.startsWith(p) && u.code !== p));
}

/**
 * Read one host (www.wendeng.gov.cn) into clues. The labels nest like the divisions
 * (tunchang.hainan.gov.cn, zuogong.changdu.gov.cn): a label left of one that names a place is
 * read only as a place under it (js.changchun.gov.cn is a bureau's site of 长春, not 江苏). A
 * label that is a province's portal name is that province (xinjiang.gov.cn is 新疆, not 新绛县).
 */
function domainClues(host: string, out: Clue[]): void {
  const labels = host
    .toLowerCase()
    .replace(/\.gov\.cn$/, '')
    .split('.')
    .map((l) => l.replace(/[^a-z]/g, ''));
  const idx = getIndex();
  const py = pinyinIndex();
  let parents: Unit[] | null = null;
  for (let k = labels.length - 1; k >= 0; k--) {
    const label = labels[k];
    const isMain = k === labels.length - 1;
    if (!label || label.length < 2 || GENERIC_LABELS.has(label)) continue;
    const items = new Map<Unit, number>();
    const prov = PROVINCE_DOMAINS[label];
    const provUnit = prov && !parents ? idx.byCode.get(prov)! : null;
    if (provUnit) items.set(provUnit, W_DOMAIN_FULL);
    for (const u of py.full.get(label) ?? []) {
      if (provUnit && !isAncestorOrSelf(provUnit, u)) continue;
      items.set(u, Math.max(items.get(u) ?? 0, label.length >= 5 ? W_DOMAIN_FULL : 1.2));
    }
    if (!items.size) {
      // province or prefecture initials + county pinyin/initials: xjyiwu, bjxch, ztyj, cqspb
      for (let cut = 2; cut <= 3 && !items.size; cut++) {
        const pre = label.slice(0, cut);
        const rest = label.slice(cut);
        if (rest.length < 2) continue;
        const scopes = [...(PROVINCE_PREFIXES[pre] ?? []), ...(py.initials.get(pre) ?? []).filter((u) => u.level === 'city').map((u) => u.code)];
        if (!scopes.length) continue;
        for (const u of unitsUnder(py.full.get(rest) ?? [], scopes)) items.set(u, W_DOMAIN_PREFIXED);
        if (!items.size) for (const u of unitsUnder(py.initials.get(rest) ?? [], scopes)) items.set(u, W_DOMAIN_PREFIXED_INITIALS);
      }
    }
    if (!items.size && isMain) {
      const cands = py.initials.get(label) ?? [];
      if (cands.length <= 60) for (const u of cands) items.set(u, W_DOMAIN_INITIALS);
    }
    if (parents) {
      const under = parents;
      for (const u of [...items.keys()]) if (!under.some((p) => p !== u && isAncestorOrSelf(p, u))) items.delete(u);
    }
    if (!items.size) continue;
    parents = [...items.keys()];
    if (!out.some((c) => c.type === 'domain' && c.label === label)) out.push({ type: 'domain', label, items });
  }
}

// ---------------------------------------------------------------- document numbers

/**
 * A document number's bracket and year (〔2019〕), then, in the nine characters before it, the
 * province's abbreviation and 政/府 (鲁政办发): looked for from the bracket, which is far rarer than
 * the abbreviations' characters.
 */
const DOCNO_BRACKET_RE = /[〔[［【（(]\s*(?:19|20)\d\d/g;
const DOCNO_NAME_RE = new RegExp(`([${Object.keys(DOC_ABBREVIATIONS).join('')}])((?:政|府)[\\u4e00-\\u9fa5]{0,7})$`);
const DOCNO_BEFORE_OK = /[^\u4e00-\u9fa5]|[据照按和及与]/;

// ---------------------------------------------------------------- all clues

export function findClues(text: string, url?: string | null): Clue[] {
  const idx = getIndex();
  const out: Clue[] = [];
  const region = text.length > 5000 ? `${text.slice(0, 3500)}\n${text.slice(-1500)}` : text;

  for (const [code, n] of phoneCodes(region)) {
    const units = areaCodeTable().get(code)!;
    const w = W_PHONE + 0.25 * Math.min(2, n - 1);
    out.push({ type: 'phone', label: code, items: new Map(units.map((u) => [u, w])) });
  }
  for (const [pc, n] of postcodes(region)) {
    const u = postcodeUnit(pc);
    if (u) out.push({ type: 'postcode', label: pc, items: new Map([[u, W_POSTCODE + 0.25 * Math.min(2, n - 1)]]) });
  }
  const hosts = new Set<string>();
  govHosts(region, hosts);
  if (url) {
    const h = /^(?:[a-z]+:\/\/)?([^/:?#]+)/i.exec(url.trim())?.[1];
    if (h && /\.gov\.cn$/i.test(h)) hosts.add(h.toLowerCase());
  }
  for (const h of hosts) if (h !== 'www.gov.cn') domainClues(h, out);

  const docProv = new Map<string, { n: number; sample: string }>();
  for (const bracket of region.matchAll(DOCNO_BRACKET_RE)) {
    const from = Math.max(0, bracket.index - 9);
    const m = DOCNO_NAME_RE.exec(region.slice(from, bracket.index));
    if (!m) continue;
    const at = from + m.index;
    if (at > 0 && !DOCNO_BEFORE_OK.test(region[at - 1])) continue; // 潍政办发: a city's, not 山东's
    const code = DOC_ABBREVIATIONS[m[1]];
    const prev = docProv.get(code);
    docProv.set(code, { n: (prev?.n ?? 0) + 1, sample: prev?.sample ?? m[1] + m[2] });
  }
  for (const [code, { n, sample }] of docProv) {
    out.push({ type: 'docno', label: sample, items: new Map([[idx.byCode.get(code)!, W_DOCNO + 0.2 * Math.min(3, n - 1)]]) });
  }
  return out;
}
