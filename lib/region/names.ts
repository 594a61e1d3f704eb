/**
 * Division-name morphology: split a standard division name into a stem and a suffix
 * ('文登区' → '文登' + '区'; '化隆回族自治县' → '化隆' + '回族自治县'), and classify the
 * suffixes that follow a stem in running text.
 *
 * Shared by the runtime index (data.ts) and the pinyin generator (build-pinyin.ts).
 */
import type { DivisionLevel } from './types.ts';

/** The 55 minority nationalities that occur in autonomous-area names (longest first in the regex). */
const ETHNIC_GROUPS = [
  '柯尔克孜',
  '乌孜别克',
  '维吾尔',
  '哈萨克',
  '达斡尔',
  '塔吉克',
  '俄罗斯',
  '鄂温克',
  '塔塔尔',
  '鄂伦春',
  '蒙古',
  '布依',
  '朝鲜',
  '土家',
  '哈尼',
  '傈僳',
  '高山',
  '拉祜',
  '东乡',
  '纳西',
  '景颇',
  '仫佬',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '德昂',
  '保安',
  '裕固',
  '独龙',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '回',
  '藏',
  '苗',
  '彝',
  '壮',
  '满',
  '侗',
  '瑶',
  '白',
  '傣',
  '黎',
  '佤',
  '畲',
  '水',
  '土',
  '羌',
  '怒',
  '京',
];
const ETH = `(?:(?:${ETHNIC_GROUPS.join('|')})族?)`;
/** e.g. '回族自治县', '土家族苗族自治州', '蒙古自治州', '藏族乡', '满族镇', '民族乡' */
const ETHNIC_AUTONOMOUS_RE = new RegExp(`^(.+?)(${ETH}+自治(?:区|州|县|旗))$`);
const ETHNIC_ONLY_AUTONOMOUS_RE = new RegExp(`^(${ETHNIC_GROUPS.join('|')})族?(自治(?:县|旗))$`);
const ETHNIC_TOWNSHIP_RE = new RegExp(`^(.+?)((?:(?:(?:${ETHNIC_GROUPS.join('|')})族)+|民族)(?:乡|镇|苏木))$`);

export interface NameParts {
  stem: string | null; // null when the name has no usable stem (under 2 characters, or no known suffix)
  suffix: string;
  /** the plain short suffix used colloquially for autonomous areas: 自治县→县, 自治州→州, 自治旗→旗, 民族乡→乡 */
  shortSuffix: string | null;
}

const PROVINCE_SUFFIXES = ['特别行政区', '自治区', '省', '市'];
const CITY_SUFFIXES = ['地区', '盟', '市', '州'];
const COUNTY_SUFFIXES = ['林区', '特区', '新区', '县', '区', '市', '旗'];
const TOWNSHIP_SUFFIXES = ['街道办事处', '街道', '办事处', '地区', '镇', '乡', '苏木'];

function stemOr(stem: string, minStem: number): string | null {
  return stem.length >= minStem ? stem : null;
}

export function splitName(name: string, level: DivisionLevel, minStem = 2): NameParts {
  if (level === 'township') {
    // fast path for the 41k townships: plain 镇/乡/街道 names without an ethnic part
    const last = name.charCodeAt(name.length - 1);
    if ((last === 0x9547 /* 镇 */ || last === 0x4e61) /* 乡 */ && !name.includes('族')) {
      return { stem: stemOr(name.slice(0, -1), minStem), suffix: name.slice(-1), shortSuffix: null };
    }
    if (name.endsWith('街道') && !name.endsWith('街道办事处')) {
      return { stem: stemOr(name.slice(0, -2), minStem), suffix: '街道', shortSuffix: null };
    }
  }
  if ((level === 'province' || level === 'city' || level === 'county') && name.includes('自治')) {
    const m = ETHNIC_AUTONOMOUS_RE.exec(name);
    // (内蒙古自治区 is 内蒙古 + 自治区, not 内 + 蒙古自治区)
    if (m && m[1].length >= 2) {
      const suffix = m[2];
      const short = suffix.endsWith('州') ? '州' : suffix.endsWith('县') ? '县' : suffix.endsWith('旗') ? '旗' : null;
      return { stem: stemOr(m[1], minStem), suffix, shortSuffix: short };
    }
    const e = ETHNIC_ONLY_AUTONOMOUS_RE.exec(name); // 鄂伦春自治旗, 鄂温克族自治旗
    if (e) return { stem: e[1], suffix: name.slice(e[1].length), shortSuffix: e[2].endsWith('旗') ? '旗' : '县' };
  }
  if (level === 'township' && (name.includes('族') || name.includes('民族'))) {
    const m = ETHNIC_TOWNSHIP_RE.exec(name);
    if (m) return { stem: stemOr(m[1], minStem), suffix: m[2], shortSuffix: m[2].slice(-1) === '木' ? '苏木' : m[2].slice(-1) };
  }
  const list = level === 'province' ? PROVINCE_SUFFIXES : level === 'city' ? CITY_SUFFIXES : level === 'county' ? COUNTY_SUFFIXES : TOWNSHIP_SUFFIXES;
  for (const s of list) {
    if (name.length > s.length && name.endsWith(s)) {
      return { stem: stemOr(name.slice(0, -s.length), minStem), suffix: s, shortSuffix: null };
    }
  }
  return { stem: null, suffix: '', shortSuffix: null };
}

