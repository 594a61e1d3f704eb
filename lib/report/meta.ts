import { squash } from './text';

/** Words that end the name of a reporting body. */
const BODY_SUFFIX =
  /(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|政府|街道办事处|办事处|管理委员会|管委会|委员会|总局|局|厅|办公室|办|中心|总署|署|部|院|所|站|队|委|苏木|镇|乡|街道|(?:自治)?[州旗县]|[市区])$/;
const BODY_SUFFIX_STRICT =
  /(?:人民政府办公室|人民政府办公厅|人民政府|街道办事处|办事处|管理委员会|管委会|委员会|总局|局|厅|办公室|中心|总署|署|部|院|所|站|队|苏木|政府)$/;

const REPORT_WORDS = /(?:政府信息公开|政务公开|信息公开).{0,12}(?:年度报告|工作报告|年报|情况的?报告)/;

/**
 * Web pages print breadcrumbs, the title and metadata on one line ("首页 > 政务公开 > 年报  2019年…报告
 * 日期:…"): keep the space-separated chunk that reads like a report title.
 */
function titleChunk(line: string): string {
  if (!/[>›»]|\s{2,}|日期[:：]|来源[:：]|发布时间[:：]/.test(line)) return line;
  const tail = line.split(/[>›»]/).pop() ?? line;
  const chunk = tail.split(/\s+/).find((c) => REPORT_WORDS.test(c));
  return chunk ?? line;
}

/** Breadcrumbs and metadata labels that web pages put before the title ("首页>…>", "标题:"). */
function stripPageFurniture(line: string): string {
  let s = line;
  if (/^(?:索引号|发布机构|文号|所属主题|发布日期|成文日期|效力属性|主题分类|发文机关|来源|信息来源)/.test(s)) return '';
  if (/[>›»]/.test(s)) s = s.split(/[>›»]/).pop() ?? '';
  if (/^首页|(?:\/[^/]+){2,}/.test(s)) s = s.split('/').pop() ?? '';
  if (/^正文$/.test(s)) return '';
  s = s.replace(/^(?:文号|所属主题|发布时间|发布日期)[:：][^:：]*?(?=[\u4e00-\u9fa5]{2,}(?:政府|年))/, '');
  s = s.replace(/^(?:当前位置|您的位置|您当前的位置|位置)[:：]?/, '');
  s = s.replace(/^(?:标题|题目|名称|文章标题|信息名称)\s*[:：|]\s*\|?/, '');
  return s.replace(/^\|+|\|+$/g, '');
}

export interface TitleInfo {
  title: string | null;
  /** The place/body printed before the year in the title. */
  titleBody: string | null;
  titleYear: number | null;
  titleLine: number | null;
}

