import { readFile } from 'node:fs/promises';
import { StatsPage } from './pages/stats-page';
import { expect, test } from './support/fixtures';

/**
 * Charts of 甘肃省天水市麦积区 from e2e/fixtures: five township reports, three for 2022 (proactive
 * 120 + 80 + 60 = 260; applications 10 + 4 + 3 = 17) and two for 2023 (150 + 90 = 240; 20 + 8 = 28).
 */

const MAIJI = { province: '甘肃省', city: '天水市', county: '麦积区' };

test.describe('stats', () => {
  test('charts of a county: one bar per year, tooltips, the table and the CSV of a chart', async ({ page, dialogs: _dialogs }) => {
    const stats = new StatsPage(page);
    await stats.goto(`?${new URLSearchParams(MAIJI)}`);
    await expect(stats.total).toHaveText('5');
    await stats.reveal('proactive', 'applications', 'regions');
    await expect(stats.bars('proactive')).toHaveCount(2);
    await expect(stats.bars('applications')).toHaveCount(2);
    await expect(stats.card('proactive').getByTestId('chart-basis')).toContainText('基于 5 份报告');
    await expect(stats.card('proactive').getByTestId('small-sample')).toHaveCount(0);
    // Region breakdown one level below the county: its townships with reports.
    await expect(stats.bars('regions')).toHaveCount(3);

    // Hovering a bar shows its figure.
    await stats.bars('proactive').first().hover();
    await expect(stats.card('proactive').locator('.recharts-tooltip-wrapper')).toContainText('260');

    const toggle = stats.tableToggle('proactive');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const table = stats.table('proactive');
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(table.locator('tbody tr').first()).toContainText('2022');
    await expect(table.locator('tbody tr').first()).toContainText('260');

    const [download] = await Promise.all([page.waitForEvent('download'), stats.csvButton('applications').click()]);
    expect(download.suggestedFilename()).toBe('nianbao-applications-甘肃省-天水市-麦积区.csv');
    const csv = (await readFile(await download.path())).toString('utf8');
    expect(
      csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toEqual(['年度,新收申请（件）,给出数字的报告（份）', '2022,17,3', '2023,28,2']);
  });

  test('changing a filter updates the charts and the URL; small samples are labelled', async ({ page }) => {
    const stats = new StatsPage(page);
    await stats.goto(`?${new URLSearchParams(MAIJI)}`);
    await stats.reveal('proactive');
    await expect(stats.bars('proactive')).toHaveCount(2);
    await stats.facet('年度', '2023').click();
    await stats.waitForQuery('year', '2023');
    await stats.reveal('proactive');
    await expect(stats.bars('proactive')).toHaveCount(1);
    await expect(stats.total).toHaveText('2');
    await expect(stats.card('proactive').getByTestId('small-sample')).toBeVisible();
    // The other views keep the filters.
    await expect(stats.viewLink('覆盖')).toHaveAttribute('href', /county=%E9%BA%A6%E7%A7%AF%E5%8C%BA.*year=2023|year=2023.*county=/);
    // Drill down from the region breakdown.
    await stats.facet('地区', '社棠镇').click();
    await stats.waitForQuery('township', '社棠镇');
    await expect(stats.total).toHaveText('1');
  });

  test('nothing matched: a plain empty state; a bad parameter: a plain message', async ({ page }) => {
    const stats = new StatsPage(page);
    await stats.goto(`?${new URLSearchParams({ ...MAIJI, year: '2015' })}`);
    await expect(page.getByTestId('stats-empty')).toBeVisible();
    await stats.goto('?year=abcd');
    await expect(stats.invalid).toContainText('年份“abcd”无效');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    test('the charts fit the screen', async ({ page }) => {
      const stats = new StatsPage(page);
      await stats.goto();
      await expect(stats.card('proactive')).toBeVisible();
      expect(await stats.fitsViewportWidth()).toBe(true);
    });
  });
});

test.describe('province map', () => {
  test('the national statistics show a province map; clicking 山东省 filters to it, and another metric keeps the filter', async ({ page }) => {
    await page.goto('/stats');
    const map = page.getByTestId('province-map');
    await expect(map).toBeVisible();
    await expect(map.locator('svg a[data-province]')).toHaveCount(34);
    await expect(map.locator('svg a[data-province="台湾省"]')).toHaveCount(1);
    await expect(map.getByRole('list', { name: '图例' })).toContainText('无数据');
    await map.getByTestId('map-metric-failed').click();
    await expect(page).toHaveURL(/map=failed/);
    await expect(page.getByTestId('province-map').getByRole('heading')).toContainText('校验未通过率');
    await page.getByTestId('province-map').locator('svg a[data-province="山东省"]').click();
    await expect(page).toHaveURL(/province=%E5%B1%B1%E4%B8%9C%E7%9C%81|province=山东省/);
    await expect(page.getByTestId('stats-summary')).toContainText('山东省');
    // Below the country the breakdown is by city: no province map.
    await expect(page.getByTestId('province-map')).toHaveCount(0);
  });

  test('the coverage page shows the province map too; its table lists the same values with links', async ({ page }) => {
    await page.goto('/coverage');
    const map = page.getByTestId('coverage-map');
    await expect(map).toBeVisible();
    await map.getByText('以表格查看各省数值').click();
    const row = map.getByTestId('coverage-map-table').getByRole('row', { name: /江苏省/ });
    await expect(row).toContainText('份');
    await row.getByRole('link', { name: '江苏省' }).click();
    await expect(page).toHaveURL(/province=/);
  });
});
