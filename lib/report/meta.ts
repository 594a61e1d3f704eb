import { placeChainEnding } from '../region';
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
  // "体裁分类:政府信息公开年报", "所属栏目：年度报告": a label and a column name
  let s = line.replace(/^(?:体裁分类|主题分类|信息分类|分类|所属栏目|栏目|信息类别|类别|文种|专题)[:：]/, '');
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
  /** The body was read from the line above a bare title: on a web page that may be the site's header. */
  bodyAbove?: boolean;
}

/** The next non-blank line after line i (squashed), and its index. */
function nextLine(lines: string[], i: number): { s: string; at: number } {
  for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
    const s = squash(lines[j]);
    if (s) return { s, at: j };
  }
  return { s: '', at: i };
}

const BROKEN_TITLE_END = /(?:信息公开|政务公开|信息公开工作|年度?|政府|政务)$/;

/**
 * A title broken over lines: "2024 年上海市科委政府信息公开工作" + "年度报告", "左贡县人民政府2021年度"
 * + "信息公开年度报告", "…街道2025年政府" + "" + "信息公开工作年度报告".
 */
function joinBrokenTitle(s: string, lines: string[], i: number): string {
  if (REPORT_WORDS.test(s) || !BROKEN_TITLE_END.test(s)) return s;
  const next = nextLine(lines, i).s;
  if (/(?:政府信息公开|政务公开|信息公开)(?:工作)?$/.test(s) && /^(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)/.test(next)) return s + next;
  if (/(?:19|20)\d{2}\s*年度?(?:政府|政务)?$/.test(s) && /^(?:政府)?(?:信息公开|政务公开|公开)/.test(next) && REPORT_WORDS.test(s + next)) return s + next;
  return s;
}

