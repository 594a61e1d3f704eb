/**
 * resolveRegion: who reported, on the national division list.
 *
 * 1. Mentions: division names (full names, colloquial short forms, former names, bare stems)
 *    are found in the organization, the title, the first 1,500 characters and the last 600.
 * 2. Clues: telephone area codes, postcodes, portal domains, document-number abbreviations.
 * 3. Target: the last place named by the organization (else by the title) fixes the level and
 *    the candidate units (all units with that name). Without one, candidates come from the body
 *    and a deeper unit is only kept when the text gives evidence specific to it.
 * 4. Each candidate is scored by the evidence consistent with its chain (a clue supports a unit
 *    when it points to the unit or an ancestor; a name mention of a descendant gives half);
 *    the best wins, near-ties are reduced to their common ancestor.
 */
import { type Clue, findClues } from './clues';
import { childrenMap, getIndex, isAncestorOrSelf, type Unit } from './data';
import { type Entry, type Mention, scanText, type Zone } from './scan';
import { looksTraditional, toSimplified } from './traditional';
import type { DivisionLevel, RegionInput, ResolvedRegion } from './types';

const HEAD_CHARS = 1500;
const TAIL_CHARS = 600;
const ZONE_WEIGHT: Record<Zone, number> = { org: 4, title: 3, head: 1, tail: 1.5 };
const TIE = 0.35;
const BODY_MIN_SPECIFIC = 1.2;
const DESCENDANT_FACTOR = 0.5;
const GENERIC_ENTRIES = 30;
const FALLBACK_MIN = 2.5;
const FALLBACK_MIN_PRINTED = 1;
const FALLBACK_MARGIN = 1;
const LEVEL_DEPTH: Record<DivisionLevel, number> = { province: 0, city: 1, county: 2, township: 3 };

const CENTRAL_RE =
  /^(?:中华人民共和国|国务院|国家|中国|中央|中共中央|全国|海关总署|审计署)|^[^省市县区州旗盟镇乡]{1,12}部(?:办公厅)?$|^[^省市县区州旗盟镇乡]{1,8}部.{0,14}(?:局|委员会|中心|办公室|管理处)$/;
const SELF_REFERENCE_RE = /[我本全](?:镇|乡|街道|街|苏木)(?![长政])|我办(?!公)/;

interface NameEvidence {
  type: 'name';
  label: string; // printed name
  zone: Zone; // strongest zone
  count: number;
  items: Map<Unit, number>;
  entries: Entry[];
  chained: boolean;
  selfNamed: boolean;
}
type Evidence = NameEvidence | Clue;

const EMPTY: Omit<ResolvedRegion, 'confidence' | 'evidence'> = {
  province: null,
  city: null,
  county: null,
  township: null,
  regionCode: null,
  orgPlaceLevel: null,
  formerName: null,
};

function kindFactor(e: Entry): number {
  switch (e.kind) {
    case 'full':
    case 'alias':
      return 1;
    case 'former':
      return 0.85;
    case 'stem':
      return e.unit.level === 'province' ? 0.8 : e.unit.level === 'city' ? 0.7 : 0.4;
  }
}

function mentionZoneWeight(m: Mention): number {
  if (m.heading) return ZONE_WEIGHT.tail; // the heading lines weigh like the signature
  return ZONE_WEIGHT[m.zone];
}

function buildNameEvidence(mentions: Mention[]): NameEvidence[] {
  const groups = new Map<string, { ms: Mention[] }>();
  for (const m of mentions) {
    if (m.stationed) continue;
    const key = `${m.printed}|${m.entries.map((e) => e.unit.code + e.kind).join(',')}`;
    const g = groups.get(key);
    if (g) g.ms.push(m);
    else groups.set(key, { ms: [m] });
  }
  const out: NameEvidence[] = [];
  for (const { ms } of groups.values()) {
    let best = ms[0];
    let zw = 0;
    let selfNamed = false;
    for (const m of ms) {
      const w = mentionZoneWeight(m);
      if (w > zw) {
        zw = w;
        best = m;
      }
      if (m.selfNamed && (m.zone === 'head' || m.zone === 'tail')) selfNamed = true;
    }
    const base = zw + 0.3 * Math.min(3, ms.length - 1) + (selfNamed ? 0.5 : 0);
    const generic = best.entries.length > GENERIC_ENTRIES && !best.chained && best.zone !== 'org' && best.zone !== 'title';
    const items = new Map<Unit, number>();
    for (const e of best.entries) {
      let w = base * kindFactor(e);
      if (best.weak) w *= 0.8;
      if (generic) w *= 0.3;
      if (w > (items.get(e.unit) ?? 0)) items.set(e.unit, w);
    }
    out.push({
      type: 'name',
      label: best.printed,
      zone: best.zone,
      count: ms.length,
      items,
      entries: best.entries,
      chained: ms.some((m) => m.chained),
      selfNamed: ms.some((m) => m.selfNamed),
    });
  }
  return out;
}

