import { readFile } from 'node:fs/promises';
import { ComparePage } from './pages/compare-page';
import { expect, test } from './support/fixtures';

/**
 * Comparing bodies: e2e/fixtures holds 甘肃省天水市麦积区 社棠镇 (2022: 10 applications, 6 granted;
 * 2023: 20, 12 granted) and 甘泉镇 (2022: 4; 2023: 8), so the figures are known.
 */

const SHETANG = '620503100|政府';
const GANQUAN = '620503102|政府';

test.describe('compare', () => {
  test('pick two bodies by name, read the table and the chart, change the figure, download the CSV', async ({ page, dialogs: _dialogs }) => {
    const compare = new ComparePage(page);
    await compare.goto();
    await expect(page.getByTestId('compare-empty')).toBeVisible();

    await compare.pickBody('社棠', '社棠镇');
    expect(compare.bodies()).toEqual([SHETANG]);
    await expect(page.getByTestId('compare-need-more')).toBeVisible();

    await compare.pickBody('甘泉镇', '甘泉镇');
    expect(compare.bodies()).toEqual([SHETANG, GANQUAN]);
    // Year by year, the bodies side by side.
    await expect(compare.rows).toHaveCount(4);
    expect(await compare.rows.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-year')}:${r.getAttribute('data-body-key')}`))).toEqual([
      `2022:${SHETANG}`,
      `2022:${GANQUAN}`,
      `2023:${SHETANG}`,
      `2023:${GANQUAN}`,
    ]);
    const shetang2023 = compare.rows.nth(2);
    await expect(shetang2023.getByTestId('cell-applicationsNew')).toHaveText('20');
    await expect(shetang2023).toContainText('+10（+100%）');
    // 社棠镇 over both years: 18 of 30 granted, 3 of 30 refused, 1 of 5 corrected.
    const summary = compare.summaryRows.filter({ hasText: '社棠镇' });
    await expect(summary.getByTestId('rate-granted')).toHaveText('60.0%');
    await expect(summary.getByTestId('rate-refused')).toHaveText('10.0%');
    await expect(summary.getByTestId('rate-corrected')).toHaveText('20.0%');

    // One line per body, two points each.
    await expect(compare.chart).toHaveAttribute('data-series', '2');
    await compare.revealChart();
    await expect(compare.chartLines()).toHaveCount(2);
    await expect(compare.chart.locator('.recharts-line-dots').first().locator('circle')).toHaveCount(2);

    await compare.figureSelect.selectOption('shareGranted');
    await expect(page).toHaveURL((url) => url.searchParams.get('figure') === 'shareGranted');
    expect(compare.bodies()).toEqual([SHETANG, GANQUAN]);
    await compare.revealChart();
    await expect(compare.chartLines()).toHaveCount(2);

    // The address is the state: opening it again shows the same comparison.
    const shared = page.url();
    await page.goto(shared);
    await expect(compare.rows).toHaveCount(4);
    await expect(compare.figureSelect).toHaveValue('shareGranted');

    const [download] = await Promise.all([page.waitForEvent('download'), compare.exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^nianbao-比较-.*\.csv$/);
    const csv = await readFile(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^机关,机关标识,地区,年度,主动公开（条）/);
    expect(lines[3]).toContain('社棠镇');
    expect(lines[3]).toContain(',2023,150,30,20,10,');
  });

  test('the table sorts by any column (figures largest first)', async ({ page }) => {
    const compare = new ComparePage(page);
    const qs = new URLSearchParams([
      ['body', SHETANG],
      ['body', GANQUAN],
    ]);
    await compare.goto(`?${qs}`);
    const column = compare.column('新收申请（件）');
    await column.getByRole('button').click();
    await expect(column).toHaveAttribute('aria-sort', 'descending');
    expect(await compare.rows.getByTestId('cell-applicationsNew').allInnerTexts()).toEqual(['20', '10', '8', '4']);
    await column.getByRole('button').click();
    await expect(column).toHaveAttribute('aria-sort', 'ascending');
    expect(await compare.rows.getByTestId('cell-applicationsNew').allInnerTexts()).toEqual(['4', '8', '10', '20']);
    const body = compare.column('机关');
    await body.getByRole('button').click();
    await expect(body).toHaveAttribute('aria-sort', 'ascending');
  });

  test('加入比较 from a search result and from a report page adds to the same comparison', async ({ page, searchPage, reportPage }) => {
    await searchPage.goto('?q=%E7%A4%BE%E6%A3%A0%E9%95%87');
    const add = searchPage.results.first().getByRole('link', { name: /^加入比较/ });
    await expect(add).toHaveText('加入比较');
    await add.click();
    const compare = new ComparePage(page);
    await expect(compare.picked).toHaveCount(1);
    expect(compare.bodies()).toEqual([SHETANG]);

    await searchPage.goto('?q=%E7%94%98%E6%B3%89%E9%95%87&year=2023');
    await searchPage.resultLinks.first().click();
    const fromReport = reportPage.root.getByRole('link', { name: /^加入比较/ });
    await expect(fromReport).toHaveText('加入比较（已选 1 个）');
    await fromReport.click();
    await expect(compare.picked).toHaveCount(2);
    expect(compare.bodies()).toEqual([SHETANG, GANQUAN]);

    // Removing one keeps the other.
    await compare.picked
      .filter({ hasText: '社棠镇' })
      .getByRole('link', { name: /^移除 / })
      .click();
    await expect(compare.picked).toHaveCount(1);
    expect(compare.bodies()).toEqual([GANQUAN]);
  });

  test('malformed, unknown and too many bodies get plain messages', async ({ page }) => {
    const compare = new ComparePage(page);
    await compare.goto('?body=hello');
    await expect(compare.invalid).toContainText('格式不正确');
    await compare.goto(`?${new URLSearchParams(Array.from({ length: 7 }, (_, i) => ['body', `62050310${i}|政府`]))}`);
    await expect(compare.invalid).toContainText('最多同时比较 6 个机关');
    await compare.goto(
      `?${new URLSearchParams([
        ['body', SHETANG],
        ['body', '999999|没有这个机关'],
      ])}`,
    );
    await expect(page.getByTestId('compare-missing')).toContainText('没有这个机关');
    await expect(compare.picked).toHaveCount(1);
    const response = await page.request.get(`/api/compare/export?${new URLSearchParams([['body', SHETANG]])}`);
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe('请至少选择 2 个机关进行比较。');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    test('the comparison fits the screen; the table scrolls inside its box', async ({ page }) => {
      const compare = new ComparePage(page);
      await compare.goto(
        `?${new URLSearchParams([
          ['body', SHETANG],
          ['body', GANQUAN],
        ])}`,
      );
      await compare.revealChart();
      await expect(compare.chartLines()).toHaveCount(2);
      expect(await compare.fitsViewportWidth()).toBe(true);
    });
  });
});
