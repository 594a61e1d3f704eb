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
  readonly bodyYears: Locator;
  readonly partialNotice: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('report-page');
    this.title = page.getByTestId('report-title');
    this.regionLinks = page.getByTestId('report-region-link');
    this.timeliness = page.getByTestId('timeliness');
    this.applicationsTable = page.getByTestId('table-applications');
    this.reviewTable = page.getByTestId('table-review');
    this.disclosureTable = page.getByTestId('table-disclosure');
    this.failedCells = page.getByTestId('failed-cell');
    this.failedChecks = page.getByTestId('check-failed');
    this.text = page.getByTestId('report-text');
    this.marks = this.text.locator('mark');
    this.bodyYears = page.getByTestId('body-year');
    this.partialNotice = page.getByTestId('partial-notice');
  }

  async goto(id: string, q = '') {
    await this.page.goto(`/reports/${id}${q ? `?q=${encodeURIComponent(q)}` : ''}`);
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
