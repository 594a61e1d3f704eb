import { Skeleton, SkeletonCard, SkeletonLine } from '@/components/states/skeleton';

/** Skeleton of /data and /data/api: heading, the downloads box, the tables. */
export default function OpenDataLoading() {
  return (
    <Skeleton label="正在加载开放数据…">
      <SkeletonLine variant="title" />
      <SkeletonLine />
      <SkeletonCard />
      <SkeletonCard variant="table" />
    </Skeleton>
  );
}