/**
 * Support of one piece of evidence for unit u: full for a mention of u or an ancestor; half for a
 * mention of a descendant ('all'), or only of a descendant named in a chain ('chained': 常州市钟楼区
 * 南大街街道 speaks about 钟楼区; a list of bodies does not), or none ('none').
 */
type Descendants = 'all' | 'chained' | 'none';
function support(ev: Evidence, u: Unit, descendants: Descendants | boolean): number {
  let s = 0;
  for (let x: Unit | null = u; x; x = x.parent) {
    const w = ev.items.get(x);
    if (w !== undefined && w > s) s = w;
  }
  const mode = descendants === true ? 'all' : descendants === false ? 'none' : descendants;
  if (mode !== 'none' && ev.type === 'name' && s === 0 && (mode === 'all' || ev.chained)) {
    for (const [v, w] of ev.items) {
      if (v !== u && isAncestorOrSelf(u, v) && w * DESCENDANT_FACTOR > s) s = w * DESCENDANT_FACTOR;
    }
  }
  return s;
}

function score(evs: Evidence[], u: Unit, descendants: Descendants | boolean = true): number {
  let s = 0;
  for (const e of evs) s += support(e, u, descendants);
  return s;
}

function lca(units: Unit[]): Unit | null {
  if (!units.length) return null;
  const chain: Unit[] = [];
  for (let x: Unit | null = units[0]; x; x = x.parent) chain.push(x);
  for (const a of chain) if (units.every((u) => isAncestorOrSelf(a, u))) return a;
  return null;
}

/**
 * The organization's own place: the last place it names, going down the hierarchy. A place
 * shallower than one named before it belongs to a name, not to the hierarchy (南雄市东莞大岭山
 * 产业转移工业园 is in 南雄, not 东莞; 文登区人民政府办公室（威海市…）).
 */
function lastPlace(ms: Mention[], skipped?: Set<string>): Mention | null {
  let found: Mention | null = null;
  let depthSoFar = -1;
  for (const m of ms) {
    if (m.stationed) continue;
    // a bare county stem (太湖 in 太湖流域管理局) does not make a place; province/city stems do (南宁经济技术开发区)
    const entries = m.entries.filter((e) => e.kind !== 'stem' || e.unit.level !== 'county');
    if (!entries.length) continue;
    const depth = Math.max(...entries.map((e) => LEVEL_DEPTH[e.unit.level]));
    if (depth < depthSoFar) {
      skipped?.add(m.printed);
      continue;
    }
    depthSoFar = depth;
    found = entries.length === m.entries.length ? m : { ...m, entries };
  }
  return found;
}

function zoneLabel(z: Zone): string {
  return z === 'org' ? 'organization names' : z === 'title' ? 'title names' : z === 'tail' ? 'signature names' : 'text mentions';
}

function describeEvidence(ev: Evidence, chosen: Unit): string {
  // the unit of this evidence that lies on the chosen chain (or below it)
  let target: Unit | null = null;
  for (let x: Unit | null = chosen; x && !target; x = x.parent) if (ev.items.has(x)) target = x;
  if (!target) for (const v of ev.items.keys()) if (isAncestorOrSelf(chosen, v)) target = v;
  const name = target?.name ?? '?';
  switch (ev.type) {
    case 'name': {
      const e = ev.entries.find((x) => x.unit === target);
      const times = ev.count > 1 ? ` (${ev.count}×)` : '';
      if (e?.kind === 'former' && times) return `former name ${ev.label} → ${name}${times}`;
      if (e?.kind === 'former') return `former name ${ev.label} → ${name}`;
      return `${zoneLabel(ev.zone)} ${ev.label}${ev.label === name ? '' : ` → ${name}`}${times}`;
    }
    case 'phone':
      return `area code ${ev.label} → ${name}`;
    case 'postcode':
      return `postcode ${ev.label} → ${name}`;
    case 'domain':
      return `domain ${ev.label} → ${name}`;
    case 'docno':
      return `document number ${ev.label} → ${name}`;
  }
}

