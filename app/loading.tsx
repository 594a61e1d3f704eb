import { ResultsSkeletonBody } from '@/components/search/results-skeleton';
import { Skeleton, SkeletonLine } from '@/components/states/skeleton';

/** Skeleton of the search page: heading, search box, the filter column and result cards. */
export default function Loading() {
  return (
    <Skeleton label="正在加载…" className="search-skeleton">
      <SkeletonLine variant="title" />
      <div className="skeleton__search" />
      <ResultsSkeletonBody />
    </Skeleton>
  );
}
