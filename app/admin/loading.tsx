import { Skeleton, SkeletonCard, SkeletonLine } from '@/components/states/skeleton';

/** Skeleton of the admin pages: the nav line, then two panels. */
export default function AdminLoading() {
  return (
    <Skeleton label="正在加载…">
      <SkeletonLine variant="title" />
      <SkeletonCard />
      <SkeletonCard />
    </Skeleton>
  );
}
