import type { Channel } from './schema';

/**
 * Figures stated in the prose: how many items were disclosed proactively (a single total,
 * per channel, or approximate) and how many applications were received.
 */

const CHANNEL_WORDS: Array<{ channel: Channel; re: RegExp }> = [
  { channel: 'wechat', re: /微信|公众号/ },
  { channel: 'weibo', re: /微博/ },
  { channel: 'newMedia', re: /新媒体|抖音|视频号|头条号|客户端|APP|app|快手/ },
  { channel: 'gazette', re: /公报/ },
  { channel: 'bulletinBoard', re: /公开栏|公示栏|宣传栏|政务栏|信息栏|公告栏|公示牌|村务公开|电子显示屏|宣传册|明白卡/ },
  { channel: 'website', re: /网站|门户|网页|专栏|政务公开平台|网上|政府网|官网/ },
  { channel: 'other', re: /其他(?:媒体|方式|渠道|途径|平台)|报刊|广播|电视|报纸/ },
];

const ALL_CHANNELS =
  /(?:各类|各种|多种|所有|全部|各|多|各类新闻)(?:渠道|平台|载体|途径|方式|形式)|等[^，。；\d]{0,4}?(?:渠道|平台|方式|途径|载体|形式)|等多种|线上(?:及|和|与)线下/;

const HAS_DIGIT = /\d/;

/** Verbs of disclosing; the last one before a figure governs it. */
const VERB = /公开|发布|推送|更新|刊登|发送|编发|推出/g;
/** A figure of items: "124条", "32篇", "500余条" (not an article number: "《条例》第20条"). */
const FIGURE = /(?<![第\d.])(\d+)(余|多)?(条|篇|件|则|项|次|份)(以上)?/g;

/** What a figure must not be about: applications, answers, readings, meetings, enforcement… */
const NOT_PROACTIVE = /申请|答复|回应|解读|发布会|访谈|规章|规范性文件|提案|建议|复议|诉讼|收费|处罚|许可|培训|会议|浏览|访问|粉丝|关注|留言|咨询|审查|审核/;

/**
 * The object of a total: information of every kind ("政府信息", "各类政务信息", "信息", "政务文件"),
 * never a kind of its own ("预决算信息", "工作动态类信息", "信息公开目录信息", "政策文件").
 */
const WHOLE_OBJECT =
  /^(?:各类|各项|各种|全部|所有|相关)?(?:工作)?(?:(?:政府|政务)(?:信息|文件|资讯)?|信息|消息|文件|资讯|内容)$|^[^\d]{0,12}?政府(?:信息|文件)$/;
/** Figures since records began ("截至目前共发布592条", "截至2019年底，累计主动公开64627条"), not the year's. */
const CUMULATIVE = /截[至止]目前|至今|历年|截[至止].{0,12}累计/;
/**
 * The news of a body's work, what a small body publishes and little else ("动态信息", "各项工作动态信息"):
 * not a topic ("疫情防控信息", "预决算信息") nor something else ("招标项目").
 */
const INFORMATION = /^[^\d]{0,8}?(?:工作|政务)?(?:动态|工作)信息$|^[^\d]{0,8}?(?:工作|政务)动态$/;
/** What a channel's figure counts: information, articles, posts. */
const CHANNEL_OBJECT = /^$|(?:信息|消息|动态|文章|稿件|内容|资讯|数据|文件)$/;
const TOTAL_WORD = /主动|各类|共|累计|全年|年度|本年|合计|总计|政府信息/;
/** Words that make a channel's figure its report's total ("门户网站主动公开各类政府信息966条"). */
const MAIN_CHANNEL_WORD = /主动|各类|累计|共/;

export interface ProactiveProse {
  total: number | null;
  approximateTotal: number | null;
  byChannel: Partial<Record<Channel, number>>;
}

/** One figure of disclosed items as a clause states it. */
interface Statement {
  n: number;
  approximate: boolean;
  /** The one channel it is about, or null (no channel, or several/all of them). */
  channel: Channel | null;
  /** The channel is named in its own clause, not earlier in the sentence. */
  ownChannel: boolean;
  /** Its text up to the figure: the words that make it a total or not. */
  before: string;
  /** What it counts, as printed ("政府信息", "动态信息"; "" when the figure stands alone). */
  object: string;
  /** Its object is information of every kind (or an enumeration ending in 等). */
  whole: boolean;
  /** It is about applications, readings, enforcement… */
  excluded: boolean;
  /** A part of a figure stated before it (after 其中, or a second item of a list). */
  part: boolean;
  /** Its parts follow (其中…, 包括…). */
  partsFollow: boolean;
  /** Another kind's figure follows it ("预决算信息96条、办事指南42条"): it is one kind of several. */
  kindsFollow: boolean;
  /** One of its parts is called 主动公开: the figure holds more than proactive disclosure. */
  proactivePart: boolean;
  /** Counted since records began. */
  cumulative: boolean;
}

