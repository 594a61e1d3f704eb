import { Skeleton, SkeletonCard, SkeletonLine, SkeletonRepeat } from '@/components/states/skeleton';

/** The results' place while they load: the filter column and a few cards (the heading and box are already there). */
export function ResultsSkeleton() {
  return (
    <Skeleton label="正在检索…" className="search-skeleton">
      <ResultsSkeletonBody />
    </Skeleton>
  );
}

/** The filter column and a few result cards: the part of the page's skeleton (app/loading.tsx) that results fill. */
export function ResultsSkeletonBody() {
  return (
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
  );
}
