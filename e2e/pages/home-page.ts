import type { Locator, Page } from '@playwright/test';

export class HomePage {
  readonly title: Locator;
  readonly lead: Locator;
  readonly searchForm: Locator;
  readonly main: Locator;
  readonly brand: Locator;
  readonly skipLink: Locator;
  readonly footer: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId('home-title');
    this.lead = page.getByTestId('home-lead');
    this.searchForm = page.getByTestId('search-form');
    this.main = page.getByRole('main');
    this.brand = page.getByTestId('site-brand');
    this.skipLink = page.getByTestId('skip-link');
    this.footer = page.getByTestId('site-footer');
  }

  async goto() {
    await this.page.goto('/');
  }

  lang() {
    return this.page.locator('html').getAttribute('lang');
  }

  /** True when the page is no wider than the viewport (no sideways scrolling). */
  fitsViewportWidth() {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  }

  /** Whole page by default; `fullPage: false` saves what the screen shows. */
  screenshot(path: string, { fullPage = true }: { fullPage?: boolean } = {}) {
    return this.page.screenshot({ path, fullPage });
  }
}
