import { Skeleton, SkeletonCard, SkeletonLine } from '@/components/states/skeleton';

/** Skeleton of the coverage page: trail, heading, the year form, the grid. */
export default function CoverageLoading() {
  return (
    <Skeleton label="正在加载覆盖情况…">
      <SkeletonLine variant="short" />
      <SkeletonLine variant="title" />
      <SkeletonLine />
      <SkeletonCard variant="table" />
    </Skeleton>
  );
}