/** Sentences, with bracketed notes ("（不同渠道公开相同信息计1条）") removed: they state no figure. */
function sentences(text: string): string[] {
  return flatProse(text)
    .replace(/（[^（）]{0,60}）/g, '')
    .split(/[。！!？?\n]/);
}

const ANY_CHANNEL = new RegExp(CHANNEL_WORDS.map((c) => c.re.source).join('|'));
const NO_CHANNEL: ReadonlySet<Channel> = new Set();

function channelsIn(s: string): ReadonlySet<Channel> {
  if (!ANY_CHANNEL.test(s)) return NO_CHANNEL;
  return new Set(CHANNEL_WORDS.filter((c) => c.re.test(s)).map((c) => c.channel));
}

/** Clauses of a sentence: split at its commas and semicolons, and at a 、 that starts a new clause. */
const CLAUSE_BREAK = /[，；：、](?=其中|包括|分别|另|此外|同时|通过|在|利用|依托|全年|年内)|[，；：]/;
const PARTS_START = /^(?:其中|包括|分别|主要包括|具体包括|含)/;
/** A clause that starts afresh: a channel named before it is no longer the one spoken of. */
const FRESH_START = /^(?:另|此外|同时|通过|在|利用|依托|全年|年内)/;

/** Every figure of disclosed items in a sentence, with what the sentence says about it. */
function statementsOf(sentence: string, out: Statement[]): void {
  let channel: Channel | null = null;
  let inParts = false;
  let channelFigures = 0;
  let main: Statement | undefined = out.findLast((x) => !x.part);
  let offset = 0;
  for (const clause of sentence.split(CLAUSE_BREAK)) {
    const clauseEnd = offset + clause.length;
    offset = clauseEnd + 1;
    if (PARTS_START.test(clause)) inParts = true;
    if (FRESH_START.test(clause)) channel = null;
    let from = 0;
    let verbSeen = false;
    let figures = 0;
    for (const m of HAS_DIGIT.test(clause) ? clause.matchAll(FIGURE) : []) {
      const at = m.index ?? 0;
      const pre = clause.slice(from, at);
      from = at + m[0].length;
      const verbs = [...pre.matchAll(VERB)];
      const verb = verbs.at(-1);
      // "公开预决算信息96条、办事指南42条": the second figure of a list has no verb of its own.
      const listItem = !verb && verbSeen;
      // "…公开400条，合计1200条": the sum the sentence states of the figures before it.
      const sum = !verb && !listItem && channelFigures > 0 && /^(?:以上|上述)?(?:合计|共计|总计)$/.test(pre);
      if (!verb && !listItem && !sum) continue;
      verbSeen = true;
      figures++;
      const before = clause.slice(0, at);
      const verbEnd = verb ? (verb.index ?? 0) + verb[0].length : 0;
      let object = pre
        .slice(verbEnd)
        .replace(/^(?:了|的)/, '')
        .replace(/^\d{4}年度?/, '');
      // "公开政务动态信息更新37条": a verb after its object; the object is what the verb before it governs.
      if (
        /^(?:数量|总数|数|共计|共|合计|总计|累计|达|为|计)*$/.test(object) &&
        verbs.length > 1 &&
        /(?:信息|文件|消息|动态)$/.test(pre.slice(0, verb?.index ?? 0))
      ) {
        const previous = verbs[verbs.length - 2];
        object = pre.slice((previous.index ?? 0) + previous[0].length, verb?.index ?? 0) + object;
      }
      const marker = object.match(/(?:数量|总数|数|共计|共|合计|总计|累计|达|为|计)+$/)?.[0] ?? '';
      object = object.slice(0, object.length - marker.length);
      // "公开规划信息、行政许可、重大民生信息等政府信息": what is listed before 等 is content, the head is counted.
      const enumerated = object.lastIndexOf('等');
      const head = enumerated >= 0 ? object.slice(enumerated + 1).replace(/^(?:方面|领域|类别?|内容|事项)?(?:的)?/, '') : object;
      const after = sentence.slice(clauseEnd - clause.length + from);
      const whole =
        !listItem &&
        (WHOLE_OBJECT.test(head) ||
          (head === '' && (enumerated >= 0 || /共|累计|合计|总计/.test(marker + before) || /^(?:各类)?(?:政府|政务)?信息/.test(after))));
      const own = channelsIn(pre);
      const several = own.size > 1 || ALL_CHANNELS.test(before);
      // A channel named in the same clause, or earlier in the sentence unless this clause states
      // the body's whole disclosure ("共…主动发布政府信息95条") or sums the channels stated before it.
      const inherited = /主动|共计|合计|总计/.test(before) || channelFigures >= 2 ? null : channel;
      const statement: Statement = {
        n: Number(m[1]),
        approximate: Boolean(m[2] || m[4]) || /(?:近|约|超过|逾)$/.test(pre),
        channel: several ? null : own.size === 1 ? [...own][0] : inherited,
        ownChannel: own.size === 1,
        before,
        object: head,
        whole,
        excluded: NOT_PROACTIVE.test(pre.slice(0, verbEnd) + head),
        part: (inParts && !sum) || figures > 1,
        partsFollow: /^[，：；]?(?:其中|包括|主要包括)/.test(after),
        kindsFollow: /^[、，；][^，。；、\d]{1,12}\d+(?:条|篇|件|项)/.test(after),
        proactivePart: false,
        cumulative: CUMULATIVE.test(before),
      };
      out.push(statement);
      if (statement.part && main && /主动/.test(before)) main.proactivePart = true;
      if (!statement.part) main = statement;
      if (statement.channel) channelFigures++;
    }
    if (!verbSeen) {
      const own = channelsIn(clause);
      if (own.size === 1) channel = [...own][0];
    }
  }
}

