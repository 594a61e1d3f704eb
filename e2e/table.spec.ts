import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { expect, test } from './support/fixtures';

/**
 * The results as a table: a journalist lists the reports of a place, sorts them by a figure, keeps
 * the columns that matter and takes the very table away as CSV.
 */

const table = (page: Page) => page.getByTestId('results-table');

/** The table as text: header names (without sort marks) and every cell, as a reader sees them. */
async function readTable(page: Page): Promise<{ headers: string[]; rows: string[][] }> {
  const headers = await table(page)
    .locator('thead th')
    .evaluateAll((ths) => ths.map((th) => th.querySelector('a')?.firstChild?.textContent ?? th.textContent ?? ''));
  const rows = await table(page)
    .getByTestId('table-row')
    .evaluateAll((trs) =>
      // The body's cell: its link (a 部分文本 badge may follow).
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.querySelector('a')?.textContent ?? cell.textContent ?? '')),
    );
  return { headers: headers.map(clean), rows };
}

const clean = (text: string) => text.replace(/[▲▼↕]/g, '').trim();

/** A shown cell as its CSV value: no thousands separators, no percent sign, a dash is empty. */
const asCsv = (cell: string) => (cell === '—' ? '' : cell.replace(/(\d),(?=\d{3})/g, '$1').replace(/%$/, ''));

async function columnNumbers(column: Locator): Promise<Array<number | null>> {
  return (await column.allInnerTexts()).map((t) => (t.trim() === '—' ? null : Number(t.replace(/,/g, ''))));
}

test.describe('results table', () => {
  test('sort by 新收申请, then the CSV equals the table', async ({ page, searchPage }) => {
    await searchPage.goto('?province=%E6%B1%9F%E8%8B%8F%E7%9C%81');
    const total = await searchPage.totalCount();
    await page.getByTestId('view-switch').getByRole('link', { name: '表格' }).click();
    await searchPage.waitForQuery('view', 'table');
    await expect(table(page)).toBeVisible();
    await expect(table(page).getByTestId('table-row')).toHaveCount(Math.min(total, 20));
    await expect(page.getByTestId('view-switch').locator('[aria-current="page"]')).toHaveText('表格');

    // Most applications first: the engine sorts the whole result, unknown figures last.
    await table(page).getByTestId('sort-applications').click();
    await searchPage.waitForQuery('sort', 'applications-desc');
    await expect(page.getByTestId('col-applications')).toHaveAttribute('aria-sort', 'descending');
    const figures = await columnNumbers(table(page).getByTestId('cell-applications'));
    const known = figures.filter((v): v is number => v !== null);
    expect(known.length).toBeGreaterThan(0);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(figures.slice(figures.indexOf(null) >= 0 ? figures.indexOf(null) : figures.length).every((v) => v === null)).toBe(true);

    // A second click turns it around; a third goes back to most first.
    await table(page).getByTestId('sort-applications').click();
    await searchPage.waitForQuery('sort', 'applications-asc');
    await expect(page.getByTestId('col-applications')).toHaveAttribute('aria-sort', 'ascending');
    await table(page).getByTestId('sort-applications').click();
    await searchPage.waitForQuery('sort', 'applications-desc');

    const shown = await readTable(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出本表 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/江苏省.*表格.*\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(bytes, { bom: true }) as string[][];
    expect(csv[0]).toEqual(shown.headers);
    expect(csv.slice(1)).toEqual(shown.rows.map((row) => row.map(asCsv)));
  });

  test('the columns chosen are kept in the address, and so is the table on the next page', async ({ page, searchPage }) => {
    await searchPage.goto('?view=table&sort=proactive-desc');
    await page.getByTestId('table-columns').locator('summary').click();
    for (const key of ['region', 'granted', 'refused', 'reconsiderations', 'lawsuits', 'corrected']) await page.getByTestId(`col-toggle-${key}`).uncheck();
    await page.getByTestId('table-columns-apply').click();
    await searchPage.waitForQuery('cols', 'year,proactive,applications,failed');
    const { headers } = await readTable(page);
    expect(headers).toEqual(['机构', '年度', '主动公开（条）', '新收申请（件）', '未通过校验（项）']);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('proactive-desc');

    await searchPage.pagination.getByRole('link', { name: '第 2 页' }).click();
    await searchPage.waitForQuery('page', '2');
    const url = new URL(page.url());
    expect(url.searchParams.get('view')).toBe('table');
    expect(url.searchParams.get('cols')).toBe('year,proactive,applications,failed');
    expect((await readTable(page)).headers).toHaveLength(5);

    // Back to the cards, same search.
    await page.getByTestId('view-switch').getByRole('link', { name: '列表' }).click();
    await expect(page).toHaveURL((u) => !u.searchParams.has('view'));
    await expect(searchPage.results.first()).toBeVisible();
  });

  for (const width of [1366, 390]) {
    test(`screenshot at ${width} px: Chinese glyphs, no horizontal scroll of the page`, async ({ page, searchPage }) => {
      await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      await searchPage.goto('?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&view=table&sort=applications-desc');
      await expect(table(page)).toBeVisible();
      expect(await searchPage.fitsViewportWidth()).toBe(true);
      await expect(table(page).locator('thead')).toContainText('新收申请');
      await page.screenshot({ path: test.info().outputPath(`table-${width}.png`), fullPage: width > 800 });
    });
  }
});