export function findTitle(lines: string[]): TitleInfo {
  const limit = Math.min(lines.length, 25);
  for (let i = 0; i < limit; i++) {
    let s = stripPageFurniture(squash(titleChunk(lines[i]))).replace(/\.(?:docx?|pdf|html?)$/i, '');
    if (!s || s.length > 80) continue;
    // A title broken over two lines: "2024 年上海市科委政府信息公开工作" + "年度报告".
    const next = squash(lines[i + 1] ?? '');
    if (!REPORT_WORDS.test(s) && /(?:政府信息公开|政务公开|信息公开)(?:工作)?$/.test(s) && /^(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/.test(next)) {
      s += next;
    }
    if (!REPORT_WORDS.test(s) || /[。；]|印发|格式|通知|[《》].+[《》]/.test(s) || /^(?:根据|按照|依据|现将|现公布|本报告|[^《]*》)/.test(s)) continue;
    s = s.replace(/^[《“"]|[》”"]$/g, '').replace(/[（(]全文[）)]$/, '');
    let body: string | null = null;
    let year: number | null = null;
    const m = s.match(/^(.*?)((?:19|20)\d{2})\s*年?度?(.*)$/);
    if (m) {
      year = Number(m[2]);
      body = m[1] || m[3].replace(/(?:政府信息公开|政务公开|信息公开).*$/, '') || null;
    } else {
      body = s.replace(/(?:关于)?(?:政府信息公开|政务公开|信息公开).*$/, '') || null;
    }
    if (body) body = body.replace(/^关于/, '').replace(/(?:办公室|办公厅)?关于$/, (x) => x.replace(/关于$/, ''));
    let title = s;
    // The body's name on the line above the title ("威海市文登区张家产镇人民政府" / "2022年…报告").
    let p = i - 1;
    while (p >= 0 && !squash(lines[p])) p--;
    const prev = p >= 0 ? squash(lines[p]) : '';
    if (!body && prev && prev.length <= 30 && BODY_SUFFIX_STRICT.test(prev) && !/[，。：]/.test(prev)) {
      body = prev;
      title = prev + s;
    }
    return { title, titleBody: body ? body.trim() : null, titleYear: year, titleLine: i };
  }
  return { title: null, titleBody: null, titleYear: null, titleLine: null };
}

export interface OrganizationCandidates {
  /** Names the report gives as its own: the signature, "现公布《X2022年…报告》". */
  strong: string[];
  /** Names of the office that compiled it or takes questions ("请与X联系"): a fallback only. */
  weak: string[];
}

/** Candidate names of the reporting body found in the prose. */
export function organizationCandidates(text: string, lines: string[]): OrganizationCandidates {
  const strong: string[] = [];
  const weak: string[] = [];
  const head = text.slice(0, 2500);
  const strongPatterns = [
    /现(?:予以)?(?:公布|发布|向社会公开|向社会公布)《?([^《》，。、\s]{2,40}?)\s*(?:19|20)\d{2}\s*年/g,
    /《([^《》，。\s]{2,40}?)\s*(?:19|20)\d{2}\s*年度?政府信息公开工作年度报告》/g,
    /现将([^《》，。、\s]{2,40}?)\s*(?:19|20)\d{2}\s*年度?(?:政府信息公开|政务公开)/g,
    /(?:19|20)\d{2}\s*年(?:度)?[，,]\s*([^，。、\s]{3,30}?(?:人民政府办公室|人民政府|办事处|委员会|局))(?:坚持|深入|认真|严格|以|在|按照|紧紧|全面)/g,
    // The overview's first sentence names its subject: "北京市西城区政务服务管理局以习近平…".
    /(?:^|\n)\s*([\u4e00-\u9fa5][^，,。、\s《\d]{3,29}?(?:人民政府办公室|人民政府|办事处|委员会|局|厅))(?:以|坚持|深入|认真|严格|在|按照|全面|紧紧|高度重视|积极|始终|切实|围绕)/g,
  ];
  const weakPatterns = [
    /请与([^，。、（(\s]{2,40}?)(?:联系|政务公开办|政府信息公开办)/g,
    /本(?:年度)?报告由([^，。、\s]{2,40}?)(?:根据|依据|按照|编制|编写)/g,
    /由([^，。、\s（(]{2,40}?)(?:[（(][^）)]{0,20}[）)])?(?:编制|编写|负责编制)/g,
    /(?:来源|发布机构|信息来源)\s*[:：|]\s*\|?\s*([^\s|，。:：]{4,30})/g,
  ];
  for (const p of strongPatterns) for (const m of head.matchAll(p)) push(strong, cleanBodyName(m[1]));
  for (const p of weakPatterns) for (const m of head.matchAll(p)) push(weak, withoutOffice(cleanBodyName(m[1])));
  // "大营镇党政办公室编制了《…报告》": found by its fixed words first, then read backwards.
  const compiled = head.indexOf('编制了《');
  if (compiled > 0)
    push(
      weak,
      withoutOffice(
        cleanBodyName(
          head
            .slice(Math.max(0, compiled - 30), compiled)
            .split(/[，。、\s（(《》)）]/)
            .pop(),
        ),
      ),
    );
  // The signature: a short body line just before the closing date.
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 200); i--) {
    const s = squash(lines[i]);
    if (!s || !isDateLine(s)) continue;
    let j = i - 1;
    while (j >= 0 && !squash(lines[j])) j--;
    const name = cleanBodyName(lines[j]);
    if (name && BODY_SUFFIX.test(name) && name.length <= 40 && !/[，。：；]/.test(name)) push(strong, name);
    break;
  }
  return { strong, weak };
}

/**
 * The office that compiles a report or takes questions ("伽师县人民政府办公室", "大营镇党政办公室")
 * speaks for its body: drop the office to name the body.
 */