function fill(u: Unit | null): Omit<ResolvedRegion, 'confidence' | 'evidence' | 'orgPlaceLevel' | 'formerName'> {
  const r = { province: null, city: null, county: null, township: null, regionCode: null } as {
    province: string | null;
    city: string | null;
    county: string | null;
    township: string | null;
    regionCode: string | null;
  };
  if (!u) return r;
  r.regionCode = u.code;
  for (let x: Unit | null = u; x; x = x.parent) r[x.level] = x.name;
  return r;
}

/**
 * Names in traditional script (mirror sites) are read in simplified script, as the parser reads the
 * text. The parts are judged together: an organization or a title alone is too short to tell.
 */
function toSimplifiedIfTraditional(parts: string[]): string[] {
  if (!looksTraditional(parts.join('\n'))) return parts;
  return parts.map((p) => (p ? toSimplified(p) : p));
}

/** PDF text breaks names across lines and spaces letters out (淮安市洪\n泽区, 淮 安 市): rejoin Han runs. */
const BROKEN_HAN_RE = /([\u3400-\u9fff])(?:[ \t\u3000\r]*\n[ \t\u3000\r]*|[ \t\u3000]+)(?=[\u3400-\u9fff])/g;
function joinBrokenLines(s: string): string {
  return s ? s.replace(BROKEN_HAN_RE, '$1') : s;
}

/** The input as scanned: the parts in simplified script, the mentions found in each, and all evidence. */
interface Reading {
  org: string;
  title: string;
  head: string;
  orgMs: Mention[];
  titleMs: Mention[];
  /** Organization, title, then body mentions. */
  mentions: Mention[];
  nameEvs: NameEvidence[];
  clues: Clue[];
  /** nameEvs then clues. */
  evs: Evidence[];
}

/** A unit chosen (or none), before the evidence is written out and the clues adjust the confidence. */
interface Choice {
  chosen: Unit | null;
  confidence: number;
  orgPlaceLevel: DivisionLevel | null;
  notes: string[];
}

interface Scored {
  u: Unit;
  s: number;
}

export function resolveRegionImpl(input: RegionInput): ResolvedRegion {
  const r = readInput(input);

  // the target: the organization's own place, else the title's
  const offChain = new Set<string>(); // places named inside a name (南雄市东莞大岭山…: 东莞)
  const orgTarget = lastPlace(r.orgMs, offChain);
  if (!orgTarget && r.org && CENTRAL_RE.test(r.org)) {
    return { ...EMPTY, confidence: 0.8, evidence: [`organization ${r.org} is a central body: no region`] };
  }
  const target = orgTarget ?? lastPlace(r.titleMs, offChain);
  if (!target && !r.org && titleNamesCentralBody(r.title)) {
    return { ...EMPTY, confidence: 0.6, evidence: ['title names a central body: no region'] };
  }

  const choice = target ? chooseAmongNamesakes(r, target, orgTarget ? 'org' : 'title', offChain) : chooseFromBody(r);
  const { orgPlaceLevel: placeLevel, notes } = choice;
  let { chosen } = choice;
  let orgPlaceLevel = placeLevel;
  const institution = chosen ? namedInstitution(chosen, r.org) : null;
  if (institution) {
    notes.push(`organization names ${institution.name} under ${chosen!.name}`);
    chosen = institution;
    orgPlaceLevel = 'township';
  }
  const abbreviated = chosen && !target ? abbreviatedTownship(r, chosen) : null;
  if (abbreviated) {
    notes.push(`the text speaks as a town and prints ${abbreviated.printed} for ${abbreviated.unit.name}`);
    chosen = abbreviated.unit;
    orgPlaceLevel = 'township';
  }
  if (!chosen && /^自治区/.test(r.org || r.title.replace(/^\s*(?:19|20)\d{2}\s*年度?/, ''))) {
    chosen = autonomousRegionFromUrl(input.url);
    if (chosen) notes.push(`the organization says 自治区 and the web address names ${chosen.name}`);
  }
  if (!chosen) {
    return { ...EMPTY, orgPlaceLevel, confidence: Math.round(choice.confidence * 100) / 100, evidence: notes.length ? notes : ['no division named'] };
  }
  return {
    ...fill(chosen),
    orgPlaceLevel,
    formerName: formerNameFor(chosen, r.mentions),
    confidence: Math.max(0, Math.round(withClues(choice.confidence, r.clues, chosen) * 100) / 100),
    evidence: explain(r.evs, chosen).concat(notes),
  };
}

