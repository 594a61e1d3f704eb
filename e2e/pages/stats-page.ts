import { expect, type Locator, type Page } from '@playwright/test';

/** The stats page (`/stats`): summary, filters, chart cards (chart, table toggle, CSV, basis). */
export class StatsPage {
  readonly root: Locator;
  readonly summary: Locator;
  readonly total: Locator;
  readonly filters: Locator;
  readonly invalid: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('stats-page');
    this.summary = page.getByTestId('stats-summary');
    this.total = page.getByTestId('stats-total');
    this.filters = page.getByTestId('stats-filters');
    this.invalid = page.getByTestId('stats-invalid');
  }

  async goto(query = '') {
    await this.page.goto(`/stats${query}`);
    await expect(this.root.or(this.invalid)).toBeVisible();
  }

  /** A chart card by its id (proactive, channels, applications, outcomes, review, regions, quality-years, quality-regions). */
  card(id: string): Locator {
    return this.page.getByTestId(`chart-${id}`);
  }

  bars(id: string): Locator {
    return this.card(id).locator('.recharts-bar-rectangle');
  }

  points(id: string): Locator {
    return this.card(id).locator('.recharts-line-dot, .recharts-line-dots circle');
  }

  async waitForQuery(name: string, value: string) {
    await expect(this.page).toHaveURL((url) => url.searchParams.get(name) === value);
    await expect(this.page.getByTestId('loading')).toHaveCount(0);
  }

  fitsViewportWidth() {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  }
}