function withoutOffice(name: string | null): string | null {
  if (!name) return null;
  const m = name.match(/^(.+?)(?:综合办公室|党政办公室|党政综合办公室|党政办|政务公开办公室|指挥中心办公室|办公室|信息中心|综合办)$/);
  if (m && m[1].length >= 3 && (BODY_SUFFIX.test(m[1]) || /[省市县区旗州盟镇乡]$/.test(m[1]))) return m[1];
  return name;
}

function push(list: string[], name: string | null) {
  if (name && !list.includes(name)) list.push(name);
}

function cleanBodyName(raw: string | undefined): string | null {
  if (!raw) return null;
  const s = squash(raw)
    .replace(/^[“"《]|[”"》]$/g, '')
    .replace(/^(?:关于|由|本|我)/, '');
  if (s.length < 2 || s.length > 40) return null;
  if (/政府信息公开|年度报告|条例|以下简称|报告|以来|[由年,，]/.test(s)) return null;
  if (/^(?:人民政府|政府|政府办公室|办公室|本机关|本单位|本部门)$/.test(s)) return null;
  return s;
}

const PLACE_CHAIN = /^(?:[\u4e00-\u9fa5]{2,9}?(?:省|自治区|市|地区|自治州|盟|县|自治县|区|旗|自治旗))+$/;
/** Characters after which a place name can start ("本报告由淮安市…", "2012年威海市…"). */
const CHAIN_BOUNDARY = /[^\u4e00-\u9fa5]|[由与在对年于是的及和为向据按照]/;

/** The longest chain of place names that ends `before` and starts at a word boundary. */
function placeChainBefore(before: string): string | null {
  for (let start = 0; start < before.length - 1; start++) {
    if (start === 0 || !CHAIN_BOUNDARY.test(before[start - 1])) continue;
    const rest = before.slice(start);
    if (PLACE_CHAIN.test(rest) && !/[报告本由年度的我其该各全]|政府|工作|信息|公开/.test(rest)) return rest;
  }
  return null;
}

/**
 * The most complete name of the reporting body. The title's own name wins over the office that
 * compiled the report; a fuller form of the same name printed elsewhere completes it
 * ("洪泽区人民政府" → "淮安市洪泽区人民政府" when the text prints that).
 */
export function chooseOrganization(titleBody: string | null, candidates: OrganizationCandidates, text = ''): string | null {
  let best: string | null = titleBody && BODY_SUFFIX_STRICT.test(titleBody) ? titleBody : null;
  if (best) {
    for (const c of candidates.strong) if (c.length > best.length && c.endsWith(best)) best = c;
  } else {
    const place = titleBody;
    const pool = [...candidates.strong, ...candidates.weak];
    // A fuller name of the same place's body ("天津经济技术开发区" → "…管理委员会"), not one of its offices.
    const fuller = place
      ? pool.find(
          (c) => c.startsWith(place) && BODY_SUFFIX_STRICT.test(c) && c.length - place.length <= 6 && !/办公室|办公厅|中心|信息/.test(c.slice(place.length)),
        )
      : undefined;
    best = fuller ?? place ?? candidates.strong[0] ?? candidates.weak[0] ?? null;
  }
  if (!best) return null;
  return withBodyType(completeWithPlace(withBodyType(best), text));
}

/**
 * A title that names only a place ("上海市2019年政府信息公开工作年度报告") is the report of that
 * place's government: name it as such.
 */
function withBodyType(name: string): string {
  if (/街道$/.test(name)) return `${name}办事处`;
  if (/[省市县区旗州盟镇乡]政府$/.test(name)) return name.replace(/政府$/, '人民政府');
  if (
    /(?:省|自治区|市|县|自治县|区|旗|自治旗|自治州|州|盟|镇|乡)$/.test(name) &&
    !/(?:新区|开发区|园区|示范区|高新区|景区|社区|片区|功能区|工业区)$/.test(name)
  )
    return `${name}人民政府`;
  return name;
}

