/**
 * Synthetic reporting bodies at every level, named the way real reports name them
 * (沂源县张家坡镇人民政府, 淮安市洪泽区人民政府, 山东省教育厅, 淮安经济技术开发区管理委员会),
 * with the contact details a report prints.
 */
import type { Level } from '../../../lib/report/schema';
import type { Rng } from './random';
import { areaCodeFor, type CountyUnit, type Division, type ProvinceUnit, portalHost, postcodePrefixFor, stemOf } from './regions';

/** Every level of the report schema but central_department: the generator has no ministries. */
export type SynthLevel = Exclude<Level, 'central_department'>;

const LEVEL_WEIGHTS: Array<[SynthLevel, number]> = [
  ['township', 40],
  ['county', 12],
  ['county_department', 18],
  ['city', 5],
  ['city_department', 11],
  ['province', 2],
  ['province_department', 7],
  ['other', 5],
];

const COUNTY_DEPARTMENTS = [
  '人民政府办公室',
  '发展和改革局',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '林业局',
  '城市管理局',
  '行政审批服务局',
  '信访局',
];
const CITY_DEPARTMENTS = [
  '人民政府办公室',
  '发展和改革委员会',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化广电和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理局',
  '行政审批服务局',
  '民族宗教事务委员会',
  '人民防空办公室',
];
const PROVINCE_DEPARTMENTS = [
  '人民政府办公厅',
  '发展和改革委员会',
  '教育厅',
  '科学技术厅',
  '工业和信息化厅',
  '民族宗教事务委员会',
  '公安厅',
  '民政厅',
  '司法厅',
  '财政厅',
  '人力资源和社会保障厅',
  '自然资源厅',
  '生态环境厅',
  '住房和城乡建设厅',
  '交通运输厅',
  '水利厅',
  '农业农村厅',
  '商务厅',
  '文化和旅游厅',
  '卫生健康委员会',
  '退役军人事务厅',
  '应急管理厅',
  '审计厅',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '林业局',
  '体育局',
  '信访局',
];
const MUNICIPALITY_DEPARTMENTS = [
  '人民政府办公厅',
  '发展和改革委员会',
  '教育委员会',
  '科学技术委员会',
  '经济和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '规划和自然资源局',
  '生态环境局',
  '住房和城乡建设委员会',
  '交通委员会',
  '水务局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
];
const ROADS = [
  '人民路',
  '政通路',
  '建设路',
  '解放路',
  '中山路',
  '文化路',
  '府前街',
  '胜利路',
  '和平路',
  '新华路',
  '团结路',
  '迎宾大道',
  '振兴路',
  '长江路',
  '黄河路',
  '光明街',
  '幸福路',
  '育才路',
  '民主街',
  '朝阳路',
  '滨河路',
  '工业大道',
];
const DEVELOPMENT_ZONES_OF_CITY = ['经济技术开发区', '高新技术产业开发区', '综合保税区', '经济开发区'];
const DEVELOPMENT_ZONES_OF_COUNTY = ['经济开发区', '工业园区', '高新技术产业园区'];

export interface Body {
  id: string;
  organization: string;
  level: SynthLevel;
  province: string;
  city: string | null;
  county: string | null;
  township: string | null;
  /** Code of the finest division named in the ground truth. */
  regionCode: string;
  /** How the report refers to its own body: 我镇, 我局, 本机关. */
  self: string;
  /** A short name for prose: 张家坡镇, 县教育局. */
  shortName: string;
  /** The government portal that publishes the report, and its host. */
  portalName: string;
  portalHost: string;
  areaCode: string;
  phone: string;
  postcode: string;
  address: string;
  email: string | null;
  /** Departments must publish by 31 January since 2019; governments by 31 March. */
  department: boolean;
}

/** A government's name as printed: 海原县人民政府, 淮安市洪泽区人民政府, 北京市东城区人民政府. */
function countyPrefix(rng: Rng, province: ProvinceUnit, county: CountyUnit): string {
  if (county.zone) return county.name;
  if (!county.city) return province.municipality || rng.chance(0.3) ? `${province.name}${county.name}` : county.name;
  const district = county.name.endsWith('区');
  return rng.chance(district ? 0.7 : 0.15) ? `${county.city.name}${county.name}` : county.name;
}

function cityGovernment(city: Division): string {
  if (/地区$|盟$/.test(city.name)) return `${city.name}行政公署`;
  return `${city.name}人民政府`;
}

