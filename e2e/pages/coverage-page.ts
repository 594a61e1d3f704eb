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

  constructor(readonly page: Page) {
    this.root = page.getByTestId('coverage-page');
    this.grid = page.getByTestId('coverage-grid');
    this.rows = page.getByTestId('coverage-row');
    this.summary = page.getByTestId('coverage-summary-year');
    this.legend = page.getByTestId('coverage-legend');
    this.trail = page.getByTestId('coverage-trail');
    this.invalid = page.getByTestId('coverage-invalid');
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
