import Form from 'next/form';
import Link from 'next/link';
import { HiddenFields } from '@/components/hidden-fields';
import { regionFieldName, templateName } from '@/lib/report/labels';
import { LEVELS, type Level, REGION_FIELDS, TEMPLATES, type Template } from '@/lib/report/schema';
import { levelName, MAX_YEAR, MIN_YEAR, type SearchParams, toQueryString, viewFilters, withParams } from '@/lib/search/params';
import type { StatsResult } from '@/lib/stats/types';

/**
 * The /stats filters: the search page's filters as plain links to /stats (each the current
 * selection with one thing changed), so every chart state has its own address.
 */

export function statsHref(params: SearchParams, change: Partial<SearchParams>): string {
  return `/stats${withParams(viewFilters(params), change)}`;
}

function FacetLink({ href, label, count, active, testId }: { href: string; label: string; count?: number; active?: boolean; testId: string }) {
  return (
    <Link href={href} className="facet" aria-current={active ? 'true' : undefined} data-testid={testId} data-value={label}>
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

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

const upTo = (depth: number) => Object.fromEntries(REGION_FIELDS.slice(depth).map((f) => [f, null])) as Partial<SearchParams>;

export function StatsFilters({ params, stats }: { params: SearchParams; stats: StatsResult }) {
  const chosen = REGION_FIELDS.filter((f) => params[f]);
  const single = params.yearFrom !== null && params.yearFrom === params.yearTo ? params.yearFrom : null;
  const keepForYears = toQueryString({ ...viewFilters(params), yearFrom: null, yearTo: null });
  const keepForWords = toQueryString({ ...viewFilters(params), q: '' });
  return (
    <div className="facets" data-testid="stats-filters">
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
        <HiddenFields query={keepForWords} />
      </Form>
      <section className="facet-group" aria-labelledby="stats-region" data-testid="stats-region">
        <h3 id="stats-region">地区</h3>
        <nav aria-label="地区层级">
          <ol className="trail" data-testid="stats-region-trail">
            <li>{chosen.length ? <Link href={statsHref(params, upTo(0))}>全国</Link> : <span aria-current="location">全国</span>}</li>
            {chosen.map((field, i) => (
              <li key={field}>
                {i < chosen.length - 1 ? (
                  <Link href={statsHref(params, upTo(REGION_FIELDS.indexOf(field) + 1))}>{params[field]}</Link>
                ) : (
                  <span aria-current="location">{params[field]}</span>
                )}
              </li>
            ))}
          </ol>
        </nav>
        {stats.regions?.rows.length ? (
          <>
            <p className="facet-group__hint">按{regionFieldName(stats.regions.field)}：</p>
            <ul className="facet-list">
              {stats.regions.rows.map((r) => (
                <li key={r.name}>
                  <FacetLink href={statsHref(params, { [stats.regions!.field]: r.name })} label={r.name} count={r.reports} testId="stats-region-value" />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section className="facet-group" aria-labelledby="stats-year" data-testid="stats-year">
        <h3 id="stats-year">年度</h3>
        <ul className="facet-list facet-list--years">
          {[...stats.years].reverse().map((y) => (
            <li key={y.year}>
              <FacetLink
                href={statsHref(params, single === y.year ? { yearFrom: null, yearTo: null } : { yearFrom: y.year, yearTo: y.year })}
                label={String(y.year)}
                count={y.reports}
                active={single === y.year}
                testId="stats-year-value"
              />
            </li>
          ))}
        </ul>
        <Form action="/stats" className="year-range" data-testid="stats-year-range">
          <HiddenFields query={keepForYears} />
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
                  data-testid="stats-year-from"
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
                  data-testid="stats-year-to"
                />
              </label>
              <button type="submit" className="button" data-testid="stats-year-apply">
                应用
              </button>
            </div>
          </fieldset>
        </Form>
      </section>
      <section className="facet-group" aria-labelledby="stats-level" data-testid="stats-level">
        <h3 id="stats-level">机关层级</h3>
        <ul className="facet-list">
          {LEVELS.map((level: Level) => (
            <li key={level}>
              <FacetLink
                href={statsHref(params, { level: toggle(params.level, level) })}
                label={levelName(level)}
                active={params.level.includes(level)}
                testId="stats-level-value"
              />
            </li>
          ))}
        </ul>
      </section>
      <section className="facet-group" aria-labelledby="stats-template" data-testid="stats-template">
        <h3 id="stats-template">报告模板</h3>
        <ul className="facet-list">
          {TEMPLATES.map((template: Template) => (
            <li key={template}>
              <FacetLink
                href={statsHref(params, { template: toggle(params.template, template) })}
                label={templateName(template)}
                active={params.template.includes(template)}
                testId="stats-template-value"
              />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