export function proactiveFromProse(text: string): ProactiveProse {
  const result: ProactiveProse = { total: null, approximateTotal: null, byChannel: {} };
  const all: Statement[] = [];
  const list = sentences(text);
  list.forEach((sentence, i) => {
    const before = all.length;
    statementsOf(sentence, all);
    // "…公开信息77条。其中…": the next sentence lists its parts.
    const last = all.at(-1);
    if (last && all.length > before && /^(?:其中|包括)/.test(list[i + 1] ?? '')) last.partsFollow = true;
  });
  const stated = all.filter((s) => !s.excluded);
  // A channel's figure counts items of information ("网站发布动态政务信息54篇", "公众号发布1135条"),
  // not news reports or notices of its own kind ("网站公开政务要闻812条"); a bare figure only
  // when its own clause names the channel.
  for (const s of stated) {
    if (
      s.channel &&
      !s.approximate &&
      result.byChannel[s.channel] === undefined &&
      (s.whole || (CHANNEL_OBJECT.test(s.object) && (s.object !== '' || s.ownChannel)))
    )
      result.byChannel[s.channel] = s.n;
  }

  // Not the proactive total: a figure since records began, or one whose parts are only partly proactive.
  const candidates = stated.filter((s) => !s.part && !s.cumulative && !(s.proactivePart && !/主动/.test(s.before)));
  const main = candidates.filter((s) => s.whole);
  // 1. A total stated as such, about no one channel: "共…主动公开政府信息95条", "通过网站、微信等平台发布信息…".
  const total = main.find((s) => !s.channel && (TOTAL_WORD.test(s.before) || s.partsFollow) && !s.approximate);
  const approximate = main.find((s) => !s.channel && TOTAL_WORD.test(s.before) && s.approximate);
  // 2. The body's own portal as its main channel: "门户网站主动公开各类政府信息966条" (other channels apart),
  // the portal named in the figure's own clause.
  // Not when other channels say 主动 as well: then each channel states its own share.
  const otherProactive = candidates.some((s) => s.channel && s.channel !== 'website' && /主动/.test(s.before));
  const portal = otherProactive ? undefined : main.find((s) => s.channel === 'website' && s.ownChannel && MAIN_CHANNEL_WORD.test(s.before) && !s.approximate);
  // 3. The one figure the prose states at all, whatever its channel: "通过区政府网站公开信息91条",
  // or "我乡共发布动态信息23条" (a kind of information, but all there is, said to be all: 共, 累计, 主动,
  // and not one of a list of kinds).
  const figures = stated.filter((s) => !s.part);
  // Not a figure of WeChat, Weibo or a notice board alone: that is a channel's share.
  const one = figures.length === 1 && candidates.includes(figures[0]) && (figures[0].channel ?? 'website') === 'website' ? figures[0] : null;
  const kindOfInformation = (s: Statement) => INFORMATION.test(s.object) && !s.kindsFollow && /共|累计|主动/.test(s.before) && !/类/.test(s.before);
  const only = one && (one.whole || kindOfInformation(one)) ? one : null;
  const chosen = total ?? portal ?? (only && !only.approximate ? only : null);
  if (chosen) result.total = chosen.n;
  else result.approximateTotal = approximate?.n ?? (only?.approximate ? only.n : null);
  return result;
}