function selfOfPlace(name: string): string {
  const suffix = name.match(/(街道|苏木|自治州|自治县|自治旗|自治区|地区|林区|镇|乡|县|区|市|州|旗|盟|省)$/)?.[1] ?? '';
  const map: Record<string, string> = {
    街道: '我街道',
    苏木: '我苏木',
    自治州: '我州',
    自治县: '我县',
    自治旗: '我旗',
    自治区: '我区',
    地区: '我地区',
    林区: '我区',
    镇: '我镇',
    乡: '我乡',
    县: '我县',
    区: '我区',
    市: '我市',
    州: '我州',
    旗: '我旗',
    盟: '我盟',
    省: '我省',
  };
  return map[suffix] ?? '本机关';
}

function selfOfDepartment(rng: Rng, department: string): string {
  if (rng.chance(0.3)) return '本机关';
  if (/委员会$/.test(department)) return '我委';
  if (/厅$/.test(department)) return '我厅';
  if (/办公室$/.test(department)) return '我办';
  return '我局';
}

function phoneFor(rng: Rng, areaCode: string): string {
  const digits = areaCode.length === 3 || rng.chance(0.2) ? 8 : 7;
  let number = String(rng.int(2, 8));
  while (number.length < digits) number += String(rng.int(0, 9));
  return `${areaCode}-${number}`;
}

function pickLevel(rng: Rng, province: ProvinceUnit): SynthLevel {
  const level = rng.weighted(LEVEL_WEIGHTS);
  if (!province.municipality) return level;
  // Municipalities have no prefecture level: their districts are the next level down.
  if (level === 'city') return 'county';
  if (level === 'city_department') return rng.chance(0.5) ? 'county_department' : 'province_department';
  return level;
}

/** Where a body sits and what it calls itself; the contact details follow from it. */
interface Placement {
  organization: string;
  city: Division | null;
  county: CountyUnit | null;
  township: Division | null;
  self: string;
  shortName: string;
  /** The government whose portal publishes the report. */
  portal: Division;
  portalName: string;
  addressPrefix: string;
  department: boolean;
}

/** A new reporting body in the given province. */
export function makeBody(rng: Rng, province: ProvinceUnit, id: string, forcedLevel?: SynthLevel): Body {
  const level = forcedLevel ?? pickLevel(rng, province);
  const place = placeBody(rng, province, level);
  const { city, county, township } = place;
  // The draws below are made in this order; another order would change every corpus already written.
  const areaCode = areaCodeFor(province, city, county);
  const host = portalHost(place.portal, rng.chance(0.35));
  const postcode = `${rng.pick(postcodePrefixFor(province.code))}${String(rng.int(0, 9999)).padStart(4, '0')}`;
  const address = `${place.addressPrefix}${rng.pick(ROADS)}${rng.int(1, 299)}号`;
  const emailDomain = host.replace(/^www\./, '');
  return {
    id,
    organization: place.organization,
    level,
    province: province.name,
    city: city?.name ?? null,
    county: county?.name ?? null,
    township: township?.name ?? null,
    regionCode: (township ?? county ?? city ?? province).code,
    self: place.self,
    shortName: place.shortName,
    portalName: place.portalName,
    portalHost: host,
    areaCode,
    phone: phoneFor(rng, areaCode),
    postcode,
    address,
    email: rng.chance(0.4) ? `zwgk${rng.int(1, 99)}@${emailDomain}` : null,
    department: place.department,
  };
}

function placeBody(rng: Rng, province: ProvinceUnit, level: SynthLevel): Placement {
  switch (level) {
    case 'township':
      return townshipBody(rng, province);
    case 'county':
    case 'county_department':
      return countyBody(rng, province, level === 'county_department');
    case 'city':
    case 'city_department':
      return cityBody(rng, province, level === 'city_department');
    case 'province':
    case 'province_department':
      return provinceBody(rng, province, level === 'province_department');
    case 'other':
      return otherBody(rng, province);
  }
}

function townshipBody(rng: Rng, province: ProvinceUnit): Placement {
  const t = rng.pick(province.townships);
  const { county, city } = t;
  const own = t.name.endsWith('街道') ? `${t.name}办事处` : `${t.name}人民政府`;
  const prefix = county ? countyPrefix(rng, province, county) : city ? city.name : province.name;
  return {
    organization: rng.chance(0.1) ? own : `${prefix}${own}`,
    city,
    county,
    township: t,
    self: selfOfPlace(t.name),
    shortName: t.name,
    portal: county ?? city ?? province,
    portalName: county ? `${county.name}人民政府` : city ? cityGovernment(city) : `${province.name}人民政府`,
    addressPrefix: `${county?.name ?? city?.name ?? ''}${t.name}`,
    department: false,
  };
}

