import Form from 'next/form';
import Link from 'next/link';
import { HiddenFields } from '@/components/hidden-fields';
import { regionFieldName, templateName } from '@/lib/report/labels';
import { LEVELS, type Level, REGION_FIELDS, type RegionField, TEMPLATES, type Template } from '@/lib/report/schema';
import { levelName, MAX_YEAR, MIN_YEAR, type SearchParams, toQueryString, withParams } from '@/lib/search/params';
import type { FacetValue, SearchResult } from '@/lib/search/types';

/**
 * The filters, as plain links built from the URL: each link is the current search with one
 * thing changed, so they work without JavaScript and every state has its own address.
 */

function href(params: SearchParams, change: Partial<SearchParams>): string {
  return `/${withParams(params, change)}`;
}

function FacetLink({ href: to, label, count, active, testId }: { href: string; label: string; count?: number; active?: boolean; testId: string }) {
  return (
    <Link href={to} className="facet" aria-current={active ? 'true' : undefined} data-testid={testId} data-value={label}>
      <span className="facet__check" aria-hidden="true">
        {active ? '✓' : ''}
      </span>
      <span className="facet__name">{label}</span>
      {count !== undefined ? (
        <span className="facet__count">
          {count.toLocaleString('zh-CN')}
          <span className="visually-hidden"> 份</span>
        </span>
      ) : null}
      {active ? <span className="visually-hidden">（已选，点击取消）</span> : null}
    </Link>
  );
}

/** Selected values stay listed (to be unselected) even when the current results have none. */
function withSelected(values: FacetValue[], selected: readonly string[]): FacetValue[] {
  const missing = selected.filter((s) => !values.some((v) => v.value === s)).map((value) => ({ value, count: 0 }));
  return [...values, ...missing];
}

function RegionFacet({ params, region }: { params: SearchParams; region: SearchResult['facets']['region'] }) {
  const chosen = REGION_FIELDS.filter((field) => params[field]);
  // Going up the trail drops the chosen place and everything under it.
  const upTo = (depth: number): Partial<SearchParams> => Object.fromEntries(REGION_FIELDS.slice(depth).map((f) => [f, null])) as Partial<SearchParams>;
  return (
    <section className="facet-group" aria-labelledby="facet-region" data-testid="facet-region">
      <h3 id="facet-region">地区</h3>
      <nav aria-label="地区层级">
        <ol className="trail" data-testid="region-trail">
          <li>
            {chosen.length ? (
              <Link href={href(params, upTo(0))} data-testid="region-trail-link">
                全国
              </Link>
            ) : (
              <span aria-current="location">全国</span>
            )}
          </li>
          {chosen.map((field, i) => (
            <li key={field}>
              {i < chosen.length - 1 ? (
                <Link href={href(params, upTo(REGION_FIELDS.indexOf(field) + 1))} data-testid="region-trail-link">
                  {params[field]}
                </Link>
              ) : (
                <span aria-current="location">{params[field]}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      {region && region.values.length > 0 ? (
        <>
          <p className="facet-group__hint">按{regionFieldName(region.field)}：</p>
          <ul className="facet-list" data-testid={`facet-${region.field}`}>
            {region.values.map((v) => (
              <li key={v.value}>
                <FacetLink
                  href={href(params, { [region.field]: v.value } as Partial<Record<RegionField, string>>)}
                  label={v.value}
                  count={v.count}
                  testId="facet-region-value"
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function YearFacet({ params, years }: { params: SearchParams; years: FacetValue[] }) {
  const single = params.yearFrom !== null && params.yearFrom === params.yearTo ? String(params.yearFrom) : null;
  const values = withSelected(years, single ? [single] : []).sort((a, b) => Number(b.value) - Number(a.value));
  const keep = toQueryString({ ...params, yearFrom: null, yearTo: null, page: 1 });
  return (
    <section className="facet-group" aria-labelledby="facet-year" data-testid="facet-year">
      <h3 id="facet-year">年度</h3>
      <ul className="facet-list facet-list--years">
        {values.map((v) => {
          const year = Number(v.value);
          const active = single === v.value;
          return (
            <li key={v.value}>
              <FacetLink
                href={href(params, active ? { yearFrom: null, yearTo: null } : { yearFrom: year, yearTo: year })}
                label={v.value}
                count={v.count}
                active={active}
                testId="facet-year-value"
              />
            </li>
          );
        })}
      </ul>
      <Form action="/" className="year-range" data-testid="year-range">
        <HiddenFields query={keep} />
        <fieldset>
          <legend>年度范围</legend>
          <div className="year-range__inputs">
            <label>
              <span className="visually-hidden">起始年度</span>
              <input
                type="number"
                name="yearFrom"
                min={MIN_YEAR}
                max={MAX_YEAR}
                inputMode="numeric"
                placeholder="起"
                defaultValue={params.yearFrom ?? ''}
                className="input"
                data-testid="year-from"
              />
            </label>
            <span aria-hidden="true">–</span>
            <label>
              <span className="visually-hidden">结束年度</span>
              <input
                type="number"
                name="yearTo"
                min={MIN_YEAR}
                max={MAX_YEAR}
                inputMode="numeric"
                placeholder="止"
                defaultValue={params.yearTo ?? ''}
                className="input"
                data-testid="year-to"
              />
            </label>
            <button type="submit" className="button" data-testid="year-apply">
              应用
            </button>
          </div>
        </fieldset>
      </Form>
    </section>
  );
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function LevelFacet({ params, levels }: { params: SearchParams; levels: FacetValue[] }) {
  const known = withSelected(levels, params.level).filter((v) => (LEVELS as readonly string[]).includes(v.value));
  if (known.length === 0) return null;
  return (
    <section className="facet-group" aria-labelledby="facet-level" data-testid="facet-level">
      <h3 id="facet-level">机关层级</h3>
      <ul className="facet-list">
        {known.map((v) => {
          const level = v.value as Level;
          const active = params.level.includes(level);
          return (
            <li key={level}>
              <FacetLink
                href={href(params, { level: toggle(params.level, level) })}
                label={levelName(level)}
                count={v.count}
                active={active}
                testId="facet-level-value"
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function TemplateFacet({ params, templates }: { params: SearchParams; templates: FacetValue[] }) {
  const known = withSelected(templates, params.template).filter((v) => (TEMPLATES as readonly string[]).includes(v.value));
  if (known.length === 0) return null;
  return (
    <section className="facet-group" aria-labelledby="facet-template" data-testid="facet-template">
      <h3 id="facet-template">报告模板</h3>
      <ul className="facet-list">
        {known.map((v) => {
          const template = v.value as Template;
          const active = params.template.includes(template);
          return (
            <li key={template}>
              <FacetLink
                href={href(params, { template: toggle(params.template, template) })}
                label={templateName(template)}
                count={v.count}
                active={active}
                testId="facet-template-value"
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function FindingsFacet({ params, facets }: { params: SearchParams; facets: SearchResult['facets'] }) {
  return (
    <section className="facet-group" aria-labelledby="facet-findings" data-testid="facet-findings">
      <h3 id="facet-findings">发现</h3>
      <ul className="facet-list">
        <li>
          <FacetLink href={href(params, { failed: !params.failed })} label="校验未通过" count={facets.failed} active={params.failed} testId="facet-failed" />
        </li>
        <li>
          <FacetLink
            href={href(params, { applications: !params.applications })}
            label="有依申请公开"
            count={facets.applications}
            active={params.applications}
            testId="facet-applications"
          />
        </li>
      </ul>
    </section>
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
