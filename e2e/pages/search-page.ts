import { expect, type Locator, type Page } from '@playwright/test';
import { facetLink } from './facets';

/** The search page (`/`): search box, filters, results, sort, pagination, export. */
export class SearchPage {
  readonly searchInput: Locator;
  readonly searchSubmit: Locator;
  readonly results: Locator;
  readonly resultLinks: Locator;
  readonly snippets: Locator;
  readonly summary: Locator;
  readonly total: Locator;
  readonly filters: Locator;
  readonly filtersToggle: Locator;
  readonly regionTrail: Locator;
  readonly sortSelect: Locator;
  readonly exportLink: Locator;
  readonly pagination: Locator;
  readonly noResults: Locator;
  readonly unavailable: Locator;
  readonly invalid: Locator;

  constructor(readonly page: Page) {
    this.searchInput = page.getByRole('searchbox', { name: '搜索年报全文' });
    this.searchSubmit = page.getByRole('button', { name: '搜索', exact: true });
    // One list item per report, carrying its id (data-report-id); the title links to the report.
    this.results = page.getByTestId('result');
    this.resultLinks = this.results.getByRole('heading').getByRole('link');
    this.snippets = page.getByTestId('result-snippet');
    this.summary = page.getByTestId('results-summary');
    this.total = page.getByTestId('results-total');
    // A <details> and its <summary>: no role to find them by.
    this.filters = page.getByTestId('filters');
    this.filtersToggle = page.getByTestId('filters-toggle');
    this.regionTrail = page.getByRole('navigation', { name: '地区层级' });
    this.sortSelect = page.getByRole('combobox', { name: '排序' });
    this.exportLink = page.getByRole('link', { name: '导出 CSV' });
    this.pagination = page.getByRole('navigation', { name: '分页' });
    this.noResults = page.getByTestId('no-results');
    this.unavailable = page.getByTestId('search-unavailable');
    this.invalid = page.getByTestId('invalid-search');
  }

  async goto(query = '') {
    await this.page.goto(`/${query}`);
    await expect(this.page.getByTestId('search-page').or(this.invalid)).toBeVisible();
  }

  async search(words: string) {
    await this.searchInput.fill(words);
    await this.searchSubmit.click();
    await this.waitForQuery('q', words);
  }

  /**
   * Waits until the address holds `name=value` and the results are in. Polls the URL instead of
   * waiting for a load event: filters, sort and history moves are client-side navigations.
   */
  async waitForQuery(name: string, value: string) {
    await expect(this.page).toHaveURL((url) => url.searchParams.get(name) === value);
    await expect(this.page.getByTestId('loading')).toHaveCount(0);
  }

  /** A place to narrow down to, in the 地区 filter group. */
  regionValue(name: string): Locator {
    return this.facet('地区', name);
  }

  /** A filter link by its group (地区, 年度, 机关层级, 报告模板, 发现) and label. */
  facet(group: string, label: string): Locator {
    return facetLink(this.page, group, label);
  }

  async totalCount(): Promise<number> {
    // The <strong> holds only the formatted number, so its text content is the text shown.
    return Number(((await this.total.textContent()) ?? '').replace(/[^\d]/g, ''));
  }

  /** The ids of the listed reports, in order. */
  async resultIds(): Promise<string[]> {
    return this.results.evaluateAll((items) => items.map((item) => item.getAttribute('data-report-id') ?? ''));
  }

  async yearsListed(): Promise<number[]> {
    const texts = await this.page.getByTestId('result-year').allInnerTexts();
    return texts.map((t) => Number.parseInt(t, 10));
  }

  fitsViewportWidth() {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  }

  /** Whole page by default; `fullPage: false` saves what the screen shows. */
  screenshot(path: string, { fullPage = true }: { fullPage?: boolean } = {}) {
    return this.page.screenshot({ path, fullPage });
  }
}
