import { FacetGroup, FacetList } from '@/components/filters/facet-list';
import { RegionTrail } from '@/components/filters/region-trail';
import { YearRangeForm } from '@/components/filters/year-range-form';
import { regionFieldName, templateName } from '@/lib/report/labels';
import { LEVELS, type Level, TEMPLATES, type Template } from '@/lib/report/schema';
import { chosenRegions, levelName, type SearchParams, toggle, toQueryString, withParams } from '@/lib/search/params';
import type { FacetValue, SearchResult } from '@/lib/search/types';

/**
 * The search page's filters, as plain links built from the URL: each link is the current search
 * with one thing changed, so they work without JavaScript and every state has its own address.
 */

function href(params: SearchParams, change: Partial<SearchParams>): string {
  return `/${withParams(params, change)}`;
}

/** Selected values stay listed (to be unselected) even when the current results have none. */
function withSelected(values: FacetValue[], selected: readonly string[]): FacetValue[] {
  const missing = selected.filter((s) => !values.some((v) => v.value === s)).map((value) => ({ value, count: 0 }));
  return [...values, ...missing];
}

function RegionFacet({ params, region }: { params: SearchParams; region: SearchResult['facets']['region'] }) {
  return (
    <FacetGroup id="facet-region" title="地区">
      <RegionTrail steps={chosenRegions(params)} hrefFor={(change) => href(params, change)} testId="region-trail" linkTestId="region-trail-link" />
      {region && region.values.length > 0 ? (
        <>
          <p className="facet-group__hint">按{regionFieldName(region.field)}：</p>
          <FacetList
            testId={`facet-${region.field}`}
            links={region.values.map((v) => ({
              href: href(params, { [region.field]: v.value }),
              label: v.value,
              count: v.count,
              testId: 'facet-region-value',
            }))}
          />
        </>
      ) : null}
    </FacetGroup>
  );
}

function YearFacet({ params, years }: { params: SearchParams; years: FacetValue[] }) {
  const single = params.yearFrom !== null && params.yearFrom === params.yearTo ? String(params.yearFrom) : null;
  const values = withSelected(years, single ? [single] : []).sort((a, b) => Number(b.value) - Number(a.value));
  const links = values.map((v) => {
    const year = Number(v.value);
    const active = single === v.value;
    const change = active ? { yearFrom: null, yearTo: null } : { yearFrom: year, yearTo: year };
    return { href: href(params, change), label: v.value, count: v.count, active, testId: 'facet-year-value' };
  });
  return (
    <FacetGroup id="facet-year" title="年度">
      <FacetList className="facet-list facet-list--years" links={links} />
      <YearRangeForm action="/" keep={toQueryString({ ...params, yearFrom: null, yearTo: null, page: 1 })} from={params.yearFrom} to={params.yearTo} />
    </FacetGroup>
  );
}

function LevelFacet({ params, levels }: { params: SearchParams; levels: FacetValue[] }) {
  const known = withSelected(levels, params.level).filter((v) => (LEVELS as readonly string[]).includes(v.value));
  if (known.length === 0) return null;
  const links = known.map((v) => {
    const level = v.value as Level;
    return {
      href: href(params, { level: toggle(params.level, level) }),
      label: levelName(level),
      count: v.count,
      active: params.level.includes(level),
      testId: 'facet-level-value',
    };
  });
  return (
    <FacetGroup id="facet-level" title="机关层级">
      <FacetList links={links} />
    </FacetGroup>
  );
}

function TemplateFacet({ params, templates }: { params: SearchParams; templates: FacetValue[] }) {
  const known = withSelected(templates, params.template).filter((v) => (TEMPLATES as readonly string[]).includes(v.value));
  if (known.length === 0) return null;
  const links = known.map((v) => {
    const template = v.value as Template;
    return {
      href: href(params, { template: toggle(params.template, template) }),
      label: templateName(template),
      count: v.count,
      active: params.template.includes(template),
      testId: 'facet-template-value',
    };
  });
  return (
    <FacetGroup id="facet-template" title="报告模板">
      <FacetList links={links} />
    </FacetGroup>
  );
}

function FindingsFacet({ params, facets }: { params: SearchParams; facets: SearchResult['facets'] }) {
  return (
    <FacetGroup id="facet-findings" title="发现">
      <FacetList
        links={[
          { href: href(params, { failed: !params.failed }), label: '校验未通过', count: facets.failed, active: params.failed, testId: 'facet-failed' },
          {
            href: href(params, { applications: !params.applications }),
            label: '有依申请公开',
            count: facets.applications,
            active: params.applications,
            testId: 'facet-applications',
          },
          // Only where harvested reports changed after publication, or the filter is on: not an empty line on every search.
          ...(facets.changed > 0 || params.changed
            ? [
                {
                  href: href(params, { changed: !params.changed }),
                  label: '发布后被修改',
                  count: facets.changed,
                  active: params.changed,
                  testId: 'facet-changed',
                },
              ]
            : []),
        ]}
      />
    </FacetGroup>
  );
}

export function Facets({ params, facets }: { params: SearchParams; facets: SearchResult['facets'] }) {
  return (
    <div className="facets" data-testid="facets">
      <RegionFacet params={params} region={facets.region} />
      <YearFacet params={params} years={facets.year} />
      <LevelFacet params={params} levels={facets.level} />
      <TemplateFacet params={params} templates={facets.template} />
      <FindingsFacet params={params} facets={facets} />
    </div>
  );
}
