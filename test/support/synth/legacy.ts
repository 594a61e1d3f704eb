/**
 * The pre-2019 统计表 (统计指标 · 单位 · 统计数), with the rows of the tables real reports attached
 * (see seed 003), filled consistently with the prose figures of the same report.
 */
import type { ProactiveFigures } from './figures';
import { type Rng, splitByWeight } from './random';
import type { Scale } from './scales';

interface LegacyRow {
  label: string;
  unit: string;
  value: number | null;
  /** 0 for 一、…, 1 for （一）…, 2 for 1.…, 3 for 其中… */
  indent: number;
}

export interface LegacyFigures {
  rows: LegacyRow[];
  applications: number;
  reconsiderations: number;
  lawsuits: number;
}

export function generateLegacy(rng: Rng, scale: Scale, proactive: ProactiveFigures, feesYuan: number): LegacyFigures {
  const applications = rng.chance(scale.noApplications) ? 0 : rng.logInt(scale.applications[0], scale.applications[1]);
  const channels = splitByWeight(rng, applications, [20, 3, 55, 15, 7]);
  const late = applications > 0 && rng.chance(0.2) ? rng.int(0, Math.ceil(applications * 0.05)) : 0;
  const answers = splitByWeight(rng, applications, [25, 40, 6, 5, 8, 10, 3, 3]);
  const refusedReasons = splitByWeight(rng, answers[3], [1, 3, 3, 1, 4, 2]);
  const reconsiderations = rng.chance(scale.review) ? rng.logInt(1, scale.reviewMax) : 0;
  const review = splitByWeight(rng, reconsiderations, [70, 10, 20]);
  const lawsuits = rng.chance(scale.review * 0.6) ? rng.logInt(1, scale.reviewMax) : 0;
  const lawsuit = splitByWeight(rng, lawsuits, [70, 10, 20]);
  const normative = rng.int(scale.normative[0], scale.normative[1]);
  const staff = rng.int(1, 6);
  const fullTime = rng.int(0, staff);
  const row = (label: string, unit: string, value: number | null, indent: number): LegacyRow => ({ label, unit, value, indent });
  const rows: LegacyRow[] = [
    row('一、主动公开情况', '', null, 0),
    row('（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', proactive.total, 1),
    row('其中：主动公开规范性文件数', '条', normative, 3),
    row('制发规范性文件总数', '件', normative + rng.int(0, 3), 3),
    row('（二）通过不同渠道和方式公开政府信息的情况', '', null, 1),
    row('1.政府公报公开政府信息数', '条', scale.regulations ? rng.int(10, 300) : 0, 2),
    row('2.政府网站公开政府信息数', '条', proactive.website, 2),
    row('3.政务微博公开政府信息数', '条', proactive.weibo ?? 0, 2),
    row('4.政务微信公开政府信息数', '条', proactive.wechat ?? 0, 2),
    row('5.其他方式公开政府信息数', '条', proactive.bulletinBoard ?? 0, 2),
    row('二、回应解读情况', '', null, 0),
    row('（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '次', rng.int(0, 30), 1),
    row('（二）通过不同渠道和方式回应解读的情况', '', null, 1),
    row('1.参加或举办新闻发布会总次数', '次', rng.int(0, 12), 2),
    row('2.政府网站在线访谈次数', '次', rng.int(0, 6), 2),
    row('3.政策解读稿件发布数', '篇', rng.int(0, 40), 2),
    row('4.微博微信回应事件数', '次', rng.int(0, 20), 2),
    row('三、依申请公开情况', '', null, 0),
    row('（一）收到申请数', '件', applications, 1),
    row('1.当面申请数', '件', channels[0], 2),
    row('2.传真申请数', '件', channels[1], 2),
    row('3.网络申请数', '件', channels[2], 2),
    row('4.信函申请数', '件', channels[3], 2),
    row('5.其他形式', '件', channels[4], 2),
    row('（二）申请办结数', '件', applications, 1),
    row('1.按时办结数', '件', applications - late, 2),
    row('2.延期办结数', '件', late, 2),
    row('（三）申请答复数', '件', applications, 1),
    row('1.属于已主动公开范围数', '件', answers[0], 2),
    row('2.同意公开答复数', '件', answers[1], 2),
    row('3.同意部分公开答复数', '件', answers[2], 2),
    row('4.不同意公开答复数', '件', answers[3], 2),
    row('其中：涉及国家秘密', '件', refusedReasons[0], 3),
    row('涉及商业秘密', '件', refusedReasons[1], 3),
    row('涉及个人隐私', '件', refusedReasons[2], 3),
    row('危及国家安全、公共安全、经济安全和社会稳定', '件', refusedReasons[3], 3),
    row('不是《条例》所指政府信息', '件', refusedReasons[4], 3),
    row('法律法规规定的其他情形', '件', refusedReasons[5], 3),
    row('5.不属于本行政机关公开数', '件', answers[4], 2),
    row('6.申请信息不存在数', '件', answers[5], 2),
    row('7.告知作出更改补充数', '件', answers[6], 2),
    row('8.告知通过其他途径办理数', '件', answers[7], 2),
    row('四、行政复议数量', '件', reconsiderations, 0),
    row('（一）维持具体行政行为数', '件', review[0], 1),
    row('（二）被依法纠错数', '件', review[1], 1),
    row('（三）其他情形数', '件', review[2], 1),
    row('五、行政诉讼数量', '件', lawsuits, 0),
    row('（一）维持具体行政行为或者驳回原告诉讼请求数', '件', lawsuit[0], 1),
    row('（二）被依法纠错数', '件', lawsuit[1], 1),
    row('（三）其他情形数', '件', lawsuit[2], 1),
    row('六、被举报投诉数量', '件', 0, 0),
    row('七、依申请公开信息收取的费用', '万元', feesYuan / 10000, 0),
    row('八、机构建设和保障经费情况', '', null, 0),
    row('（一）政府信息公开工作专门机构数', '个', rng.int(0, 2), 1),
    row('（二）设置政府信息公开查阅点数', '个', rng.int(1, 5), 1),
    row('（三）从事政府信息公开工作人员数', '人', staff, 1),
    row('1.专职人员数（不包括政府公报及政府网站工作人员数）', '人', fullTime, 2),
    row('2.兼职人员数', '人', staff - fullTime, 2),
    row('九、政府信息公开会议和培训情况', '', null, 0),
    row('（一）召开政府信息公开工作会议或专题会议数', '次', rng.int(0, 6), 1),
    row('（二）举办各类培训班数', '次', rng.int(0, 5), 1),
    row('（三）接受培训人员数', '人次', rng.int(0, 300), 1),
  ];
  return { rows, applications, reconsiderations, lawsuits };
}
