import Form from 'next/form';
import { FacetGroup, FacetList } from '@/components/filters/facet-list';
import { RegionTrail } from '@/components/filters/region-trail';
import { YearRangeForm } from '@/components/filters/year-range-form';
import { HiddenFields } from '@/components/hidden-fields';
import { regionFieldName, templateName } from '@/lib/report/labels';
import { LEVELS, TEMPLATES } from '@/lib/report/schema';
import { chosenRegions, levelName, type SearchParams, toggle, toQueryString, viewFilters } from '@/lib/search/params';
import { statsHref } from '@/lib/stats/href';
import type { StatsResult } from '@/lib/stats/types';

/**
 * The /stats filters: the search page's filters as plain links to /stats (each the current
 * selection with one thing changed), so every chart state has its own address.
 */
export function StatsFilters({ params, stats }: { params: SearchParams; stats: StatsResult }) {
  return (
    <div className="facets" data-testid="stats-filters">
      <WordsForm params={params} />
      <RegionFilter params={params} regions={stats.regions} />
      <YearFilter params={params} years={stats.years} />
      <FacetGroup id="stats-level" title="机关层级">
        <FacetList
          links={LEVELS.map((level) => ({
            href: statsHref(params, { level: toggle(params.level, level) }),
            label: levelName(level),
            active: params.level.includes(level),
            testId: 'stats-level-value',
          }))}
        />
      </FacetGroup>
      <FacetGroup id="stats-template" title="报告模板">
        <FacetList
          links={TEMPLATES.map((template) => ({
            href: statsHref(params, { template: toggle(params.template, template) }),
            label: templateName(template),
            active: params.template.includes(template),
            testId: 'stats-template-value',
          }))}
        />
      </FacetGroup>
    </div>
  );
}

/** Only reports with these words: a new set of words keeps the other filters. */
function WordsForm({ params }: { params: SearchParams }) {
  return (
    <Form action="/stats" role="search" className="search-form" data-testid="stats-search-form">
      <label htmlFor="stats-q" className="search-form__label">
        只统计含有这些词的报告
      </label>
      <div className="search-form__row">
        <input
          id="stats-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={200}
          autoComplete="off"
          className="search-form__input"
          placeholder="例如：依申请公开"
        />
        <button type="submit" className="button">
          统计
        </button>
      </div>
      <HiddenFields query={toQueryString({ ...viewFilters(params), q: '' })} />
    </Form>
  );
}

function RegionFilter({ params, regions }: { params: SearchParams; regions: StatsResult['regions'] }) {
  return (
    <FacetGroup id="stats-region" title="地区">
      <RegionTrail steps={chosenRegions(params)} hrefFor={(change) => statsHref(params, change)} testId="stats-region-trail" />
      {regions?.rows.length ? (
        <>
          <p className="facet-group__hint">按{regionFieldName(regions.field)}：</p>
          <FacetList
            links={regions.rows.map((r) => ({
              href: statsHref(params, { [regions.field]: r.name }),
              label: r.name,
              count: r.reports,
              testId: 'stats-region-value',
            }))}
          />
        </>
      ) : null}
    </FacetGroup>
  );
}

/** One year per link, the newest first (choosing the chosen year again drops it), then a from–to range. */
function YearFilter({ params, years }: { params: SearchParams; years: StatsResult['years'] }) {
  const single = params.yearFrom !== null && params.yearFrom === params.yearTo ? params.yearFrom : null;
  const links = [...years].reverse().map((y) => ({
    href: statsHref(params, single === y.year ? { yearFrom: null, yearTo: null } : { yearFrom: y.year, yearTo: y.year }),
    label: String(y.year),
    count: y.reports,
    active: single === y.year,
    testId: 'stats-year-value',
  }));
  return (
    <FacetGroup id="stats-year" title="年度">
      <FacetList className="facet-list facet-list--years" links={links} />
      <YearRangeForm
        action="/stats"
        keep={toQueryString({ ...viewFilters(params), yearFrom: null, yearTo: null })}
        from={params.yearFrom}
        to={params.yearTo}
        testIdPrefix="stats-"
      />
    </FacetGroup>
  );
}
