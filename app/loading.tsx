import { Skeleton, SkeletonCard, SkeletonLine, SkeletonRepeat } from '@/components/states/skeleton';

/** Skeleton of the search page: heading, search box, the filter column and result cards. */
export default function Loading() {
  return (
    <Skeleton label="正在加载…" className="search-skeleton">
      <SkeletonLine variant="title" />
      <div className="skeleton__search" />
      <div className="search-skeleton__body">
        <div className="search-skeleton__aside">
          <SkeletonRepeat count={8} name="aside-line">
            <SkeletonLine />
          </SkeletonRepeat>
        </div>
        <div className="search-skeleton__results">
          <SkeletonLine variant="short" />
          <SkeletonRepeat count={4} name="result-card">
            <SkeletonCard variant="result" />
          </SkeletonRepeat>
        </div>
      </div>
    </Skeleton>
  );
}
