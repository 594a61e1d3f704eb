import { expect, type Locator, type Page } from '@playwright/test';

/** The open data page (`/data`): the downloads of a search (or of everything) and the data dictionary. */
export class OpenDataPage {
  readonly root: Locator;
  readonly total: Locator;
  readonly generation: Locator;
  readonly dictionary: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('open-data-page');
    this.total = page.getByTestId('open-data-total');
    this.generation = page.getByTestId('generation');
    this.dictionary = page.getByTestId('open-data-dictionary');
    this.rows = page.getByTestId('dictionary-row');
  }

  async goto(query = '') {
    await this.page.goto(`/data${query}`);
    await expect(this.root).toBeVisible();
  }

  download(format: 'csv' | 'jsonl' | 'parquet'): Locator {
    return this.page.getByTestId(`download-${format}`);
  }

  async totalCount(): Promise<number> {
    return Number(((await this.total.textContent()) ?? '').replace(/[^\d]/g, ''));
  }
}
