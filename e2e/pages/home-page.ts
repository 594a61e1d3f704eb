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
    this.title = page.getByRole('heading', { level: 1 });
    this.lead = page.getByTestId('home-lead');
    this.searchForm = page.getByRole('search');
    this.main = page.getByRole('main');
    // The "·" between the names is aria-hidden, so it is not part of the accessible name.
    this.brand = page.getByRole('banner').getByRole('link', { name: '年报 Nianbao' });
    this.skipLink = page.getByRole('link', { name: '跳到正文' });
    this.footer = page.getByRole('contentinfo');
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