export interface ApplicationsProse {
  /** An exact count of new applications stated in prose. */
  count: number | null;
  /** The prose says no application was received. */
  saysNone: boolean;
  /** The prose speaks of receiving applications (with or without a number). */
  mentionsReceived: boolean;
  /** Applications carried over from the year before ("上年度结转政府信息公开申请0件", "结转上年158件"). */
  carriedOver: number | null;
}

/**
 * Prose without white space, its ASCII punctuation as the Chinese (web pages mix both): commas
 * between digits ("19,322") are thousands separators and go.
 */
const ASCII_PUNCTUATION = /[,;:()]/;

function flatProse(text: string): string {
  let flat = text.replace(/\s+/g, '');
  if (!ASCII_PUNCTUATION.test(flat)) return flat;
  if (flat.includes(',')) flat = flat.replace(/(\d),(?=\d{3}(?!\d))/g, '$1').replaceAll(',', '，');
  if (flat.includes(';')) flat = flat.replaceAll(';', '；');
  if (flat.includes(':')) flat = flat.replaceAll(':', '：');
  if (flat.includes('(')) flat = flat.replaceAll('(', '（');
  if (flat.includes(')')) flat = flat.replaceAll(')', '）');
  return flat;
}

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A count as printed: digits, or Chinese numerals up to 九十九 ("一件", "十二件"). */
function countOf(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const m = s.match(/^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$|^([零〇])$/);
  if (!m || s === '') return null;
  if (m[4]) return 0;
  if (!m[2]) return m[3] ? null : CHINESE_DIGITS[m[1]];
  return (m[1] ? CHINESE_DIGITS[m[1]] : 1) * 10 + (m[3] ? CHINESE_DIGITS[m[3]] : 0);
}
const COUNT = '(\\d+|[零〇一二两三四五六七八九十]{1,3})';

/** "未收到公民、法人或其他组织通过任何形式提出的政府信息公开申请": no application received. */
const NONE_RECEIVED = /(?:没有|未|无|未曾|尚未|均未)(?:收到|受理|接到|接收|发生|产生)(?:过)?([^。，；,;]{0,30}?)申请/g;

function saysNoneReceived(flat: string): boolean {
  for (const m of flat.matchAll(NONE_RECEIVED)) {
    if (!NOT_AN_APPLICATION.test(m[1]) && !/许可|审批|办理|结转/.test(m[1])) return true;
  }
  return (
    /(?:依申请公开|申请公开)(?:政府信息)?(?:数量|件数)?(?:为)?(?:0|零)件?/.test(flat) ||
    /(?:收到|受理)(?:政府信息公开|依申请公开)?申请(?:数量)?(?:为)?(?:0|零)件/.test(flat) ||
    /无(?:依申请公开|政府信息公开申请)/.test(flat)
  );
}

export function applicationsFromProse(text: string): ApplicationsProse {
  // Web pages mix ASCII punctuation with the Chinese: the gaps below stop at either.
  const flat = text.replace(/\s+/g, '');
  const countMatch = findApplicationCount(flat);
  const none = countMatch === null && saysNoneReceived(flat);
  const mentionsReceived = /(?:收到|受理|接到)[^。，,]{0,10}申请/.test(flat);
  return { count: countMatch, saysNone: none || countMatch === 0, mentionsReceived, carriedOver: findCarriedOver(flat) };
}

const NOT_AN_APPLICATION = /复议|诉讼|留言|咨询|信访|投诉|举报|建议|提案|热线|来电|来信|工单/;

/** A count that includes the year before's ("1261件（含上年度结转申请74件）") is not of new applications. */
const INCLUDES_CARRIED_OVER = /^[（(]?(?:含|包括|其中)[^）)。]{0,8}结转/;

/**
 * "共收到政府信息公开申请 21 件", "受理向市政府提出的信息公开申请176件", "共收到9份政府信息依申请公开事项",
 * "依申请公开共受理2件": a receiving verb, the word 申请 before or after the figure, and a counting unit.
 */
const COUNT_AFTER_VERB = new RegExp(`(?:收到|受理|接到|接收|新收|处理)([^。，；,;\\d]{0,24}?)(?:共计|共|合计|总计|为)?${COUNT}(?:件|份|条|个|宗)`, 'g');