function completeWithPlace(name: string, text: string): string {
  if (!text || name.length < 2) return name;
  let best = name;
  let from = 0;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at < 0) break;
    from = at + 1;
    const before = ` ${text.slice(Math.max(0, at - 16), at).replace(/\s/g, '')}`;
    const chain = placeChainBefore(before);
    if (chain && !name.startsWith(chain) && chain.length + name.length > best.length && !/^(?:我|本|各|全|和|及|与|在|由|对)/.test(chain)) {
      best = chain + name;
    }
  }
  return best;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, O: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseDateNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 4) return Number([...s].map((c) => CN_DIGIT[c] ?? 'x').join('')) || null;
  if (s === '十') return 10;
  if (s.startsWith('二十') || s.startsWith('三十') || s.startsWith('十')) {
    const tens = s.startsWith('十') ? 1 : CN_DIGIT[s[0]];
    const unit = s.endsWith('十') ? 0 : CN_DIGIT[s[s.length - 1]];
    return tens * 10 + unit;
  }
  return s.length === 1 ? (CN_DIGIT[s] ?? null) : null;
}

const DATE_RE = /^((?:19|20)\d{2}|[〇零○O一二三四五六七八九]{4})年([01]?\d|[一二三四五六七八九十]{1,2})月([0-3]?\d|[一二三四五六七八九十]{1,3})日$/;
const ISO_DATE_RE = /^((?:19|20)\d{2})[-./]([01]?\d)[-./]([0-3]?\d)$/;

function isDateLine(squashed: string): boolean {
  return DATE_RE.test(squashed) || ISO_DATE_RE.test(squashed);
}

function parseDateLine(squashed: string): string | null {
  const m = squashed.match(DATE_RE) ?? squashed.match(ISO_DATE_RE);
  if (!m) return null;
  const y = chineseDateNumber(m[1]);
  const mo = chineseDateNumber(m[2]);
  const d = chineseDateNumber(m[3]);
  if (!y || !mo || !d || mo > 12 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date at the end of the report (落款), if the end is there. */
export function findPublishedAt(lines: string[], year: number | null): string | null {
  // The 落款 date stands alone on a line near the end; converters sometimes append chart residue
  // after it, so look further back than the last few lines.
  for (let i = lines.length - 1; i >= 0; i--) {
    const s = squash(lines[i]).replace(/^[（(]|[）)]$/g, '');
    if (!s || s.length > 14) continue;
    const date = parseDateLine(s);
    if (date) {
      const y = Number(date.slice(0, 4));
      if (year === null || (y >= year && y <= year + 2)) return date;
    }
  }
  return null;
}

/** The year the statistics cover. */
export function findYear(text: string, titleYear: number | null): number | null {
  if (titleYear) return titleYear;
  const head = text.slice(0, 3000);
  const period = head.match(/(?:统计期限|统计时限|统计周期|统计时间|数据统计).{0,6}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/);
  if (period) return Number(period[1]);
  const named = head.match(/((?:19|20)\d{2})\s*年度?(?:政府信息公开|政务公开)/);
  if (named) return Number(named[1]);
  const counts = new Map<number, number>();
  for (const m of head.matchAll(/((?:19|20)\d{2})\s*年/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, c] of counts) if (best === null || c > (counts.get(best) ?? 0) || (c === counts.get(best) && y > best)) best = y;
  return best;
}

export interface Contact {
  address: string | null;
  postcode: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

export function findContact(text: string): Contact {
  const flat = text.replace(/\n/g, '');
  const pick = (re: RegExp) => flat.match(re)?.[1]?.trim() ?? null;
  const address = pick(/(?:地址|通讯地址|办公地址|联系地址)\s*[:：]\s*([^，,；;。）)\s][^，,；;。）)]{3,60})/);
  const postcode = pick(/(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})(?!\d)/);
  const phone = pick(/(?:电话|联系电话|咨询电话|传真)\s*[:：]?\s*((?:\(?0\d{2,3}\)?[-－—\s]?)?\d{7,8}(?:[-－]\d{1,4})?)/);
  const email = pick(/([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/);
  const website = pick(/(?<![@A-Za-z0-9.-])((?:https?:\/\/)?(?:[A-Za-z0-9-]+\.)+(?:gov\.cn|cn|com|net|org)(?:\/[^\s，,。；;）)<>]*)?)/);
  return { address, postcode, phone: phone ? squash(phone) : null, email, website: website && !website.includes('@') ? website : null };
}