/** A web page's whole text on one line: the title is its start ("清水县人民政府2019年 政府信息公开工作年度报告 一、总体情况 …"). */
const LEADING_TITLE =
  /^[\u4e00-\u9fa5][^，。；：、《》“”"',;:A-Za-z]{0,50}?(?:政府信息公开|政务公开|信息公开)[^，。；：、《》,;:]{0,12}?(?:年度报告|工作报告|年报)/;

/** A column name ("政府信息公开年报", "信息公开年度报告") names no body and no year: a title only when nothing better follows. */
const COLUMN_NAME =
  /^(?:乡镇|部门|街道|镇街|县直|市直|区直|县级|市级|区级|各级|本级)?(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度报告|年报|工作报告)(?:专栏)?$/;

export function findTitle(lines: string[]): TitleInfo {
  const limit = Math.min(lines.length, 25);
  let fallback: TitleInfo | null = null;
  for (let i = 0; i < limit; i++) {
    let s = stripPageFurniture(squash(titleChunk(lines[i]))).replace(/\.(?:docx?|pdf|html?)$/i, '');
    if (s.length > 80) s = squash(lines[i]).match(LEADING_TITLE)?.[0] ?? '';
    if (!s) continue;
    s = joinBrokenTitle(s, lines, i);
    if (!REPORT_WORDS.test(s) || /[。；,，]|印发|格式|通知|如下|[《》<].+[《》>]/.test(s) || /^(?:根据|按照|依据|现将|现公布|本报告|[^《]*》)/.test(s))
      continue;
    if (COLUMN_NAME.test(s)) {
      fallback ??= { title: s, titleBody: null, titleYear: null, titleLine: i };
      continue;
    }
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
    const prev = p >= 0 ? stripPageFurniture(squash(lines[p])) : '';
    let bodyAbove = false;
    if (!body && prev && prev.length <= 30 && (BODY_SUFFIX_STRICT.test(prev) || PLACE_BODY.test(prev)) && !/[，。：:>]|首页|位置/.test(prev)) {
      body = prev;
      title = prev + s;
      bodyAbove = true;
    }
    // a label left of the title ("发布机构:", "浏览次数"): no body
    if (body && (/[:：|]/.test(body) || /次数|日期|时间|分类|编号|索引/.test(body))) body = null;
    // neither body nor year ("政府信息公开年报主题分类:综合政务"): a column's name, kept only if nothing better follows
    if (!body && !year) {
      fallback ??= { title: s, titleBody: null, titleYear: null, titleLine: i };
      continue;
    }
    return { title, titleBody: body ? body.trim() : null, titleYear: year, titleLine: i, bodyAbove };
  }
  return fallback ?? { title: null, titleBody: null, titleYear: null, titleLine: null };
}

/** A place that stands for its body on the line above a title ("株洲市荷塘区明照街道"). */
const PLACE_BODY = /^[\u4e00-\u9fa5]{2,20}(?:街道|镇|乡|苏木|县|区|旗)$/;

export interface PageTitleInfo {
  /** The report title the page's <title> carries, read like a printed title. */
  title: TitleInfo | null;
  /** The site's name in it ("…_宝鸡市渭滨区人民政府网站"): the site's owner, a region clue but never the body. */
  site: string | null;
}

const SITE_SUFFIX = /(?:门户网站|官方网站|网站|门户网|官网|网)$/;

/** A page's <title> ("2021年政府信息公开工作年度报告_宝鸡市渭滨区人民政府网站") split into the report's title and the site's name. */
export function readPageTitle(pageTitle: string | null, siteName: string | null = null): PageTitleInfo {
  let title: TitleInfo | null = null;
  const sites: string[] = [];
  for (const part of (pageTitle ?? '').split(/\s*(?:[_|｜]|[-—–]{1,2}|\s{2,})\s*/)) {
    const s = squash(part);
    if (!s) continue;
    if (!title && REPORT_WORDS.test(s)) {
      const t = findTitle([s]);
      if (t.title) title = t;
    } else sites.push(s);
  }
  if (siteName) sites.push(squash(siteName));
  const site = sites.map((s) => s.replace(SITE_SUFFIX, '')).find((s) => s.length >= 3 && /[省市县区旗州盟]|政府|局|委|厅/.test(s) && !/[，。：]/.test(s));
  return { title, site: site ?? null };
}

export interface OrganizationCandidates {
  /** Names the report gives as its own: the signature, "现公布《X2022年…报告》". */
  strong: string[];
  /** Names of the office that compiled it or takes questions ("请与X联系"): a fallback only. */
  weak: string[];
}

/** A body's name in running text: Han characters up to a body word ("官洲街道办事处", "区统计局"). */
const NAME =
  '[\\u4e00-\\u9fa5][^，,。、；;：:\\s《》“”"\\d]{1,29}?(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公厅|街道办事处|办事处|管理委员会|管委会|委员会|管理区|街道|局|厅|委|部|署|镇|乡|苏木)';
/** A place as the subject of the overview ("2019年，昌江区认真贯彻…", "2023年，伊吾县政府信息公开工作…"). */
const PLACE_NAME = '[\\u4e00-\\u9fa5][^，,。、；;：:\\s《》“”"\\d]{1,14}?(?:自治区|自治州|自治县|省|市|县|区|旗|州|盟)';
/** What a body does in the first sentence of its overview. */
const SUBJECT_VERB =
  '以|坚持|深入|认真|严格|在|按照|全面|紧紧|高度重视|积极|始终|切实|围绕|持续|不断|进一步|扎实|聚焦|立足|紧扣|着力|贯彻|继续|大力|全力|牢固|依法|紧密|主动|重视|共|通过|(?:政府信息公开|政务公开)工作(?!要点|方案|计划|安排|任务|的?通知)';

/** Names the report gives as its own. */
/** Each with words one of which it cannot match without: a plain search first spares most texts the pattern. */
const STRONG_PATTERNS: Array<[RegExp, string[]]> = [
  [/现(?:予以)?(?:公布|发布|公开|向社会公开|向社会公布)《?([^《》，。、\s]{2,40}?)\s*(?:19|20)\d{2}\s*年/g, ['现']],
  [/《([^《》，。\s]{2,40}?)\s*(?:19|20)\d{2}\s*年度?政府信息公开工作年度报告》/g, ['工作年度报告》']],
  [/现将([^《》，。、\s]{2,40}?)\s*(?:19|20)\d{2}\s*年度?(?:政府信息公开|政务公开)/g, ['现将']],
  // "特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告", "编制并向社会公开莆田市…局2023年度…"
  [
    /(?:编制|公布|发布)(?:了|并向社会公开|并公开)?《?([^《》，。、\s]{3,40}?)\s*(?:19|20)\d{2}\s*年度?(?:政府信息公开|政务公开|信息公开)/g,
    ['编制', '公布', '发布'],
  ],
];
/** "…要求，闽侯县财政局编制了本报告", "绍兴市越城区东湖街道特编制2023年…": a clause that starts with the compiler. */
const CLAUSE_COMPILER = new RegExp(`\\s*(${NAME})(?:特|认真)?编制(?:了|并)?(?:本|《|(?:19|20)\\d{2})`, 'y');
/** The year that opens the overview, then its subject: "2019年，昌江区认真贯彻…" (read at the year's end). */
const YEAR_LEAD = /(?<![《〈<“"])(?:19|20)\d{2}\s*年(?:度|以来)?[，,]?\s*/g;
const SUBJECT_AT = new RegExp(`(${NAME}|${PLACE_NAME})(?:${SUBJECT_VERB})`, 'y');
/**
 * The overview's first sentence names its subject: "北京市西城区政务服务管理局以习近平…", also after a
 * clause: "2023年，在区委、区政府的坚强领导下，官洲街道办事处认真贯彻落实…".
 */
const CLAUSE_SUBJECT = new RegExp(`\\s*(${NAME})(?:${SUBJECT_VERB})`, 'y');
/**
 * Where a clause's subject may stand: before one of the verbs an overview opens with (the one-character
 * ones, 以/在/共, only at a line's start: mid-sentence they are everywhere).
 */
const SUBJECT_VERB_AT =
  /(?:坚持|深入|认真|严格|按照|全面|紧紧|高度重视|积极|始终|切实|围绕|持续|不断|进一步|扎实|聚焦|立足|紧扣|着力|贯彻|继续|大力|全力|牢固|依法|紧密|主动|重视|通过|政府信息公开工作|政务公开工作)/g;
const COMPILER_CLAUSE_START = /[，,。；)）\n]/;

/** Names of the office that compiled the report or takes questions ("请与X联系"): a fallback only. */
const WEAK_PATTERNS: Array<[RegExp, string[]]> = [
  [/请与([^，。、（(\s]{2,40}?)(?:联系|政务公开办|政府信息公开办)/g, ['请与']],
  [/(?:请|可)联系[:：]?\s*([^，。、（(\s:：]{2,40}?)(?:[（(，,：:]|\s|电话|$)/g, ['联系']],
  [/本(?:年度)?报告由([^，。、\s]{2,40}?)(?:根据|依据|按照|编制|编写)/g, ['报告由']],
  [/由([^，。、\s（(]{2,40}?)(?:[（(][^）)]{0,20}[）)])?(?:编制|编写|负责编制)/g, ['编制', '编写']],
  // (a metadata line's own value, not the next label: "来源: 浏览次数:" names nothing)
  [/(?:来源|发布机构|信息来源)[ \t\u3000]*[:：|][ \t\u3000]*\|?[ \t\u3000]*([^\s|，。:：]{4,30})(?![^\s|，。:：]*[:：])/g, ['来源', '发布机构']],
];

/** Candidate names of the reporting body found in the prose. */
export function organizationCandidates(text: string, lines: string[]): OrganizationCandidates {
  const strong: string[] = [];
  const weak: string[] = [];
  const head = text.slice(0, 2500);
  for (const [p, words] of STRONG_PATTERNS) if (words.some((w) => head.includes(w))) for (const m of head.matchAll(p)) push(strong, cleanBodyName(m[1]));
  // Clause by clause, each read from its start only: far cheaper than a search at every position.
  for (let at = head.indexOf('编制'); at > 0; at = head.indexOf('编制', at + 2)) {
    let start = at;
    while (start > 0 && at - start < 42 && !COMPILER_CLAUSE_START.test(head[start - 1])) start--;
    CLAUSE_COMPILER.lastIndex = start;
    push(strong, cleanBodyName(CLAUSE_COMPILER.exec(head)?.[1]));
  }
  // the overview's opening: its first sentences name the subject
  const opening = head.slice(0, 1500);
  for (const lead of opening.matchAll(YEAR_LEAD)) {
    SUBJECT_AT.lastIndex = lead.index + lead[0].length;
    push(strong, cleanBodyName(SUBJECT_AT.exec(opening)?.[1]));
  }
  // a subject at a line's start, or after a clause ("…坚强领导下，官洲街道办事处认真贯彻…")
  for (let start = 0; start >= 0 && start < opening.length; start = opening.indexOf('\n', start) + 1 || -1) {
    let first = start;
    while (first < opening.length && (opening[first] === ' ' || opening[first] === '\u3000' || opening[first] === '\t')) first++;
    const c = opening.charCodeAt(first);
    if (c < 0x4e00 || c > 0x9fa5) continue; // a name starts with a Han character (not a table's figure or mark)
    CLAUSE_SUBJECT.lastIndex = first;
    push(strong, cleanBodyName(CLAUSE_SUBJECT.exec(opening)?.[1]));
  }
  for (const verb of opening.matchAll(SUBJECT_VERB_AT)) {
    const at = verb.index;
    const start = Math.max(opening.lastIndexOf('，', at), opening.lastIndexOf(',', at)) + 1;
    if (start === 0 || at - start < 3 || at - start > 45 || opening.lastIndexOf('\n', at) >= start) continue;
    CLAUSE_SUBJECT.lastIndex = start;
    push(strong, cleanBodyName(CLAUSE_SUBJECT.exec(opening)?.[1]));
  }
  for (const [p, words] of WEAK_PATTERNS)
    if (words.some((w) => head.includes(w))) for (const m of head.matchAll(p)) push(weak, withoutOffice(cleanBodyName(m[1])));
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
    if (!mayBeDateLine(lines[i])) continue;
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

/** An office inside a body (办公室, 综合科, 信息中心…), without another body's word in it. */
const OFFICE_TAIL = /^(?:(?:(?!人民政府|政府|街道|办事处|镇|乡|局|委|厅)[\u4e00-\u9fa5]){0,6}(?:办公室|办公厅|办|科|股|室|中心))+$/;
const BODY_WORD_LAST = new Set([...'府处道镇乡木局会委厅部署']);
/** The words a body's own name ends with, before its offices. */
const BODY_WORD_END = /(?:人民政府|政府|街道办事处|办事处|街道|镇|乡|苏木|局|委员会|委|厅|部|署)$/;

/**
 * The office that compiles a report or takes questions ("伽师县人民政府办公室", "大营镇党政办公室",
 * "衢州市衢江区湖南镇政府综合督考办公室", "省政府办公厅信息办公室") speaks for its body: drop the office
 * to name the body (the shortest name that the rest is offices of).
 */
function withoutOffice(name: string | null): string | null {
  if (!name) return null;
  const bare = name.replace(/[（(][^（）()]*[）)]$/, '');
  for (let end = 3; end < bare.length; end++) {
    if (!BODY_WORD_LAST.has(bare[end - 1])) continue;
    const body = bare.slice(0, end);
    if (BODY_WORD_END.test(body) && OFFICE_TAIL.test(bare.slice(end))) return body;
  }
  const place = bare.match(/^(.+?[省市县区旗州盟])(?:综合办公室|党政办公室|党政综合办公室|党政办|政务公开办公室|办公室|综合办)$/);
  return place && place[1].length >= 3 ? place[1] : name;
}

/**
 * A department's own office ("重庆市卫生健康委员会办公室关于2018年度…的报告") writes for the department:
 * the department is the body. A government's office (人民政府办公室) is a body of its own.
 */
function withoutDepartmentOffice(name: string): string {
  const m = name.match(/^(.+(?:局|委员会|厅))(?:办公室|办公厅)$/);
  return m && !/政府/.test(m[1].slice(-4)) ? m[1] : name;
}

function push(list: string[], name: string | null) {
  if (name && !list.includes(name)) list.push(name);
}

/** Words of the prose, never of a body's name (领导小组关于印发…, 积极稳妥地推进全局, page_1.html). */
const NOT_A_NAME =
  /党委|党组|党工委|宣传部|组织部|统战部|政法委|关于|印发|方案|推进|积极|稳妥|落实|加强|开展|进行|要求|规定|工作|情况|领导小组|通知|意见|暨|精神|如下|以及|的|[A-Za-z0-9_.]|(?:全|本|我|该)(?:局|区|县|市|镇|乡)$/;
/** A body word alone ("街道办事处", "乡镇人民政府"): a kind of body, not a name. */
const BARE_BODY_WORD = /^(?:乡镇|街道|镇|乡|县|区|市|省)?(?:人民政府|政府|街道办事处|办事处|党政办公室|办公室)$/;

function cleanBodyName(raw: string | undefined): string | null {
  if (!raw) return null;
  const s = squash(raw)
    .replace(/^[“"《]|[”"》]$/g, '')
    .replace(/^(?:现将|现公布|请与|可联系|请联系|关于|由|本|我)/, '');
  if (s.length < 2 || s.length > 40) return null;
  if (/政府信息公开|年度报告|条例|以下简称|报告|以来|[由年,，]/.test(s)) return null;
  if (/^(?:人民政府|政府|政府办公室|办公室|本机关|本单位|本部门)$/.test(s)) return null;
  // "全镇", "各乡", "该局": a word of the prose, not a name; "…政府网站": the website, not the body.
  if (/^(?:全|各|该|其|此|所|上级|下属)/.test(s) || /(?:网站|网|门户|平台|公众号|专栏|栏目)$/.test(s)) return null;
  if (NOT_A_NAME.test(s) || BARE_BODY_WORD.test(s)) return null;
  return s;
}

/**
 * The most complete name of the reporting body. The title's own name wins over the office that
 * compiled the report; a fuller form of the same name printed elsewhere completes it
 * ("洪泽区人民政府" → "淮安市洪泽区人民政府" when the text prints that).
 */
export interface ChosenOrganization {
  name: string | null;
  /** The title, the report's own words, or only a contact or compiler line. */
  source: 'title' | 'strong' | 'weak' | null;
}

const BARE_PLACE = /^[\u4e00-\u9fa5]{2,20}(?:省|自治区|市|自治州|州|盟|地区|县|自治县|区|旗|自治旗)$/;

/** Names compared without their punctuation ("城南办事处、城南园区" is in "靖江市城南办事处(城南园区)"). */
const bareName = (s: string) => s.replace(/[、()（）\s]/g, '');

export function chooseOrganization(titleBody: string | null, candidates: OrganizationCandidates, text = '', bodyAbove = false): ChosenOrganization {
  let best: string | null = titleBody && BODY_SUFFIX_STRICT.test(titleBody) ? titleBody : null;
  // a name on the line above a bare title may be the web page's header (the site's government): it
  // yields to what the report calls itself, like a contact's name
  const titleSource = bodyAbove ? 'weak' : 'title';
  let source: ChosenOrganization['source'] = best ? titleSource : null;
  if (best) {
    for (const c of candidates.strong) if (c.length > best.length && c.endsWith(best)) best = c;
  } else {
    const place = titleBody;
    const pool = [...candidates.strong, ...candidates.weak];
    // A fuller name of the same place's body ("天津经济技术开发区" → "…管理委员会"), not one of its offices.
    const fuller = place
      ? (pool.find(
          (c) => c.startsWith(place) && BODY_SUFFIX_STRICT.test(c) && c.length - place.length <= 6 && !/办公室|办公厅|中心|信息/.test(c.slice(place.length)),
        ) ?? candidates.strong.find((c) => c.length > place.length && bareName(c).endsWith(bareName(place))))
      : undefined;
    best = fuller ?? place ?? candidates.strong[0] ?? candidates.weak[0] ?? null;
    source = fuller || place ? titleSource : candidates.strong[0] ? 'strong' : best ? 'weak' : null;
  }
  if (!best) return { name: null, source: null };
  // a bare place ("泰山区" of "泰山区2020年…报告") stands for its government only as far as the report
  // does not speak as one of its departments or towns (我局, 我镇): it yields like a contact's name
  if (source !== 'weak' && BARE_PLACE.test(best)) source = 'weak';
  return { name: withDistrictGovernment(withoutDepartmentOffice(withBodyType(completeWithPlace(withBodyType(best), text))), text), source };
}

/**
 * A street office is its district government's agency, and its full legal name says so
 * (北京市西城区人民政府金融街街道办事处): when the text prints that form of the same name, it is the name.
 */
function withDistrictGovernment(name: string, text: string): string {
  const m = name.match(/^(.*?)([^省市县区旗州盟]{2,8}街道办事处)$/);
  if (!m || !text.includes(`人民政府${m[2]}`)) return name;
  const at = text.indexOf(`人民政府${m[2]}`);
  const chain = placeChainEnding(text.slice(Math.max(0, at - 16), at).replace(/\s/g, ''));
  if (!chain || !(m[1] === '' || chain.endsWith(m[1]) || m[1].endsWith(chain))) return name;
  return `${chain.length >= m[1].length ? chain : m[1]}人民政府${m[2]}`;
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
    !/(?:新区|开发区|园区|示范区|高新区|景区|社区|片区|功能区|工业区|管理区|林区|垦区|矿区|保税区)$/.test(name)
  )
    return `${name}人民政府`;
  return name;
}

/** State Council ministries and commissions, whose agencies print them first (水利部太湖流域管理局). */
const MINISTRY_END =
  /(?:外交部|国防部|国家发展和改革委员会|教育部|科学技术部|工业和信息化部|国家民族事务委员会|公安部|民政部|司法部|财政部|人力资源和社会保障部|自然资源部|生态环境部|住房和城乡建设部|交通运输部|水利部|农业农村部|商务部|文化和旅游部|国家卫生健康委员会|退役军人事务部|应急管理部|审计署|海关总署)$/;

function completeWithPlace(name: string, text: string): string {
  if (!text || name.length < 2) return name;
  let best = name;
  let from = 0;
  const seen = new Set<string>();
  for (;;) {
    const at = text.indexOf(name, from);
    if (at < 0) break;
    from = at + 1;
    const before = text.slice(Math.max(0, at - 16), at).replace(/\s/g, '');
    // (a long report prints its name, and what precedes it, many times over: each once)
    if (seen.has(before)) continue;
    seen.add(before);
    // a place's name ends in its level word; a ministry in 部/署 (cheap tests before a scan)
    const chain = /[省市县区州旗盟]$/.test(before)
      ? placeChainEnding(before)
      : /[部署]$/.test(before) && /(?:局|委员会|中心|办公室)$/.test(name)
        ? (before.match(MINISTRY_END)?.[0] ?? null)
        : null;
    if (chain && !name.startsWith(chain) && chain.length + name.length > best.length) {
      best = chain + name;
    }
  }
  return best;
}

/**
 * A department that calls itself 我局 throughout may print its full name once, anywhere
 * ("…调整补充了甘南州自然资源局信息公开领导小组成员"): its place (as printed: 甘南州, 甘南藏族自治州)
 * followed by a department's name. The name printed most often wins; a tie between two is no answer.
 */
export function findNamedDepartment(text: string, placeForms: string[]): string | null {
  if (!placeForms.length) return null;
  const re = new RegExp(`(?:${placeForms.join('|')})(?:人民政府)?[\\u4e00-\\u9fa5]{2,14}?(?:局|委员会|办公室)`, 'g');
  const counts = new Map<string, number>();
  for (const m of text.matchAll(re)) {
    const name = cleanBodyName(m[0]);
    if (name && !/政府$/.test(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || (ranked.length > 1 && ranked[1][1] === ranked[0][1])) return null;
  return ranked[0][0];
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

/** A cheap look before squashing: a date line is short and has a 年 or a date's separator. */
function mayBeDateLine(line: string): boolean {
  return line.length > 0 && line.length <= 48 && (line.includes('年') || /\d[-./]\d/.test(line));
}

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
    if (!mayBeDateLine(lines[i])) continue;
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

const ADDRESS_RE = /(?:地址|通讯地址|办公地址|联系地址)\s*[:：]\s*([^，,；;。）)\s][^，,；;。）)]{3,60})/;
const POSTCODE_RE = /(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})(?!\d)/;
const PHONE_RE = /(?:电话|联系电话|咨询电话|传真)\s*[:：]?\s*((?:\(?0\d{2,3}\)?[-－—\s]?)?\d{7,8}(?:[-－]\d{1,4})?)/;
const EMAIL_RE = /([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/;
const WEBSITE_RE = /(?<![@A-Za-z0-9.-])((?:https?:\/\/)?(?:[A-Za-z0-9-]+\.)+(?:gov\.cn|cn|com|net|org)(?:\/[^\s，,。；;）)<>]*)?)/;

export function findContact(text: string): Contact {
  const flat = text.replace(/\n/g, '');
  const pick = (re: RegExp) => flat.match(re)?.[1]?.trim() ?? null;
  const address = flat.includes('地址') ? pick(ADDRESS_RE) : null;
  const postcode = flat.includes('邮') ? pick(POSTCODE_RE) : null;
  const phone = flat.includes('电话') || flat.includes('传真') ? pick(PHONE_RE) : null;
  // (both patterns try at every letter and digit: a plain search says first whether they can match at all)
  const email = flat.includes('@') ? pick(EMAIL_RE) : null;
  const website = /\.(?:cn|com|net|org)/.test(flat) ? pick(WEBSITE_RE) : null;
  return { address, postcode, phone: phone ? squash(phone) : null, email, website: website && !website.includes('@') ? website : null };
}