const COUNT_STATED = /(?:政府信息公开申请|依申请公开申请)(?:数量|数|总数|总量)(?:为|共|共计|是)(\d+)件/g;

function findApplicationCount(flat: string): number | null {
  for (const m of flat.matchAll(COUNT_AFTER_VERB)) {
    if (!/申请/.test(m[1]) || NOT_AN_APPLICATION.test(m[1]) || /结转/.test(m[1])) continue;
    if (INCLUDES_CARRIED_OVER.test(flat.slice((m.index ?? 0) + m[0].length))) continue;
    const n = countOf(m[2]);
    if (n !== null) return n;
  }
  // The applications named first, then received: "依申请公开受理6件", "政府信息公开申请共收到3件".
  const named = /(?:依申请公开|信息公开申请|公开申请)(?:事项|工作)?(?:共|共计|全年)?(?:收到|受理|接到|接收)(?:了)?(?:共计|共)?(\d+)(?:件|份|个)/g;
  for (const m of flat.matchAll(named)) {
    if (!INCLUDES_CARRIED_OVER.test(flat.slice((m.index ?? 0) + m[0].length))) return Number(m[1]);
  }
  const after = /(?:收到|受理|接到|接收)(?:了)?(?:共计|共)?(\d+)(?:件|份|条|个)([^。，；,;\d]{0,16})/g;
  for (const m of flat.matchAll(after)) {
    if (/申请/.test(m[2]) && !NOT_AN_APPLICATION.test(m[2])) return Number(m[1]);
  }
  // No verb, the count stated as such: "本年度政府信息公开申请数量为3件" (not those carried over, concluded or answered).
  for (const m of flat.matchAll(COUNT_STATED)) {
    const at = m.index ?? 0;
    const before = flat.slice(Math.max(0, at - 6), at).replace(/^.*[。，；,;]/, '');
    if (!/结转|办结|办理|答复|处理|予以|不予|部分|上年|上一年|去年|往年/.test(before) && !INCLUDES_CARRIED_OVER.test(flat.slice(at + m[0].length)))
      return Number(m[1]);
  }
  return null;
}

/** "上年度结转政府信息公开申请0件", "结转上年158件", "（含上年度结转申请74件）". Never the 结转下年度 figure. */
function findCarriedOver(flat: string): number | null {
  const m =
    flat.match(
      /(?:上年度?|上一年度?|去年|往年)(?:结转|转结|遗留)(?:到本年度?|至本年度?|的)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?(?:申请)?(?:数量|件数)?(?:共|为)?(\d+)件/,
    ) ?? flat.match(/结转上(?:一)?年度?(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?(?:申请)?(?:数量|件数)?(?:共|为)?(\d+)件/);
  return m ? Number(m[1]) : null;
}

/** Reconsideration and litigation counts stated in prose ("行政复议 351 件"). */
export function reviewFromProse(text: string): { reconsiderations: number | null; lawsuits: number | null; saysNone: boolean } {
  const flat = text.replace(/\s+/g, '');
  const rec = flat.match(/行政复议(?:案件)?(?:共)?(\d+)件/);
  const law = flat.match(/行政诉讼(?:案件)?(?:共)?(\d+)件/);
  const saysNone = /(?:没有|未|无)(?:发生|出现|收到)?(?:因政府信息公开)?(?:工作)?(?:被)?(?:申请)?(?:的)?行政复议/.test(flat);
  return { reconsiderations: rec ? Number(rec[1]) : null, lawsuits: law ? Number(law[1]) : null, saysNone };
}

/** 信息处理费 collected, in 元 as printed converted to 万元; 0 when the report says none. */
export function feesFromProse(text: string): number | null {
  const flat = text.replace(/\s+/g, '');
  if (
    /(?:未|没有|无|不)(?:收取|发生|产生)[^。，]{0,20}?(?:信息处理费|费用|收费)|(?:信息处理费|收费)[^。，]{0,8}?(?:为)?(?:0|零)(?:元|万元)?|无[^。，]{0,10}收费/.test(
      flat,
    )
  )
    return 0;
  const m = flat.match(/(?:收取|收缴)[^。，]{0,20}?(?:信息处理费|费用)[^。，\d]{0,6}(\d+(?:\.\d+)?)(万元|元)/);
  if (!m) return null;
  const value = Number(m[1]);
  return m[2] === '万元' ? value : Math.round((value / 10000) * 10000) / 10000;
}
