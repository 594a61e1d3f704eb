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
  { channel: 'website', re: /网站|门户|网页|专栏|政务公开平台|网上/ },
  { channel: 'other', re: /其他(?:媒体|方式|渠道|途径|平台)|报刊|广播|电视|报纸/ },
];

const ALL_CHANNELS = /(?:各类|各种|多种|所有|全部|各|多|各类新闻)(?:渠道|平台|载体|途径|方式)|等(?:渠道|平台|方式|途径|载体)/;
const CHANNEL_FIGURE = /^(.*?(?:公开|发布|推送|更新|刊登|发送|编发))(?:共计|共|达)?(\d+)(余|多)?(?:条|篇|则)/;

/** "…公开政府信息(数)(共计)124(余)条": the verb, its object, the figure and its unit. */
const PROACTIVE_FIGURE =
  /^(.*?(?:公开|发布|推送|更新|刊登|发送|编发|推出)[^\d，]{0,30}?(?:信息|消息|动态|文章|稿件|内容|资讯|数据)(?:数|数量|总数)?(?:共计|共|合计|总计|累计|达|为)?)(\d+)(余|多)?(?:条|篇|件|则|项)/;

export interface ProactiveProse {
  total: number | null;
  approximateTotal: number | null;
  byChannel: Partial<Record<Channel, number>>;
}

/** Clauses: the text between Chinese stops. A clause states one figure about one channel. */
function clauses(text: string): string[] {
  return (
    text
      .replace(/\s+/g, '')
      // Bracketed notes ("（不同渠道公开相同信息计1条）") are not statements of figures.
      .replace(/[（(][^（）()]{0,60}[）)]/g, '')
      .split(/[。；;！!\n]|，(?=其中|另|此外|通过|在|利用|依托|全年|年内)/)
  );
}

export function proactiveFromProse(text: string): ProactiveProse {
  const result: ProactiveProse = { total: null, approximateTotal: null, byChannel: {} };
  const proactiveChannels: number[] = [];
  for (const sentence of clauses(text)) {
    let sentenceChannel: Channel | null = null;
    for (const part of sentence.split(/[，,]/)) {
      // "其中通过政府门户网站公开 24 条": a channel's figure may omit the object.
      const m = part.match(PROACTIVE_FIGURE) ?? (CHANNEL_WORDS.some((c) => c.re.test(part)) ? part.match(CHANNEL_FIGURE) : null);
      const ownChannel = CHANNEL_WORDS.find((c) => c.re.test(m ? m[1] : part))?.channel ?? null;
      if (!m) {
        if (ownChannel) sentenceChannel = ownChannel;
        continue;
      }
      const before = m[1];
      if (/申请|答复|回应|解读|发布会|访谈|规章|规范性文件|提案|建议|复议|诉讼|收费|处罚|许可|培训|会议|浏览|访问|粉丝|关注|留言|咨询|审查|审核/.test(before))
        continue;
      const n = Number(m[2]);
      const approximate = Boolean(m[3]) || /近|约|超过|逾/.test(before.slice(-4));
      const allChannels = ALL_CHANNELS.test(before);
      // A channel named in the same clause, or earlier in the sentence unless the clause says
      // it is the body's whole proactive disclosure ("共…主动发布政府信息95条").
      const channel = allChannels ? null : (ownChannel ?? (/主动/.test(before) ? null : sentenceChannel));
      if (channel) {
        if (!approximate && result.byChannel[channel] === undefined) {
          result.byChannel[channel] = n;
          if (/主动/.test(before)) proactiveChannels.push(n);
        }
        continue;
      }
      if (!/主动|各类|共|累计|全年|年度|本年|合计|总计|政府信息/.test(before)) continue;
      if (approximate) {
        if (result.approximateTotal === null) result.approximateTotal = n;
      } else if (result.total === null) {
        result.total = n;
      }
    }
  }
  // A report that states its proactive disclosure through one channel only ("政府网站主动公开信息
  // 3239条") states its total; several channels without a total stay per-channel.
  if (result.total === null && result.approximateTotal === null && proactiveChannels.length === 1 && Object.keys(result.byChannel).length === 1) {
    result.total = proactiveChannels[0];
  }
  return result;
}

export interface ApplicationsProse {
  /** An exact count of new applications stated in prose. */
  count: number | null;
  /** The prose says no application was received. */
  saysNone: boolean;
  /** The prose speaks of receiving applications (with or without a number). */
  mentionsReceived: boolean;
}

export function applicationsFromProse(text: string): ApplicationsProse {
  const flat = text.replace(/\s+/g, '');
  const none =
    /(?:没有|未|无|未曾|尚未|均未)(?:收到|受理|接到|接收|发生|产生)(?:过)?(?:任何)?(?:公民|群众|申请人)?[^。，]{0,12}?(?:政府信息公开|信息公开|依申请公开)?(?:的)?申请/.test(
      flat,
    ) ||
    /(?:依申请公开|申请公开)(?:政府信息)?(?:数量|件数)?(?:为)?(?:0|零)件?/.test(flat) ||
    /(?:收到|受理)(?:政府信息公开|依申请公开)?申请(?:数量)?(?:为)?(?:0|零)件/.test(flat) ||
    /无(?:依申请公开|政府信息公开申请)/.test(flat);
  const countMatch = findApplicationCount(flat);
  const mentionsReceived = /(?:收到|受理|接到)[^。，]{0,10}申请/.test(flat);
  return { count: countMatch, saysNone: (none && countMatch === null) || countMatch === 0, mentionsReceived };
}

const NOT_AN_APPLICATION = /复议|诉讼|留言|咨询|信访|投诉|举报|建议|提案|热线|来电|来信|工单/;

/**
 * "共收到政府信息公开申请 21 件", "受理向市政府提出的信息公开申请176件", "共收到9份政府信息依申请公开事项":
 * a receiving verb, the word 申请 before or after the figure, and a counting unit.
 */
function findApplicationCount(flat: string): number | null {
  const before = /(?:收到|受理|接到|接收|新收|处理)([^。，；;\d]{0,24}?)(?:共计|共|合计|总计|为)?(\d+)(?:件|份|条|个|宗)/g;
  for (const m of flat.matchAll(before)) {
    if (/申请/.test(m[1]) && !NOT_AN_APPLICATION.test(m[1]) && !/结转/.test(m[1])) return Number(m[2]);
  }
  const after = /(?:收到|受理|接到|接收)(?:了)?(?:共计|共)?(\d+)(?:件|份|条|个)([^。，；;\d]{0,16})/g;
  for (const m of flat.matchAll(after)) {
    if (/申请/.test(m[2]) && !NOT_AN_APPLICATION.test(m[2])) return Number(m[1]);
  }
  return null;
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
