import { Skeleton, SkeletonCard, SkeletonLine, SkeletonRepeat } from '@/components/states/skeleton';

/** Skeleton of the stats page: heading, summary, filters beside chart cards. */
export default function StatsLoading() {
  return (
    <Skeleton label="正在加载统计…">
      <SkeletonLine variant="title" />
      <SkeletonLine />
      <div className="skeleton__cards">
        <SkeletonRepeat count={4} name="chart-card">
          <SkeletonCard variant="table" />
        </SkeletonRepeat>
      </div>
    </Skeleton>
  );
}
