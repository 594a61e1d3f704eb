import { expect, test } from './support/fixtures';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test.describe('on a phone', () => {
  test('search fits the screen and the filters fold into a panel', async ({ searchPage }) => {
    await searchPage.goto();
    expect(await searchPage.fitsViewportWidth()).toBe(true);
    await expect(searchPage.filtersToggle).toBeVisible();
    await expect(searchPage.filtersToggle).toHaveText(/^筛选/);
    const province = searchPage.regionValue('江苏省');
    await expect(province).toBeHidden();

    await searchPage.filtersToggle.click();
    await expect(province).toBeVisible();
    await province.click();
    await searchPage.waitForQuery('province', '江苏省');
    await expect(searchPage.filtersToggle).toContainText('已选 1 项');
    expect(await searchPage.fitsViewportWidth()).toBe(true);

    await searchPage.goto('?q=%E4%BE%9D%E7%94%B3%E8%AF%B7');
    await expect(searchPage.results.first()).toBeVisible();
    expect(await searchPage.fitsViewportWidth()).toBe(true);
    await searchPage.screenshot('test-results/search-phone.png', { fullPage: false });
    await searchPage.filtersToggle.click();
    await searchPage.screenshot('test-results/search-phone-filters.png', { fullPage: false });
  });

  test('a report fits the screen; its tables scroll inside their box', async ({ page, searchPage, reportPage }) => {
    await searchPage.goto('?county=%E6%B4%AA%E6%B3%BD%E5%8C%BA&year=2023');
    await searchPage.resultLinks.first().click();
    await expect(reportPage.applicationsTable).toBeVisible();
    expect(await reportPage.fitsViewportWidth()).toBe(true);
    const box = page.getByRole('region', { name: /表三/ });
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await reportPage.screenshot('test-results/report-phone.png', { fullPage: false });
    await box.scrollIntoViewIfNeeded();
    await reportPage.screenshot('test-results/report-phone-table.png', { fullPage: false });
  });
});

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });

  test('the filters are always open', async ({ searchPage }) => {
    await searchPage.goto();
    await expect(searchPage.filtersToggle).toBeHidden();
    await expect(searchPage.regionValue('江苏省')).toBeVisible();
  });
});
