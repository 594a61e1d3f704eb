import { timeliness } from '../report/deadline';
import type { Level } from '../report/schema';
import { CHANNELS, OUTCOME_KEYS, REVIEW_KEYS, type RegionField, type ReportDocument } from '../report/schema';

/**
 * Sums from facet counts: how /stats adds up figures inside Meilisearch.
 *
 * Meilisearch counts facet values exactly but cannot sum a field. So at index time each report
 * also carries its figures written out in binary, one facet value per set bit: a report of 2023
 * with 13 new applications (binary 1101) gets `2023|an|0`, `2023|an|2`, `2023|an|3`, plus
 * `2023|an|n` ("this report states the figure"). For any search, the facet distribution of that
 * field then gives, for each bit, how many matching reports have it set, and
 *
 *     sum of the figure over the matching reports = Σ_bit count(bit) × 2^bit
 *
 * exactly, whatever the query, filters or collection size — one search answers every sum of every
 * year at once, and no cache can go stale. A report adds ~5 values per figure; the field's distinct
 * values stay few (years × figures × bits, a few thousand), so counting them is cheap for the
 * engine. The same is done per region, one field per level (`rollupCity|` etc.), for the breakdown
 * one level below the current filter. Failed checks are not encoded: cross-year checks change
 * them after indexing, so they are counted with a `hasFailedChecks = true` search instead.
 */

/** The per-year field and the per-region fields (by the region level they break down). */
export const ROLLUP_FIELD = 'rollup';
export const REGION_ROLLUP_FIELDS = {
  province: 'rollupProvince',
  city: 'rollupCity',
  county: 'rollupCounty',
  township: 'rollupTownship',
} as const satisfies Record<RegionField, string>;
export const ALL_ROLLUP_FIELDS = [ROLLUP_FIELD, ...Object.values(REGION_ROLLUP_FIELDS)] as const;
type RollupFieldName = (typeof ALL_ROLLUP_FIELDS)[number];

/** Figures summed per year, with short codes (they are repeated in every facet value). */
const YEAR_FIGURES = {
  pt: (d: RollupSource) => d.proactive.total,
  ...Object.fromEntries(CHANNELS.map((c) => [`c.${c}`, (d: RollupSource) => d.proactive.byChannel[c] ?? null])),
  an: (d: RollupSource) => d.applications.newReceived,
  ...Object.fromEntries(OUTCOME_KEYS.map((k) => [`o.${k}`, (d: RollupSource) => d.applications.outcomes[k]])),
  ...Object.fromEntries(REVIEW_KEYS.map((k) => [`r.${k}`, (d: RollupSource) => d.review[k]])),
} as Record<string, (d: RollupSource) => number | null | undefined>;

/** Figures summed per region. */
const REGION_FIGURES = {
  pt: (d: RollupSource) => d.proactive.total,
  an: (d: RollupSource) => d.applications.newReceived,
} as Record<string, (d: RollupSource) => number | null | undefined>;

/** Flags counted (0/1) per year and per region: publication date known, and after the deadline. */
export const FLAG_DATED = 'dated';
export const FLAG_LATE = 'late';

export type RollupSource = Pick<
  ReportDocument,
  'year' | 'level' | 'publishedAt' | 'province' | 'city' | 'county' | 'township' | 'proactive' | 'applications' | 'review'
>;

export type RollupFields = Record<RollupFieldName, string[]>;

/** Facet values never hold these; a region name with one is left out of the breakdown. */
const SEPARATOR = '|';
/** 2^40 ≈ 1.1e12: far above any stated figure, and sums stay exact in a double. */
const MAX_BITS = 40;

function pushBits(out: string[], prefix: string, value: number | null | undefined): void {
  if (value === null || value === undefined || !Number.isInteger(value) || value < 0) return;
  out.push(`${prefix}${SEPARATOR}n`);
  let rest = value;
  for (let bit = 0; rest > 0 && bit < MAX_BITS; bit++) {
    if (rest % 2 === 1) out.push(`${prefix}${SEPARATOR}${bit}`);
    rest = Math.floor(rest / 2);
  }
}

function timelinessFlags(doc: RollupSource): { dated: boolean; late: boolean } {
  const t = timeliness({ year: doc.year, level: doc.level as Level | null, publishedAt: doc.publishedAt });
  return { dated: t.status === 'on-time' || t.status === 'late', late: t.status === 'late' };
}

/** The rollup facet values of one report. */
export function rollupFieldsOf(doc: RollupSource): RollupFields {
  const flags = timelinessFlags(doc);
  const yearValues: string[] = [];
  if (doc.year !== null) {
    for (const [code, read] of Object.entries(YEAR_FIGURES)) pushBits(yearValues, `${doc.year}${SEPARATOR}${code}`, read(doc));
    if (flags.dated) yearValues.push(`${doc.year}${SEPARATOR}${FLAG_DATED}`);
    if (flags.late) yearValues.push(`${doc.year}${SEPARATOR}${FLAG_LATE}`);
  }
  const fields = { [ROLLUP_FIELD]: yearValues } as RollupFields;
  for (const [level, field] of Object.entries(REGION_ROLLUP_FIELDS) as Array<[RegionField, RollupFieldName]>) {
    const name = doc[level];
    const values: string[] = [];
    if (name && !name.includes(SEPARATOR)) {
      for (const [code, read] of Object.entries(REGION_FIGURES)) pushBits(values, `${name}${SEPARATOR}${code}`, read(doc));
      if (flags.dated) values.push(`${name}${SEPARATOR}${FLAG_DATED}`);
      if (flags.late) values.push(`${name}${SEPARATOR}${FLAG_LATE}`);
    }
    fields[field] = values;
  }
  return fields;
}

/** A summed figure read back from a facet distribution. */
export interface Summed {
  sum: number;
  reports: number;
}

/**
 * Read a rollup field's facet distribution back into sums: key → code → {sum, reports}, where key
 * is the year or the region name, and flags (`dated`, `late`) come back as `reports` counts.
 */
export function sumsFromDistribution(distribution: Record<string, number> | undefined): Map<string, Map<string, Summed>> {
  const out = new Map<string, Map<string, Summed>>();
  for (const [value, count] of Object.entries(distribution ?? {})) {
    const last = value.lastIndexOf(SEPARATOR);
    if (last <= 0) continue;
    const tail = value.slice(last + 1);
    let key: string;
    let code: string;
    if (tail === FLAG_DATED || tail === FLAG_LATE) {
      key = value.slice(0, last);
      code = tail;
    } else {
      const middle = value.lastIndexOf(SEPARATOR, last - 1);
      if (middle <= 0) continue;
      key = value.slice(0, middle);
      code = value.slice(middle + 1, last);
    }
    let codes = out.get(key);
    if (!codes) {
      codes = new Map();
      out.set(key, codes);
    }
    const summed = codes.get(code) ?? { sum: 0, reports: 0 };
    if (tail === 'n' || tail === FLAG_DATED || tail === FLAG_LATE) summed.reports += count;
    else {
      const bit = Number(tail);
      if (!Number.isInteger(bit) || bit < 0 || bit >= MAX_BITS) continue;
      summed.sum += count * 2 ** bit;
    }
    codes.set(code, summed);
  }
  return out;
}
