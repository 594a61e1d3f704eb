import { expect, type Locator, type Page } from '@playwright/test';

/** The compare page (`/compare`): body picker, picked bodies, summary, sortable table, chart, CSV. */
export class ComparePage {
  readonly root: Locator;
  readonly pickerInput: Locator;
  readonly suggestions: Locator;
  readonly picked: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly summaryRows: Locator;
  readonly chart: Locator;
  readonly figureSelect: Locator;
  readonly exportLink: Locator;
  readonly invalid: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('compare-page');
    this.pickerInput = page.getByRole('combobox', { name: '按名称查找机关' });
    this.suggestions = page.getByRole('listbox', { name: '匹配的机关' }).getByRole('option');
    this.picked = page.getByRole('list', { name: '已选机关' }).getByRole('listitem');
    this.table = page.getByRole('table', { name: /^各机关逐年关键数字/ });
    // Body rows with their year and body as data attributes (data-year, data-body-key).
    this.rows = page.getByTestId('compare-row');
    this.summaryRows = page.getByTestId('compare-summary-row');
    this.chart = page.getByRole('region', { name: '逐年变化图' }).getByRole('figure');
    this.figureSelect = page.getByRole('combobox', { name: '图表指标' });
    this.exportLink = page.getByRole('link', { name: '导出 CSV' });
    this.invalid = page.getByTestId('compare-invalid');
  }

  async goto(query = '') {
    await this.page.goto(`/compare${query}`);
    await expect(this.root.or(this.invalid)).toBeVisible();
  }

  /** The chart draws as it comes into view (components/charts/in-view.tsx): scroll to it, wait for its drawing. */
  async revealChart() {
    await this.chart.scrollIntoViewIfNeeded();
    await expect(this.chart.locator('.recharts-surface').first()).toBeVisible();
  }

  /** Types part of a name, waits for the suggestions and picks the one whose name contains `pick`. */
  async pickBody(typed: string, pick: string) {
    const before = new URL(this.page.url()).searchParams.getAll('body').length;
    await this.pickerInput.fill(typed);
    const option = this.suggestions.filter({ hasText: pick }).first();
    await expect(option).toBeVisible();
    await option.click();
    await expect(this.page).toHaveURL((url) => url.searchParams.getAll('body').length === before + 1);
    await expect(this.picked).toHaveCount(before + 1);
  }

  /** A column of the table by its heading ("新收申请（件）"); sorting adds "（升序）" or "（降序）" to its name. */
  column(heading: string): Locator {
    return this.table.getByRole('columnheader', { name: heading });
  }

  bodies(): string[] {
    return new URL(this.page.url()).searchParams.getAll('body');
  }

  chartLines(): Locator {
    return this.chart.locator('.recharts-line');
  }

  fitsViewportWidth() {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  }
}
