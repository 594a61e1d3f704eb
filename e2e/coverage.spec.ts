import { CoveragePage } from './pages/coverage-page';
import { expect, test } from './support/fixtures';

/**
 * Coverage of 甘肃省天水市麦积区 from e2e/fixtures: 社棠镇 and 甘泉镇 have 2022 and 2023 (甘泉镇 2023
 * fails a check), 马跑泉镇 only 2022 — a known gap — and the other 17 townships nothing (its 6 开发区/工业园 units are not listed).
 */

const MAIJI = `?${new URLSearchParams({ province: '甘肃省', city: '天水市', county: '麦积区' })}`;

test.describe('coverage', () => {
  test('a county’s townships × years show the known gap, the failing report and the yearly summary', async ({ page, reportPage }) => {
    const coverage = new CoveragePage(page);
    await coverage.goto(MAIJI);
    await expect(coverage.heading).toHaveText('甘肃省天水市麦积区年报覆盖情况');
    await expect(coverage.legend).toBeVisible();
    await expect(coverage.rows).toHaveCount(20);
    await expect(coverage.grid.getByRole('columnheader')).toHaveCount(1 + 6);

    await expect(coverage.cell('马跑泉镇', 2022)).toHaveAttribute('data-status', 'present');
    await expect(coverage.cell('马跑泉镇', 2023)).toHaveAttribute('data-status', 'missing');
    await expect(coverage.cell('马跑泉镇', 2023).getByRole('img')).toHaveAccessibleName('马跑泉镇 2023 年度：未收录');
    await expect(coverage.cell('甘泉镇', 2023)).toHaveAttribute('data-status', 'failed');
    await expect(coverage.cell('社棠镇', 2023)).toHaveAttribute('data-status', 'present');
    await expect(coverage.summary.filter({ hasText: '2023' })).toContainText('20 家中 2 家已收录（1 家校验未通过）');
    await expect(coverage.summary.filter({ hasText: '2022' })).toContainText('20 家中 3 家已收录');

    // A present cell links to the report.
    await coverage.cell('社棠镇', 2023).getByRole('link').click();
    await expect(reportPage.title).toContainText('社棠镇');
  });

  test('a city’s counties drill down to a county; the year range is in the URL', async ({ page }) => {
    const coverage = new CoveragePage(page);
    await coverage.goto(`?${new URLSearchParams({ province: '甘肃省', city: '天水市', yearFrom: '2022', yearTo: '2023' })}`);
    await expect(coverage.cell('麦积区', 2023)).toHaveAttribute('data-status', 'missing');
    await expect(coverage.cell('麦积区', 2022)).toContainText('+3 份');
    await coverage.row('麦积区').getByRole('link', { name: '麦积区', exact: true }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('county') === '麦积区' && url.searchParams.get('yearFrom') === '2022');
    await expect(coverage.rows).toHaveCount(20);
    await expect(coverage.grid.getByRole('columnheader')).toHaveCount(1 + 2);
    await coverage.trail.getByRole('link', { name: '全国' }).click();
    await expect(page).toHaveURL((url) => !url.searchParams.has('province'));
    await expect(coverage.rows).toHaveCount(31);
  });

  test('an unknown place gets a plain message', async ({ page }) => {
    const coverage = new CoveragePage(page);
    await coverage.goto(`?${new URLSearchParams({ province: '甘肃省', county: '没有区' })}`);
    await expect(coverage.invalid).toContainText('没有找到地区“甘肃省没有区”');
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    test('the page fits the screen; the grid scrolls inside its box', async ({ page }) => {
      const coverage = new CoveragePage(page);
      await coverage.goto(MAIJI);
      await expect(coverage.rows).toHaveCount(20);
      expect(await coverage.fitsViewportWidth()).toBe(true);
      expect(await coverage.gridBox.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    });
  });
});
