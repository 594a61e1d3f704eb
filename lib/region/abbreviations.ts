/**
 * Province clues that are not division names.
 */

/**
 * Second-level labels of provincial portals under gov.cn (sd.gov.cn, js.gov.cn, gxzf.gov.cn …),
 * also seen as the parent of county portals (tunchang.hainan.gov.cn). Full-pinyin province
 * labels (hainan, henan, xizang…) are matched through the pinyin index instead.
 */
export const PROVINCE_DOMAINS: Record<string, string> = {
  bj: '11', beijing: '11',
  tj: '12', tianjin: '12',
  hebei: '13',
  shanxi: '14',
  nmg: '15', nmgov: '15',
  ln: '21', liaoning: '21',
  jl: '22', jilin: '22',
  hlj: '23',
  sh: '31', shanghai: '31',
  js: '32', jiangsu: '32',
  zj: '33', zhejiang: '33',
  ah: '34', anhui: '34',
  fj: '35', fujian: '35',
  jiangxi: '36',
  sd: '37', shandong: '37',
  henan: '41',
  hubei: '42',
  hunan: '43',
  gd: '44', guangdong: '44',
  gxzf: '45', gx: '45', guangxi: '45',
  hainan: '46',
  cq: '50', chongqing: '50',
  sc: '51', sichuan: '51',
  guizhou: '52',
  yn: '53', yunnan: '53',
  xizang: '54',
  shaanxi: '61',
  gansu: '62',
  qinghai: '63',
  nx: '64', ningxia: '64',
  xj: '65', xinjiang: '65',
};

/**
 * Two-letter province initials used as prefixes of county portal names
 * (xjyiwu.gov.cn = 新疆伊吾, bjxch.gov.cn = 北京西城, tjjz.gov.cn = 天津蓟州, gxgg.gov.cn = 广西贵港).
 * Ambiguous initials (hn: 河南/湖南/海南, hb: 河北/湖北, sx: 山西/陕西, gz) map to all.
 */
export const PROVINCE_PREFIXES: Record<string, string[]> = {
  bj: ['11'], tj: ['12'], hb: ['13', '42'], sx: ['14', '61'], nmg: ['15'], nm: ['15'], ln: ['21'], jl: ['22'],
  hlj: ['23'], sh: ['31'], js: ['32'], zj: ['33'], ah: ['34'], fj: ['35'], jx: ['36'], sd: ['37'], hn: ['41', '43', '46'],
  gd: ['44'], gx: ['45'], cq: ['50'], sc: ['51'], gz: ['52'], yn: ['53'], xz: ['54'], gs: ['62'], qh: ['63'],
  nx: ['64'], xj: ['65'],
};

/**
 * One-character province abbreviations as used in document numbers (鲁政办发〔2019〕3号,
 * 琼政务公开协办[2016]69号).
 */
export const DOC_ABBREVIATIONS: Record<string, string> = {
  京: '11', 津: '12', 冀: '13', 晋: '14', 蒙: '15', 辽: '21', 吉: '22', 黑: '23', 沪: '31', 苏: '32', 浙: '33',
  皖: '34', 闽: '35', 赣: '36', 鲁: '37', 豫: '41', 鄂: '42', 湘: '43', 粤: '44', 桂: '45', 琼: '46', 渝: '50',
  川: '51', 黔: '52', 云: '53', 滇: '53', 藏: '54', 陕: '61', 甘: '62', 青: '63', 宁: '64', 新: '65',
};