function readInput(input: RegionInput): Reading {
  const text = input.text ?? '';
  const head = text.slice(0, HEAD_CHARS);
  const tail = text.length > HEAD_CHARS ? text.slice(Math.max(HEAD_CHARS, text.length - TAIL_CHARS)) : '';
  const parts = toSimplifiedIfTraditional([(input.organization ?? '').trim(), (input.title ?? '').trim(), head, tail]).map(joinBrokenLines);
  const [org, title, simplifiedHead, simplifiedTail] = parts as [string, string, string, string];
  getIndex();

  const orgMs = org ? scanText(org, 'org') : [];
  const titleMs = title ? scanText(title, 'title') : [];
  const bodyMs = [...scanText(simplifiedHead, 'head'), ...(simplifiedTail ? scanText(simplifiedTail, 'tail') : [])];
  const mentions = [...orgMs, ...titleMs, ...bodyMs];
  const nameEvs = buildNameEvidence(mentions);
  const clues = findClues(text, input.url);
  return { org, title, head: simplifiedHead, orgMs, titleMs, mentions, nameEvs, clues, evs: [...nameEvs, ...clues] };
}

/** The title without its year and the words of the report's name: what remains names the body. */
function titleNamesCentralBody(title: string): boolean {
  const titleBody = title
    .replace(/^\s*\d{4}\s*年度?/, '')
    .replace(/\s*\d{4}\s*年.*$/, '')
    .replace(/(?:关于)?(?:政府)?信息公开.*$/, '');
  return Boolean(titleBody) && CENTRAL_RE.test(titleBody);
}

/**
 * The organization (or title) names a place: every unit of that name is a candidate; the other
 * evidence picks one, or their common part when several fit equally.
 */
function chooseAmongNamesakes(r: Reading, target: Mention, mode: 'org' | 'title', offChain: Set<string>): Choice {
  const cands = [...new Set(target.entries.map((e) => e.unit))];
  const scored = cands.map((u) => ({ u, s: score(r.evs, u) })).sort((a, b) => b.s - a.s);
  const best = scored[0];
  const tied = scored.filter((x) => x.s >= best.s - TIE);
  const notes: string[] = [];
  let chosen: Unit | null;
  let confidence: number;
  const fallback = shallowerFallback(r, target, best, tied, offChain);
  if (fallback) {
    chosen = fallback;
    confidence = 0.55;
    notes.push(`no ${target.printed} under ${fallback.name} in the division list: kept ${fallback.name}`);
  } else if (tied.length === 1) {
    chosen = best.u;
    if (cands.length === 1) confidence = 0.9;
    else {
      const margin = best.s - (scored[1]?.s ?? 0);
      confidence = 0.5 + 0.42 * (1 - Math.exp(-margin / 1.5));
      notes.push(`${cands.length} divisions named ${target.printed}: chose by the other clues`);
    }
  } else {
    chosen = lca(tied.map((x) => x.u));
    confidence = chosen ? 0.35 : 0.1;
    notes.push(`${tied.length} divisions named ${target.printed} fit equally: kept their common part`);
  }
  if (target.entries.every((e) => e.kind === 'stem')) confidence *= 0.85;
  confidence *= mode === 'org' ? 1 : 0.9;
  return { chosen, confidence, orgPlaceLevel: best.u.level, notes };
}

/**
 * The named unit may be missing from today's list (renamed, merged) while the text is clear
 * about where the body is (泰州市高港区…沿江街道办事处; 城关镇 with 永登县 all over the text
 * but no 城关镇 under it). Compare, without the target's own mention, the best candidate with
 * the best shallower unit the text names; return that unit when it clearly wins.
 */
