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
    this.pickerInput = page.getByTestId('body-picker-input');
    this.suggestions = page.getByTestId('body-suggestion');
    this.picked = page.getByTestId('picked-body');
    this.table = page.getByTestId('compare-table');
    this.rows = page.getByTestId('compare-row');
    this.summaryRows = page.getByTestId('compare-summary-row');
    this.chart = page.getByTestId('compare-chart');
    this.figureSelect = page.getByTestId('figure-select');
    this.exportLink = page.getByTestId('compare-export');
    this.invalid = page.getByTestId('compare-invalid');
  }

  async goto(query = '') {
    await this.page.goto(`/compare${query}`);
    await expect(this.root.or(this.invalid)).toBeVisible();
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
