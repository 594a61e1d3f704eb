import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';

test.describe('search page', () => {
  test('drill down by place, open a report, and come back to the same results', async ({ page, searchPage, reportPage }) => {
    await searchPage.goto();
    const everything = await searchPage.totalCount();
    expect(everything).toBeGreaterThan(50);
    await expect(searchPage.summary).toContainText(/共 \d+ 份报告，第 1\/\d+ 页/);

    await searchPage.regionValue('江苏省').click();
    await searchPage.waitForQuery('province', '江苏省');
    await expect(searchPage.regionTrail).toContainText('全国');
    await expect(searchPage.regionTrail.locator('[aria-current]')).toHaveText('江苏省');
    const inProvince = await searchPage.totalCount();
    expect(inProvince).toBeLessThan(everything);

    await searchPage.regionValue('淮安市').click();
    await searchPage.waitForQuery('city', '淮安市');
    expect(new URL(page.url()).searchParams.get('province')).toBe('江苏省');
    await expect(searchPage.regionTrail.locator('[aria-current]')).toHaveText('淮安市');
    expect(await searchPage.totalCount()).toBe(3);
    for (const region of await page.getByTestId('result-region').allInnerTexts()) expect(region).toContain('淮安市');
    const listed = await searchPage.resultIds();
    const resultsUrl = page.url();

    await searchPage.resultLinks.first().click();
    await expect(reportPage.title).toBeVisible();
    expect(page.url()).toContain(`/reports/${listed[0]}`);

    await page.goBack();
    await expect(searchPage.regionTrail.locator('[aria-current]')).toHaveText('淮安市');
    expect(page.url()).toBe(resultsUrl);
    expect(await searchPage.resultIds()).toEqual(listed);

    // Up the trail: back to the province, then the whole country.
    await searchPage.regionTrail.getByRole('link', { name: '江苏省' }).click();
    await expect(page).toHaveURL((url) => !url.searchParams.has('city') && url.searchParams.get('province') === '江苏省');
    await expect(searchPage.regionTrail.locator('[aria-current]')).toHaveText('江苏省');
    expect(await searchPage.totalCount()).toBe(inProvince);
    await page.goBack();
    await searchPage.waitForQuery('city', '淮安市');
    expect(await searchPage.resultIds()).toEqual(listed);
  });

  test('a text search shows snippets with the words marked', async ({ page, searchPage }) => {
    await searchPage.goto();
    await searchPage.search('行政复议');
    await expect(page).toHaveTitle(/行政复议/);
    expect(await searchPage.totalCount()).toBeGreaterThan(0);
    await expect(searchPage.snippets.first()).toBeVisible();
    const marks = searchPage.snippets.locator('mark');
    expect(await marks.count()).toBeGreaterThan(0);
    // PDF text may carry a space inside the words ("行政复 议").
    for (const text of (await marks.allInnerTexts()).slice(0, 10)) expect('行政复议').toContain(text.replace(/\s+/g, ''));
    // Result links carry the words to the report page.
    expect(await searchPage.resultLinks.first().getAttribute('href')).toContain(`q=${encodeURIComponent('行政复议')}`);
  });

  test('filters combine, sort changes the order, and pages say where they are', async ({ page, searchPage }) => {
    await searchPage.goto();
    await searchPage.facet('年度', '2023').click();
    await searchPage.waitForQuery('year', '2023');
    for (const year of await searchPage.yearsListed()) expect(year).toBe(2023);
    await expect(searchPage.facet('年度', '2023')).toHaveAttribute('aria-current', 'true');

    await searchPage.goto('?yearFrom=2015&yearTo=2020');
    await expect(page.getByRole('spinbutton', { name: '起始年度' })).toHaveValue('2015');
    for (const year of await searchPage.yearsListed()) {
      expect(year).toBeGreaterThanOrEqual(2015);
      expect(year).toBeLessThanOrEqual(2020);
    }

    await searchPage.goto();
    await searchPage.sortSelect.selectOption('year-desc');
    await searchPage.waitForQuery('sort', 'year-desc');
    const years = await searchPage.yearsListed();
    expect(years).toEqual([...years].sort((a, b) => b - a));

    const pages = Math.ceil((await searchPage.totalCount()) / 20);
    await expect(searchPage.summary).toContainText(`第 1/${pages} 页`);
    await expect(searchPage.pagination.getByRole('link', { name: '第 1 页' })).toHaveAttribute('aria-current', 'page');
    await searchPage.pagination.getByRole('link', { name: '下一页' }).click();
    await searchPage.waitForQuery('page', '2');
    await expect(searchPage.summary).toContainText(`第 2/${pages} 页`);
    await expect(searchPage.pagination.getByRole('link', { name: '第 2 页' })).toHaveAttribute('aria-current', 'page');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('year-desc');
  });

  test('findings filter keeps only reports with failed checks', async ({ searchPage }) => {
    await searchPage.goto();
    await searchPage.facet('发现', '校验未通过').click();
    await searchPage.waitForQuery('failed', '1');
    const count = await searchPage.results.count();
    expect(count).toBeGreaterThan(0);
    await expect(searchPage.page.getByTestId('badge-failed')).toHaveCount(count);
  });

  test('nothing found: each filter can be dropped, and the words get advice', async ({ page, searchPage }) => {
    await searchPage.goto('?q=%E6%B4%AA%E6%B3%BD%E5%8C%BA&province=%E5%B1%B1%E4%B8%9C%E7%9C%81');
    await expect(searchPage.noResults).toBeVisible();
    await expect(searchPage.noResults).toContainText('没有找到符合条件的报告');
    await expect(searchPage.noResults).toContainText('错别字');
    await expect(searchPage.noResults.getByText('地区：山东省')).toBeVisible();
    await searchPage.noResults.getByRole('link', { name: '去掉这个条件' }).first().click();
    await expect(page).toHaveURL((url) => !url.searchParams.has('province'));
    expect(await searchPage.totalCount()).toBeGreaterThan(0);
  });

  test('a malformed address gets a plain message and a way back', async ({ page, searchPage }) => {
    await searchPage.goto('?year=abcd');
    await expect(searchPage.invalid).toContainText('年份“abcd”无效');
    await page.getByRole('link', { name: '重新开始搜索' }).click();
    await expect(searchPage.summary).toBeVisible();
  });

  test('CSV export has a BOM, a header and one row per matching report', async ({ page, searchPage }) => {
    await searchPage.goto('?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&size=50');
    const total = await searchPage.totalCount();
    const listed = await searchPage.resultIds();
    expect(listed).toHaveLength(total);
    const [download] = await Promise.all([page.waitForEvent('download'), searchPage.exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes
      .subarray(3)
      .toString('utf8')
      .split(/\r?\n/)
      .filter((line) => line.length > 0);
    expect(lines[0]).toMatch(/^id,机构,省,市,县/);
    expect(lines.length - 1).toBe(total);
    // The same reports as the page lists, in the same order.
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(listed);
  });

  test('no result card is without a name: derived titles are marked, unknown bodies are said plainly', async ({ page, searchPage }) => {
    await searchPage.goto('?size=100');
    const total = await searchPage.totalCount();
    const names: string[] = [];
    for (let p = 1; p <= Math.ceil(total / 100); p++) {
      if (p > 1) await searchPage.goto(`?size=100&page=${p}`);
      names.push(...(await searchPage.resultLinks.allInnerTexts()));
    }
    expect(names).toHaveLength(total);
    expect(names.filter((n) => n.trim() === '')).toEqual([]);
    // 广西壮族自治区 2021 (web excerpt 007) names neither its title nor its body.
    await searchPage.goto(`?province=${encodeURIComponent('广西壮族自治区')}&year=2021`);
    await expect(searchPage.resultLinks.filter({ hasText: '未识别发布机关 · 广西壮族自治区 · 2021 年度' })).toHaveCount(1);
    // 贵阳市 2023 prints no title: it gets one from its body and year, marked as derived.
    await searchPage.goto(`?city=${encodeURIComponent('贵阳市')}&year=2023`);
    const derived = searchPage.results.filter({ has: page.getByTestId('title-derived') }).first();
    await expect(derived.getByTestId('result-link')).toHaveText('贵阳市人民政府2023年政府信息公开工作年度报告');
  });

  test('keyboard: tab to the search box, type, and submit with Enter', async ({ page, searchPage }) => {
    await searchPage.goto();
    for (let i = 0; i < 10 && !(await searchPage.searchInput.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(searchPage.searchInput).toBeFocused();
    const outline = await searchPage.searchInput.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.type('主动公开');
    await page.keyboard.press('Enter');
    await searchPage.waitForQuery('q', '主动公开');
    expect(await searchPage.totalCount()).toBeGreaterThan(0);
  });

  test('desktop screenshot', async ({ searchPage }) => {
    await searchPage.goto('?q=%E4%BE%9D%E7%94%B3%E8%AF%B7&province=%E6%B1%9F%E8%8B%8F%E7%9C%81');
    await expect(searchPage.results.first()).toBeVisible();
    await searchPage.screenshot('test-results/search-desktop.png');
  });
});

test.describe('report text is shown as text', () => {
  test('injected markup in a report never runs, in results or on the report page', async ({ page, searchPage, reportPage, dialogs }) => {
    await searchPage.goto();
    await searchPage.search('安全测试');
    const result = searchPage.results.filter({ hasText: '转塘街道' }).first();
    await expect(result).toBeVisible();
    await expect(page.locator('img[onerror]')).toHaveCount(0);
    await expect(searchPage.snippets.locator('em')).toHaveCount(0);

    await result.getByRole('heading').getByRole('link').click();
    await expect(reportPage.title).toContainText('转塘街道');
    const overview = reportPage.section('一、总体情况');
    await expect(overview).toContainText('<script>alert(1)</script>');
    await expect(overview).toContainText('<img src=x onerror=alert(1)>');
    await expect(overview).toContainText('<em>强调</em>');
    await expect(page.locator('img[onerror], img[src="x"]')).toHaveCount(0);
    await expect(reportPage.text.locator('em, script')).toHaveCount(0);
    // Arriving from the search marks the words in the text.
    await expect(reportPage.marks.first()).toHaveText('安全测试');
    expect(dialogs).toEqual([]);
  });

  test('a page past the last is redirected to the last page of the same search', async ({ page, searchPage }) => {
    const response = await page.goto('/?province=%E6%B1%9F%E8%8B%8F%E7%9C%81&size=10&page=400');
    expect(response?.request().redirectedFrom()?.url()).toContain('page=400');
    const url = new URL(page.url());
    expect(url.searchParams.get('province')).toBe('江苏省');
    const last = Number(url.searchParams.get('page') ?? '1');
    await expect(searchPage.summary).toContainText(new RegExp(`第 ${last}/${last} 页`));
  });
});
