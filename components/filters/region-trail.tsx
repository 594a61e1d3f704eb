import Link from 'next/link';
import { REGION_FIELDS, type RegionField } from '@/lib/report/schema';
import { regionUpTo, type SearchParams } from '@/lib/search/params';

interface TrailStep {
  field: RegionField;
  name: string;
}

/**
 * 全国 › 省 › 市 › …: the chosen places, each a link that goes back up to it (dropping the places
 * under it); the last one is where the view is. `hrefFor` turns that change into the view's link.
 */
export function RegionTrail({
  steps,
  hrefFor,
  testId,
  linkTestId,
}: {
  steps: readonly TrailStep[];
  hrefFor: (change: Partial<SearchParams>) => string;
  testId: string;
  linkTestId?: string;
}) {
  return (
    <nav aria-label="地区层级">
      <ol className="trail" data-testid={testId}>
        <li>
          {steps.length ? (
            <Link href={hrefFor(regionUpTo(0))} data-testid={linkTestId}>
              全国
            </Link>
          ) : (
            <span aria-current="location">全国</span>
          )}
        </li>
        {steps.map((step, i) => (
          <li key={step.field}>
            {i < steps.length - 1 ? (
              <Link href={hrefFor(regionUpTo(REGION_FIELDS.indexOf(step.field) + 1))} data-testid={linkTestId}>
                {step.name}
              </Link>
            ) : (
              <span aria-current="location">{step.name}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
