/**
 * Small synthetic 2021-template reports in tab-separated text, for tests that need control over
 * the figures (cross-year checks, duplicates). Not sample data: written to temp folders only.
 */

export interface SyntheticReport {
  organization: string;
  year: number;
  newReceived: number;
  carriedOver: number;
  /** 结转下年度; the granted count is chosen so that rule 1 holds within the year. */
  carriedForward: number;
  /** 行政规范性文件 [本年制发, 本年废止, 现行有效]. */
  normativeDocuments: [number, number, number];
  /** Extra words in the overview, to make two files of one report differ in bytes. */
  note?: string;
}

const OUTCOME_ROWS = [
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（三）不予公开\t1．属于国家秘密',
  '2．其他法律行政法规禁止公开',
  '3．危及“三安全一稳定”',
  '4．保护第三方合法权益',
  '5．属于三类内部事务信息',
  '6．属于四类过程性信息',
  '7．属于行政执法案卷',
  '8．属于行政查询事项',
  '（四）无法提供\t1．本机关不掌握相关政府信息',
  '2．没有现成信息需要另行制作',
  '3．补正后申请内容仍不明确',
  '（五）不予处理\t1．信访举报投诉类申请',
  '2．重复申请',
  '3．要求提供公开出版物',
  '4．无正当理由大量反复申请',
  '5．要求行政机关确认或重新出具已获取信息',
  '（六）其他处理\t1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3．其他',
];

/** One applicant column carries everything: 自然人 = 总计, the five organisation columns are 0. */
function row(label: string, value: number): string {
  return [label, value, 0, 0, 0, 0, 0, value].join('\t');
}

export function syntheticReportText(r: SyntheticReport): string {
  const processed = r.newReceived + r.carriedOver - r.carriedForward;
  const [issued, repealed, inForce] = r.normativeDocuments;
  return [
    `${r.organization}${r.year}年政府信息公开工作年度报告`,
    '',
    `本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。${r.note ?? ''}`,
    '一、总体情况',
    `${r.year}年，${r.organization}认真贯彻落实《条例》，全年共收到政府信息公开申请${r.newReceived}件。`,
    '二、主动公开政府信息情况',
    '第二十条第（一）项',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    '规章\t0\t0\t0',
    `行政规范性文件\t${issued}\t${repealed}\t${inForce}`,
    '第二十条第（五）项',
    '信息内容\t本年处理决定数量',
    '行政许可\t10',
    '第二十条第（六）项',
    '信息内容\t本年处理决定数量',
    '行政处罚\t5',
    '行政强制\t0',
    '第二十条第（八）项',
    '信息内容\t本年收费金额（单位：万元）',
    '行政事业性收费\t0',
    '三、收到和处理政府信息公开申请情况',
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    '申请人情况',
    '\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
    row('一、本年新收政府信息公开申请数量', r.newReceived),
    row('二、上年结转政府信息公开申请数量', r.carriedOver),
    `三、本年度办理结果\t${row(OUTCOME_ROWS[0], processed)}`,
    ...OUTCOME_ROWS.slice(1).map((label) => row(label, 0)),
    row('（七）总计', processed),
    row('四、结转下年度继续办理', r.carriedForward),
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议\t行政诉讼',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
    ['0\t0\t0\t0\t0', '0\t0\t0\t0\t0', '0\t0\t0\t0\t0'].join('\t'),
    '五、存在的主要问题及改进情况',
    '信息公开的及时性有待提高，下一步将加强培训。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    '',
    r.organization,
    `${r.year + 1}年1月20日`,
    '',
  ].join('\n');
}