function shallowerFallback(r: Reading, target: Mention, best: Scored, tied: Scored[], offChain: Set<string>): Unit | null {
  const targetEvs = new Set(r.nameEvs.filter((ev) => ev.entries === target.entries || (ev.label === target.printed && ev.zone === target.zone)));
  const evsEx = r.evs.filter((ev) => !targetEvs.has(ev as NameEvidence));
  const bestEx = Math.max(...tied.map((x) => score(evsEx, x.u)));
  const depth = LEVEL_DEPTH[best.u.level];
  const printedParents = printedParentsOf(target, r.mentions);
  let fallback: { u: Unit; s: number; min: number } | null = null;
  for (const ev of r.evs) {
    if (targetEvs.has(ev as NameEvidence) || ev.items.size > GENERIC_ENTRIES) continue;
    if (ev.type === 'name' && offChain.has(ev.label)) continue;
    for (const u of ev.items.keys()) {
      if (LEVEL_DEPTH[u.level] >= depth || tied.some((x) => isAncestorOrSelf(u, x.u))) continue;
      const s = score(evsEx, u);
      const min = printedParents.has(u) ? FALLBACK_MIN_PRINTED : FALLBACK_MIN;
      if (!fallback || s - min > fallback.s - fallback.min) fallback = { u, s, min };
    }
  }
  return fallback && fallback.s >= fallback.min && fallback.s > bestEx + FALLBACK_MARGIN ? fallback.u : null;
}

/**
 * Places printed right before the target's name but without it under them in the list (文登区城关镇):
 * such a place needs less evidence, the text itself says the body is there.
 */
function printedParentsOf(target: Mention, mentions: Mention[]): Set<Unit> {
  const parents = new Set<Unit>();
  for (const m of mentions) {
    if (m.printed === target.printed && m.unmatchedParent) for (const e of m.unmatchedParent.entries) parents.add(e.unit);
  }
  return parents;
}

/** No place in the organization or title: candidates from the body, kept only as deep as the evidence goes. */
function chooseFromBody(r: Reading): Choice {
  const { lifted, specific } = liftWhileThin(r.evs, bodyCandidates(r));
  const scored = [...lifted].map((u) => ({ u, s: score(r.evs, u) })).sort((a, b) => b.s - a.s || a.u.code.length - b.u.code.length);
  const none: Choice = { chosen: null, confidence: 0, orgPlaceLevel: null, notes: [] };
  if (!(scored.length && scored[0].s > 0)) return none;
  const best = scored[0];
  // candidates that are not on best's own chain and score about as well
  const rivals = scored.filter((x) => x.s >= best.s - TIE && !isAncestorOrSelf(x.u, best.u) && !isAncestorOrSelf(best.u, x.u));
  if (rivals.length) {
    const chosen = lca([best.u, ...rivals.map((x) => x.u)]);
    return { ...none, chosen, confidence: chosen ? 0.25 : 0, notes: ['the text points to several places: kept their common part'] };
  }
  const sp = specific.get(best.u) ?? best.s;
  const county = selfNamedCounty(r, best.u);
  if (county)
    return { ...none, chosen: county, confidence: 0.6, notes: [`the text speaks as a county (我县/我区) and names ${county.name} under ${best.u.name}`] };
  return { ...none, chosen: best.u, confidence: 0.3 + 0.45 * (1 - Math.exp(-sp / 2.5)) };
}

const COUNTY_SELF_RE = /[我本](?:县|区|旗)(?![域级委长直内])/;

/**
 * A text that speaks as a county (我区, 本县) and names one county under the place chosen, in a
 * chain (三亚市海棠区): that county is the body's place, not the prefecture around it.
 */
function selfNamedCounty(r: Reading, u: Unit): Unit | null {
  if ((u.level !== 'city' && u.level !== 'province') || !COUNTY_SELF_RE.test(r.head)) return null;
  let found: Unit | null = null;
  for (const ev of r.nameEvs) {
    if (!ev.chained) continue;
    for (const v of ev.items.keys()) {
      if (v.level !== 'county' || v.parent !== u) continue;
      if (found && found !== v) return null;
      found = v;
    }
  }
  return found;
}

