import 'server-only';
import { MAX_VALUES_PER_FACET } from '../document/settings';
import { AppError } from '../errors';
import type { SearchParams } from '../search/params';
import { cachedAnswer, searchMany } from '../search/queries';
import { aggregate, TruncatedFacetError } from './aggregate';
import { prepareStats, regionFollowUp } from './request';
import type { StatsResult } from './types';

/** The stats of every report a search matches: two counting searches in one round trip (a third for a municipality's counties). */
export async function getStats(params: SearchParams): Promise<StatsResult> {
  const prepared = prepareStats(params);
  return cachedAnswer({ stats: prepared.bodies, query: prepared.query }, () => runStats(prepared));
}

async function runStats(prepared: ReturnType<typeof prepareStats>): Promise<StatsResult> {
  const { query, regionFields, bodies } = prepared;
  const [all, failed] = await searchMany(bodies);
  const followUp = regionFollowUp(prepared, all);
  if (followUp) {
    const [more] = await searchMany([followUp]);
    all.facetDistribution = { ...all.facetDistribution, ...more.facetDistribution };
  }
  try {
    return aggregate({ query, regionFields, all, failed, maxValuesPerFacet: MAX_VALUES_PER_FACET });
  } catch (error) {
    if (error instanceof TruncatedFacetError) {
      throw new AppError('internal:search', '统计范围太大，无法精确汇总，请缩小年份或地区范围。', { cause: error });
    }
    throw error;
  }
}
