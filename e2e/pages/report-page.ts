import type { Locator, Page } from '@playwright/test';

/** One report (`/reports/ID`): header, key figures, printed tables, checks, text, other years. */
export class ReportPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly regionLinks: Locator;
  readonly timeliness: Locator;
  readonly applicationsTable: Locator;
  readonly reviewTable: Locator;
  readonly disclosureTable: Locator;
  readonly failedCells: Locator;
  readonly failedChecks: Locator;
  readonly text: Locator;
  readonly marks: Locator;
  readonly otherYears: Locator;
  readonly bodyYears: Locator;
  readonly partialNotice: Locator;

  constructor(readonly page: Page) {
    // An <article> named by its title, which differs for every report.
    this.root = page.getByTestId('report-page');
    // Within the report: the search page has an <h1> of its own.
    this.title = this.root.getByRole('heading', { level: 1 });
    this.regionLinks = this.root.getByRole('navigation', { name: '所属地区' }).getByRole('link');
    this.timeliness = page.getByTestId('timeliness');
    this.applicationsTable = page.getByRole('table', { name: /^表三 / });
    this.reviewTable = page.getByRole('table', { name: /^表四 / });
    this.disclosureTable = page.getByRole('table', { name: /^表二 / });
    this.failedCells = page.getByTestId('failed-cell');
    this.failedChecks = page.getByTestId('check-failed');
    this.text = page.getByRole('region', { name: '报告正文' });
    this.marks = this.text.locator('mark');
    this.otherYears = page.getByRole('region', { name: '同一机关的其他年度' });
    this.bodyYears = page.getByTestId('body-year');
    this.partialNotice = page.getByTestId('partial-notice');
  }

  async goto(id: string, q = '') {
    await this.page.goto(`/reports/${id}${q ? `?q=${encodeURIComponent(q)}` : ''}`);
  }

  /** A part of the report's text by its heading (一、总体情况 …). */
  section(title: string): Locator {
    return this.text.getByRole('region', { name: title });
  }

  /** Body rows of 表三 and the figure cells of each. */
  applicationRows(): Locator {
    return this.applicationsTable.locator('tbody tr');
  }

  cell(ref: string): Locator {
    return this.root.locator(`td[data-cell="${ref}"]`);
  }

  /** The text an element's aria-describedby points at. */
  async description(locator: Locator): Promise<string> {
    const ids = (await locator.getAttribute('aria-describedby')) ?? '';
    const texts = await Promise.all(
      ids
        .split(/\s+/)
        .filter(Boolean)
        // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), the text as read: a check's parts are grid items, and textContent would run them together
        .map((id) => this.page.locator(`[id="${id}"]`).innerText()),
    );
    return texts.join('\n');
  }

  fitsViewportWidth() {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  }

  /** Whole page by default; `fullPage: false` saves what the screen shows. */
  screenshot(path: string, { fullPage = true }: { fullPage?: boolean } = {}) {
    return this.page.screenshot({ path, fullPage });
  }
}
