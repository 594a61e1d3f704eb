import { expect, type Locator, type Page } from '@playwright/test';

/** The coverage page (`/coverage`): region trail, year range, yearly summary, legend, grid. */
export class CoveragePage {
  readonly root: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly summary: Locator;
  readonly legend: Locator;
  readonly trail: Locator;
  readonly invalid: Locator;
  readonly heading: Locator;
  readonly gridBox: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('coverage-page');
    // The caption names the place: "甘肃省天水市麦积区下级乡镇（街道）（行）× 年度（列）：本级政府年报是否收录".
    this.grid = page.getByRole('table', { name: /本级政府年报是否收录$/ });
    // The box the grid scrolls in, named by the same caption.
    this.gridBox = page.getByRole('region', { name: /本级政府年报是否收录$/ });
    // Rows and cells carry their place and year as data attributes.
    this.rows = page.getByTestId('coverage-row');
    this.summary = page.getByTestId('coverage-summary-year');
    this.legend = page.getByRole('list', { name: '图例' });
    this.trail = page.getByRole('navigation', { name: '地区层级' });
    this.invalid = page.getByTestId('coverage-invalid');
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async goto(query = '') {
    await this.page.goto(`/coverage${query}`);
    await expect(this.root.or(this.invalid)).toBeVisible();
  }

  cell(place: string, year: number): Locator {
    return this.page.locator(`[data-testid="coverage-cell"][data-place="${place}"][data-year="${year}"]`);
  }

  row(place: string): Locator {
    return this.page.locator(`[data-testid="coverage-row"][data-place="${place}"]`);
  }

  fitsViewportWidth() {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  }
}
