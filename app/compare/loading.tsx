import { Skeleton, SkeletonCard, SkeletonLine } from '@/components/states/skeleton';

/** Skeleton of the compare page: heading, picker, a table, a chart. */
export default function CompareLoading() {
  return (
    <Skeleton label="正在加载比较…">
      <SkeletonLine variant="title" />
      <SkeletonLine />
      <SkeletonLine variant="short" />
      <SkeletonCard variant="table" />
      <SkeletonCard variant="table" />
    </Skeleton>
  );
}