const AUTONOMOUS_REGIONS: Record<string, string> = {
  nmg: '15',
  neimenggu: '15',
  gx: '45',
  guangxi: '45',
  xz: '54',
  xizang: '54',
  nx: '64',
  ningxia: '64',
  xj: '65',
  xinjiang: '65',
};

/**
 * A body that names itself only 自治区… (自治区民委, on a mirror site) is one of the five autonomous
 * regions: a word of its web address that is, or starts with, one of their short names (xjmzw)
 * tells which, when only one does.
 */
function autonomousRegionFromUrl(url: string | null | undefined): Unit | null {
  if (!url) return null;
  const found = new Set<string>();
  for (const token of url.toLowerCase().split(/[^a-z]+/)) {
    if (/^(?:xz(?:bm|jd|zf|xxgk|f|sp|cf|qlqd)|gx(?:bm|jd))/.test(token)) continue; // 乡镇, 行政…: path words, not places
    for (const [key, code] of Object.entries(AUTONOMOUS_REGIONS)) {
      if (token === key || (token.startsWith(key) && token.length >= key.length + 2)) found.add(code);
    }
  }
  return found.size === 1 ? (getIndex().byCode.get([...found][0]) ?? null) : null;
}

const PRINTED_TOWN_RE = /([\u4e00-\u9fa5]{2,4})(街道|镇|乡)/g;

/**
 * A town that calls itself by a short form of its listed name (崇外街道 for 崇文门外街道, the first
 * characters of its words), in a text that speaks as a town (我街道, 本镇): under the county chosen,
 * the one town of that suffix whose name starts with the short form's first character and holds
 * the others in order.
 */
function abbreviatedTownship(r: Reading, chosen: Unit): { unit: Unit; printed: string } | null {
  if (chosen.level !== 'county' || !SELF_REFERENCE_RE.test(r.head)) return null;
  const towns = childrenMap().get(chosen.code) ?? [];
  const found = new Map<Unit, string>();
  PRINTED_TOWN_RE.lastIndex = 0;
  for (let m = PRINTED_TOWN_RE.exec(r.head); m !== null; m = PRINTED_TOWN_RE.exec(r.head)) {
    for (let k = 0; k + 2 <= m[1].length; k++) {
      const short = m[1].slice(k);
      if (towns.some((t) => t.name === short + m![2])) continue; // a listed name: the scan has read it
      for (const t of towns) {
        if (!t.name.endsWith(m[2]) || t.name.length <= short.length + m[2].length || t.name[0] !== short[0]) continue;
        if (isSubsequence(short, t.name.slice(0, -m[2].length))) found.set(t, short + m[2]);
      }
    }
  }
  if (found.size !== 1) return null;
  const [[unit, printed]] = [...found];
  return { unit, printed };
}

function isSubsequence(short: string, name: string): boolean {
  let j = 0;
  for (const c of name) if (c === short[j]) j++;
  return j === short.length;
}

/**
 * A township-level unit that is no town (熊口管理区, a 农场, an 开发区) is not read as a place in
 * running text; named by the organization under the place chosen, it is the body's place.
 */
function namedInstitution(chosen: Unit, org: string): Unit | null {
  if (!org || (chosen.level !== 'county' && chosen.level !== 'city')) return null;
  for (const c of childrenMap().get(chosen.code) ?? []) {
    if (c.level !== 'township' || c.name.length < 4 || /(?:镇|乡|街道|苏木)$/.test(c.name)) continue;
    // (a zone listed as a county with itself as its one township-level unit names no other place)
    if (org.includes(c.name) && !c.name.includes(chosen.name) && !chosen.name.includes(c.name)) return c;
  }
  return null;
}

function bodyCandidates(r: Reading): Set<Unit> {
  const selfRef = SELF_REFERENCE_RE.test(r.head);
  const cands = new Set<Unit>();
  for (const ev of r.nameEvs) {
    if (ev.entries.length > GENERIC_ENTRIES) continue;
    for (const e of ev.entries) {
      if (e.kind === 'stem' && e.unit.level === 'county' && ev.count < 2) continue;
      // a township only for a text that speaks as one (我镇, 本街道) and names it as a body or
      // in a chain; otherwise the township stands for its county
      if (e.unit.level === 'township' && !(selfRef && (ev.selfNamed || ev.chained))) {
        if (e.unit.parent && ev.entries.length === 1) cands.add(e.unit.parent);
        continue;
      }
      cands.add(e.unit);
    }
  }
  for (const c of r.clues) if (c.items.size <= 3) for (const u of c.items.keys()) cands.add(u);
  return cands;
}

