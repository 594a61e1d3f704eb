import 'server-only';
import { AppError } from '../errors';
import type { SearchParams } from '../search/params';
import { searchMany } from '../search/queries';
import { MAX_VALUES_PER_FACET } from '../search/settings';
import { aggregate, TruncatedFacetError } from './aggregate';
import { prepareStats } from './request';
import type { StatsResult } from './types';

/** The stats of every report a search matches: two counting searches in one round trip. */
export async function getStats(params: SearchParams): Promise<StatsResult> {
  const { query, regionFields, bodies } = prepareStats(params);
  const [all, failed] = await searchMany(bodies);
  try {
    return aggregate({ query, regionFields, all, failed, maxValuesPerFacet: MAX_VALUES_PER_FACET });
  } catch (error) {
    if (error instanceof TruncatedFacetError) {
      throw new AppError('internal:search', '统计范围太大，无法精确汇总，请缩小年份或地区范围。', { cause: error });
    }
    throw error;
  }
}
