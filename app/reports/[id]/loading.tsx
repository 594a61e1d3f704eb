import { Skeleton, SkeletonCard, SkeletonLine, SkeletonRepeat } from '@/components/states/skeleton';

/** Skeleton of the report page: breadcrumb, title, facts, figure cards, a table. */
export default function ReportLoading() {
  return (
    <Skeleton label="正在加载报告…" className="report-skeleton">
      <SkeletonLine variant="short" />
      <SkeletonLine variant="title" />
      <div className="skeleton__facts">
        <SkeletonRepeat count={6} name="fact-line">
          <SkeletonLine />
        </SkeletonRepeat>
      </div>
      <div className="skeleton__cards">
        <SkeletonRepeat count={7} name="figure-card">
          <SkeletonCard variant="small" />
        </SkeletonRepeat>
      </div>
      <SkeletonCard variant="table" />
    </Skeleton>
  );
}