/**
 * Each candidate goes up while the evidence specific to it is thin and the parent has evidence of
 * its own (a provincial report that mentions one city); a unit known only by itself stays.
 * Returns the units reached and the evidence specific to each.
 */
function liftWhileThin(evs: Evidence[], cands: Set<Unit>): { lifted: Set<Unit>; specific: Map<Unit, number> } {
  const lifted = new Set<Unit>();
  const specific = new Map<Unit, number>();
  for (let u of cands) {
    while (u.parent) {
      const parentOwn = score(evs, u.parent, false);
      const extra = score(evs, u, 'chained') - parentOwn;
      if (extra >= BODY_MIN_SPECIFIC || parentOwn === 0) {
        specific.set(u, extra);
        break;
      }
      u = u.parent;
    }
    if (!u.parent) specific.set(u, score(evs, u, false));
    lifted.add(u);
  }
  return { lifted, specific };
}

/** The evidence that supports the chosen chain, strongest first, at most six. */
function explain(evs: Evidence[], chosen: Unit): string[] {
  const lines = evs
    .map((ev) => ({ ev, s: support(ev, chosen, true) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s)
    .map((x) => describeEvidence(x.ev, chosen));
  return [...new Set(lines)].slice(0, 6);
}

/** Consistent external clues raise the confidence a little; contradicting ones lower it. */
function withClues(confidence: number, clues: Clue[], chosen: Unit): number {
  const clueSupport = clues.reduce((acc, c) => acc + (support(c, chosen, false) > 0 ? 1 : 0), 0);
  const clueConflict = clues.filter((c) => c.type !== 'domain' && support(c, chosen, false) === 0).length;
  return Math.min(0.99, confidence + 0.03 * Math.min(3, clueSupport) - 0.05 * Math.min(3, clueConflict));
}

/** The printed former name of the deepest unit on the chosen chain, if the report uses one. */
function formerNameFor(chosen: Unit, ms: Mention[]): string | null {
  for (let x: Unit | null = chosen; x; x = x.parent) {
    let former: Mention | null = null;
    let current = false;
    for (const m of ms) {
      const e = m.entries.find((en) => en.unit === x);
      if (!e) continue;
      if (e.kind === 'former') {
        if (!former || rankZone(m.zone) < rankZone(former.zone)) former = m;
      } else if (m.zone === 'org' || m.zone === 'title' || e.kind === 'full') current = true;
    }
    if (former && (!current || former.zone === 'org' || former.zone === 'title')) return former.printed;
  }
  return null;
}

function rankZone(z: Zone): number {
  return z === 'org' ? 0 : z === 'title' ? 1 : z === 'head' ? 2 : 3;
}

/**
 * The division names printed right before the end of `s`, as one chain ("请与邹城市" → "邹城市",
 * "一、总体情况北京市西城区" → "北京市西城区"), or null: what a body's name may be completed with.
 */
export function placeChainEnding(s: string): string | null {
  const ms = scanText(toSimplifiedIfTraditional([s])[0], 'org');
  let k = ms.length - 1;
  if (k < 0 || ms[k].end !== s.length) return null;
  while (k > 0 && ms[k - 1].end === ms[k].start) k--;
  return s.slice(ms[k].start);
}

/**
 * The division names printed at the start of `s`, as one chain ("重庆市渝中区市场监督管理局" → "重庆市渝中区"),
 * or null; with `aboveTownships`, only the province, prefecture and county names ("西秀区黄腊乡人民政府" → "西秀区").
 */
export function placeChainStarting(s: string, aboveTownships = false): string | null {
  const ms = scanText(toSimplifiedIfTraditional([s])[0], 'org');
  const usable = (m: Mention) => !aboveTownships || m.entries.some((e) => e.unit.level !== 'township');
  if (!ms.length || ms[0].start !== 0 || !usable(ms[0])) return null;
  let k = 0;
  while (k + 1 < ms.length && ms[k + 1].start === ms[k].end && usable(ms[k + 1])) k++;
  return s.slice(0, ms[k].end);
}