/** Level class of a suffix found in running text after a stem. */
export type SuffixClass = 'province' | 'city' | 'county' | 'cityOrCounty' | 'township';

const TEXT_SUFFIX_RE = new RegExp(
  `^(?:(${ETH}+自治(?:区|州|县|旗))|((?:${ETH}+|民族)(?:乡|镇|苏木))|(特别行政区|自治区|街道办事处|街道|办事处|苏木|地区|林区|特区|省|市|州|盟|县|区|旗|镇|乡))`,
);

/** Classify the text right after a stem. Returns the printed suffix and its level class, or null. */
export function readSuffix(text: string, at: number): { suffix: string; cls: SuffixClass } | null {
  const m = TEXT_SUFFIX_RE.exec(text.slice(at, at + 24));
  if (!m) return null;
  if (m[1]) {
    const s = m[1];
    return { suffix: s, cls: s.endsWith('区') ? 'province' : s.endsWith('州') ? 'city' : 'county' };
  }
  if (m[2]) return { suffix: m[2], cls: 'township' };
  const s = m[3];
  switch (s) {
    case '特别行政区':
    case '自治区':
    case '省':
      return { suffix: s, cls: 'province' };
    case '地区':
    case '州':
    case '盟':
      return { suffix: s, cls: 'city' };
    case '市':
      return { suffix: s, cls: 'cityOrCounty' };
    case '林区':
    case '特区':
    case '县':
    case '区':
    case '旗':
      return { suffix: s, cls: 'county' };
    default:
      return { suffix: s, cls: 'township' }; // 街道办事处 街道 办事处 苏木 镇 乡
  }
}

/**
 * Stems that are ordinary words in government prose. A county or city stem in this list is
 * only recognised with a suffix (和平区, 复兴区, 公安县), never alone.
 */
export const COMMON_WORD_STEMS = new Set(
  (
    '和平 复兴 新华 长安 振兴 解放 公安 资源 合作 共和 平安 光明 友谊 友好 前进 东风 新兴 团结 红旗 向阳 建设 ' +
    '发展 文明 工农 爱民 民主 中心 城关 城区 城中 城东 城西 城南 城北 市中 市南 市北 新城 新区 新市 西市 东方 ' +
    '中原 天山 南山 青山 白云 东山 西山 大方 永安 安定 宏伟 太平 太和 同心 同德 比如 长寿 永兴 新建 江南 江北 ' +
    '河东 河西 河口 港口 大观 大同 中山 天桥 二道 元宝 白塔 灯塔 龙山 大安 东安 阳明 方正 建华 兴安 宝山 ' +
    '新田 永丰 泰和 万安 安福 永新 乐安 东乡 安源 庐山 东湖 平原 老城 新安 卫东 文峰 北关 山城 中站 建安 湖滨 ' +
    '平桥 江岸 江汉 京山 天心 雨花 石峰 天元 双清 北塔 云溪 君山 石门 资阳 北湖 嘉禾 黄埔 福田 三水 高明 ' +
    '江海 江城 清城 七星 永福 兴业 北流 钟山 合山 大新 天等 南岸 城口 金牛 新都 仁和 朝天 安居 大英 南部 ' +
    '前锋 名山 南明 水城 金沙 福泉 独山 盘龙 东川 富民 安宁 马龙 通海 古城 永平 红河 安多 尼玛 太白 宝塔 ' +
    '延长 黄龙 平川 清水 乌兰 永宁 温泉 双河 新星 白杨 沙市 临江 富裕 长顺 龙里 万山 江口 施秉 天柱 ' +
    '金川 小金 黑水 九龙 新龙 天长 明光 青阳 宁国 广德 古田 高安 万年 德兴 海港 运河 桥东 桥西 路南 路北 ' +
    '双桥 回民 红山 松山 铁西 铁东 东河 九原 西岗 立山 千山 站前 老边 太湖 西湖 滨江 上城 三门 天台 ' +
    '普陀 鼓楼 六合 东海 南湖 长兴 江山 黄山 三元 大田 金门 平和 华安 延平 新罗 东宝 团风 长治 安康 来宾 大庆 ' +
    '开发 人民 政府 东区 西区 南区 北区 中区 郊区 矿区 和政 惠民 开平 威信 政和 南和 定结 民和 安平 和顺 永和 新和 ' +
    '长乐 安福 宁安 富民 安居 乐业 同仁 仁和 和静 大名 大同 平和 安远 大安 通道 公安'
  ).split(/\s+/),
);

/**
 * The ways a division's name is printed in running text: the full name, the colloquial short form
 * (甘南州 for 甘南藏族自治州, 化隆县), and, for provinces and prefectures, the bare stem (甘南, 宝鸡).
 */
export function printedForms(name: string, level: DivisionLevel): string[] {
  const forms = [name];
  const { stem, shortSuffix } = splitName(name, level);
  if (stem && shortSuffix) forms.push(stem + shortSuffix);
  if (stem && (level === 'province' || level === 'city') && !COMMON_WORD_STEMS.has(stem)) forms.push(stem);
  return forms;
}
