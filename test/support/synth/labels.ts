/**
 * The printed labels of the official templates (DOMAIN.md), exactly as the forms print them.
 * Row keys follow lib/report's application-table keys so ground truth and parser output line up.
 */

export const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
/** Index of the 总计 column in a row's values. */
export const TOTAL_COLUMN = 6;

export const APPLICATION_CHECK_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const RESULTS_GROUP = '三、本年度办理结果';

export interface ApplicationRowDef {
  key: string;
  /** The row's own label (a sub-row's 1.… label, or the whole label of a plain row). */
  label: string;
  /** The merged label of its group: （三）不予公开, （四）无法提供 …; null for plain rows. */
  group: string | null;
  /** true for the rows that rule 2 adds up: the outcome rows of 三、本年度办理结果. */
  outcome: boolean;
}

const HEAD: ApplicationRowDef[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', group: null, outcome: false },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', group: null, outcome: false },
  { key: 'granted', label: '（一）予以公开', group: null, outcome: true },
  { key: 'partiallyGranted', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', group: null, outcome: true },
  { key: 'refusedStateSecret', label: '1.属于国家秘密', group: '（三）不予公开', outcome: true },
  { key: 'refusedProhibited', label: '2.其他法律行政法规禁止公开', group: '（三）不予公开', outcome: true },
  { key: 'refusedSecurity', label: '3.危及“三安全一稳定”', group: '（三）不予公开', outcome: true },
  { key: 'refusedThirdParty', label: '4.保护第三方合法权益', group: '（三）不予公开', outcome: true },
  { key: 'refusedInternal', label: '5.属于三类内部事务信息', group: '（三）不予公开', outcome: true },
  { key: 'refusedProcess', label: '6.属于四类过程性信息', group: '（三）不予公开', outcome: true },
  { key: 'refusedEnforcement', label: '7.属于行政执法案卷', group: '（三）不予公开', outcome: true },
  { key: 'refusedQuery', label: '8.属于行政查询事项', group: '（三）不予公开', outcome: true },
  { key: 'unableNotHeld', label: '1.本机关不掌握相关政府信息', group: '（四）无法提供', outcome: true },
  { key: 'unableNeedsCreation', label: '2.没有现成信息需要另行制作', group: '（四）无法提供', outcome: true },
  { key: 'unableUnclear', label: '3.补正后申请内容仍不明确', group: '（四）无法提供', outcome: true },
  { key: 'notProcessedPetition', label: '1.信访举报投诉类申请', group: '（五）不予处理', outcome: true },
  { key: 'notProcessedRepeated', label: '2.重复申请', group: '（五）不予处理', outcome: true },
  { key: 'notProcessedPublication', label: '3.要求提供公开出版物', group: '（五）不予处理', outcome: true },
  { key: 'notProcessedMassRepeated', label: '4.无正当理由大量反复申请', group: '（五）不予处理', outcome: true },
  { key: 'notProcessedConfirmation', label: '5.要求行政机关确认或重新出具已获取信息', group: '（五）不予处理', outcome: true },
];
const OTHER_2021: ApplicationRowDef[] = [
  {
    key: 'otherNoCorrection',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    group: '（六）其他处理',
    outcome: true,
  },
  {
    key: 'otherUnpaidFee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    group: '（六）其他处理',
    outcome: true,
  },
  { key: 'otherOther', label: '3.其他', group: '（六）其他处理', outcome: true },
];
const OTHER_2019: ApplicationRowDef[] = [{ key: 'otherProcessed', label: '（六）其他处理', group: null, outcome: true }];
const TAIL: ApplicationRowDef[] = [
  { key: 'total', label: '（七）总计', group: null, outcome: false },
  { key: 'carriedForward', label: '四、结转下年度继续办理', group: null, outcome: false },
];

/** 2021 template: 25 rows. */
export const APPLICATION_ROWS_2021: ApplicationRowDef[] = [...HEAD, ...OTHER_2021, ...TAIL];
/** 2019 template: one （六）其他处理 row, 23 rows. */
export const APPLICATION_ROWS_2019: ApplicationRowDef[] = [...HEAD, ...OTHER_2019, ...TAIL];

/** Rows inside 三、本年度办理结果 (outcomes and 总计): printed with the vertical group label. */
export function inResultsGroup(key: string): boolean {
  return key !== 'newReceived' && key !== 'carriedOver' && key !== 'carriedForward';
}

export const REVIEW_GROUPS = ['行政复议', '未经复议直接起诉', '复议后起诉'] as const;
export const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;

export const NOTICE_2021 = '国办公开办函〔2021〕30号';
export const NOTICE_2019 = '国办公开办函〔2019〕60号';

export const SECTION_TITLES_2019 = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
] as const;

/** The pre-2019 outline (概述 / 主动公开 / 依申请公开 / 收费及减免 / 复议诉讼 / 问题及改进). */
export const SECTION_TITLES_PRE2019 = [
  '概述',
  '主动公开政府信息情况',
  '依申请公开政府信息情况',
  '政府信息公开的收费及减免情况',
  '因政府信息公开申请行政复议、提起行政诉讼的情况',
  '存在的主要问题及改进措施',
] as const;