function countyBody(rng: Rng, province: ProvinceUnit, department: boolean): Placement {
  const county = rng.pick(province.counties);
  const government = countyPrefix(rng, province, county);
  const place = { city: county.city, county, township: null, portal: county, portalName: `${government}人民政府`, addressPrefix: county.name, department };
  if (!department) return { ...place, organization: `${government}人民政府`, self: selfOfPlace(county.name), shortName: county.name };
  const dept = rng.pick(COUNTY_DEPARTMENTS);
  return {
    ...place,
    organization: `${government}${dept}`,
    self: selfOfDepartment(rng, dept),
    shortName: `${county.name.slice(-1)}${dept.replace(/^人民政府/, '政府')}`,
  };
}

function cityBody(rng: Rng, province: ProvinceUnit, department: boolean): Placement {
  const city = rng.pick(province.cities);
  const place = { city, county: null, township: null, portal: city, portalName: cityGovernment(city), addressPrefix: city.name, department };
  if (!department) return { ...place, organization: cityGovernment(city), self: selfOfPlace(city.name), shortName: city.name };
  const dept = rng.pick(CITY_DEPARTMENTS);
  const government = /地区$|盟$/.test(city.name) ? `${city.name}行政公署` : city.name;
  return {
    ...place,
    organization: dept.startsWith('人民政府') && /行政公署$/.test(government) ? `${government}办公室` : `${government}${dept}`,
    self: selfOfDepartment(rng, dept),
    shortName: `市${dept.replace(/^人民政府/, '政府')}`,
  };
}

function provinceBody(rng: Rng, province: ProvinceUnit, department: boolean): Placement {
  const place = {
    city: null,
    county: null,
    township: null,
    portal: province,
    portalName: `${province.name}人民政府`,
    addressPrefix: province.municipality ? province.name : (province.cities[0]?.name ?? province.name),
    department,
  };
  if (!department) return { ...place, organization: `${province.name}人民政府`, self: selfOfPlace(province.name), shortName: province.name };
  const dept = rng.pick(province.municipality ? MUNICIPALITY_DEPARTMENTS : PROVINCE_DEPARTMENTS);
  const prefix = province.municipality ? '市' : province.name.endsWith('自治区') ? '自治区' : '省';
  return { ...place, organization: `${province.name}${dept}`, self: selfOfDepartment(rng, dept), shortName: `${prefix}${dept.replace(/^人民政府/, '政府')}` };
}

/** Development zones: one the division list carries at county level, or one named after a county, city or municipality. */
function otherBody(rng: Rng, province: ProvinceUnit): Placement {
  const listedZone = province.zones.length > 0 && rng.chance(0.4);
  const countyBased = !listedZone && !province.municipality && rng.chance(0.4);
  const zone = listedZone ? listedZoneBody(rng, province) : countyBased ? countyZoneBody(rng, province) : cityZoneBody(rng, province);
  return {
    ...zone,
    township: null,
    self: rng.chance(0.5) ? '管委会' : '本机关',
    shortName: zone.organization.replace(/管理委员会$/, ''),
    department: false,
  };
}

type ZonePlacement = Omit<Placement, 'township' | 'self' | 'shortName' | 'department'>;

/** A zone the division list carries at county level: the ground truth names it as the county. */
function listedZoneBody(rng: Rng, province: ProvinceUnit): ZonePlacement {
  const county = rng.pick(province.zones);
  const city = county.city;
  return {
    organization: county.name.endsWith('管委会') ? county.name : `${county.name}管理委员会`,
    city,
    county,
    portal: county,
    portalName: city ? cityGovernment(city) : `${province.name}人民政府`,
    addressPrefix: county.name,
  };
}

function countyZoneBody(rng: Rng, province: ProvinceUnit): ZonePlacement {
  const county = rng.pick(province.counties);
  return {
    organization: `${county.name}${rng.pick(DEVELOPMENT_ZONES_OF_COUNTY)}管理委员会`,
    city: county.city,
    county,
    portal: county,
    portalName: `${county.name}人民政府`,
    addressPrefix: county.name,
  };
}

function cityZoneBody(rng: Rng, province: ProvinceUnit): ZonePlacement {
  if (province.municipality) {
    const organization = `${stemOf(province.name)}${rng.pick(DEVELOPMENT_ZONES_OF_CITY)}管理委员会`;
    return { organization, city: null, county: null, portal: province, portalName: `${province.name}人民政府`, addressPrefix: province.name };
  }
  const city = rng.pick(province.cities);
  const organization = `${stemOf(city.name)}${rng.pick(DEVELOPMENT_ZONES_OF_CITY)}管理委员会`;
  return { organization, city, county: null, portal: city, portalName: cityGovernment(city), addressPrefix: city.name };
}
