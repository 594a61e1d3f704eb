import { expect, type Locator, type Page } from '@playwright/test';
import { facetLink } from './facets';

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

  /** The card's button between its chart and its table (以表格显示 ⇄ 以图表显示, aria-pressed). */
  tableToggle(id: string): Locator {
    return this.card(id).getByRole('button', { name: /^以(表格|图表)显示$/ });
  }

  /** The card's data as a table, once toggled (captioned with the chart's title). */
  table(id: string): Locator {
    return this.card(id).getByRole('table');
  }

  csvButton(id: string): Locator {
    return this.card(id).getByRole('button', { name: '下载 CSV' });
  }

  /** A filter link by its group (地区, 年度) and label. */
  facet(group: string, label: string): Locator {
    return facetLink(this.page, group, label);
  }

  /** The same selection in another view (检索, 比较, 覆盖). */
  viewLink(name: string): Locator {
    return this.page.getByRole('navigation', { name: '同一筛选条件的其他视图' }).getByRole('link', { name, exact: true });
  }

  /** Charts draw as they come into view (components/charts/in-view.tsx): scroll each card there, wait for its drawing. */
  async reveal(...ids: string[]) {
    for (const id of ids) {
      await this.card(id).scrollIntoViewIfNeeded();
      await expect(this.card(id).locator('.recharts-surface').first()).toBeVisible();
    }
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
