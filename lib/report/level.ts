import type { Level } from './schema';

type PlaceLevel = 'province' | 'city' | 'county' | 'township' | null;

const TOWNSHIP = /(?:镇|乡|街道|街道办事处|办事处|苏木|民族乡)(?:人民政府|政府|党政办公室|党政办)?$/;
const OTHER_BODY = /开发区|高新区|新区|园区|工业园|管理委员会|管委会|示范区|试验区|综合服务中心/;
const GOVERNMENT = /^(.*?)(?:人民政府|政府|行政公署)$/;
const CENTRAL =
  /^(?:中华人民共和国|国务院|国家|中国|中央|海关总署|审计署)|^[^省市县区州旗盟]{1,12}部(?:办公厅)?$|^[^省市县区州旗盟]{1,8}部.{1,12}(?:局|委员会|中心)$/;

/**
 * The level of the reporting body, from its name and the division level of the place it names
 * (a 人民政府 of a 市 is a city; a 局 of a 县 is a county department).
 */
export function classifyLevel(organization: string | null, orgPlaceLevel: PlaceLevel, regionDepth: PlaceLevel): Level | null {
  const name = (organization ?? '').replace(/[（(][^）)]*[）)]$/, '');
  const place = orgPlaceLevel ?? null;
  if (name && (TOWNSHIP.test(name) || /街道办事处|^[^局委厅]*办事处/.test(name))) return 'township';
  // 浦东新区人民政府 and 滨海新区人民政府 are county-level governments, not development zones.
  const placeGovernment = Boolean(place) && /(?:人民政府|行政公署)$/.test(name) && !/管委会|管理委员会/.test(name);
  if (name && OTHER_BODY.test(name) && !placeGovernment) return 'other';
  if (name && !place && CENTRAL.test(name)) return 'central_department';
  if (place === 'township') return 'township';
  const gov = name.match(GOVERNMENT);
  const isGovernment = Boolean(gov) || (name.length > 0 && /^[^局委办厅院所中心部]*[省市县区州旗盟]$/.test(name));
  const base = place ?? regionDepth;
  if (!base) return name && CENTRAL.test(name) ? 'central_department' : null;
  if (base === 'township') return 'township';
  if (isGovernment) return base;
  return `${base}_department` as Level;
}
