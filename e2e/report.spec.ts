import type { SearchPage } from './pages/search-page';
import { expect, test } from './support/fixtures';

/** Opens the one report the search finds for a place and year. */
async function openReport(searchPage: SearchPage, query: string) {
  await searchPage.goto(query);
  await expect(searchPage.results).toHaveCount(1);
  await searchPage.resultLinks.first().click();
  await expect(searchPage.page).toHaveURL(/\/reports\//);
}

test.describe('report page', () => {
  test('洪泽区 2023: the tables as printed, with the failed 表四 check marked', async ({ page, searchPage, reportPage }) => {
    await openReport(searchPage, '?county=%E6%B4%AA%E6%B3%BD%E5%8C%BA&year=2023');
    await expect(reportPage.title).toHaveText('洪泽区人民政府2023年政府信息公开工作年度报告');
    await expect(page).toHaveTitle(/洪泽区人民政府2023年/);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description).toContain('新收申请 21 件');

    await expect(reportPage.regionLinks).toHaveText(['江苏省', '淮安市', '洪泽区']);
    await expect(reportPage.regionLinks.first()).toHaveAttribute('href', `/?province=${encodeURIComponent('江苏省')}`);
    await expect(page.getByTestId('figure-applications')).toContainText('21');
    await expect(page.getByTestId('figure-proactive')).toContainText('1,136');

    // 表三 as this report prints it: the 2019-style single （六）其他处理 row, so 23 rows × 7 figures.
    await expect(reportPage.applicationRows()).toHaveCount(23);
    await expect(reportPage.applicationRows().first().locator('td')).toHaveCount(7);
    await expect(reportPage.applicationsTable.locator('thead')).toContainText('法人或其他组织');
    await expect(reportPage.cell('t3.newReceived.total')).toHaveText('21');

    // 表四: 行政复议 维持 10 + 纠正 1 ≠ 总计 0 (rule 4).
    await expect(reportPage.reviewTable.locator('thead')).toContainText('未经复议直接起诉');
    await expect(reportPage.reviewTable.locator('tbody td')).toHaveCount(15);
    const total = reportPage.cell('t4.reconsideration.total');
    await expect(total).toHaveClass(/cell--failed/);
    await expect(total).toHaveAttribute('title', /行政复议：维持 10 \+ 纠正 1/);
    expect(await reportPage.description(total)).toContain('规则4');
    await expect(reportPage.cell('t4.litigationDirect.total')).not.toHaveClass(/cell--failed/);
    await expect(reportPage.failedChecks.filter({ hasText: '规则4' })).toHaveCount(2);
    await expect(page.getByTestId('checks-summary')).toContainText('2 项未通过');

    // The same body's 2024 report, with the change of its figures.
    await expect(reportPage.bodyYears).toHaveCount(2);
    const next = reportPage.otherYears.getByRole('link');
    await expect(next).toHaveText('2024 年度');
    await next.click();
    await expect(reportPage.title).toContainText('2024');
  });

  test('淮安市 2024: 表三 has the 2021 template’s 25 rows × 7 columns', async ({ reportPage, searchPage, page }) => {
    await openReport(searchPage, '?city=%E6%B7%AE%E5%AE%89%E5%B8%82&level=city&year=2024');
    await expect(reportPage.title).toContainText('淮安市');
    await expect(reportPage.applicationRows()).toHaveCount(25);
    await expect(reportPage.applicationsTable.locator('tbody td')).toHaveCount(175);
    await expect(reportPage.applicationsTable.locator('tbody th', { hasText: '三、本年度办理结果' })).toHaveCount(1);
    await expect(reportPage.applicationsTable.locator('tbody th', { hasText: '（六）其他处理' })).toHaveAttribute('rowspan', '3');
    await expect(reportPage.disclosureTable).toContainText('第二十条第（一）项');
    await expect(reportPage.disclosureTable).toContainText('本年制发件数');
    await expect(page.getByTestId('checks-summary')).toContainText('全部通过');
    await reportPage.screenshot('test-results/report-desktop.png');
  });

  test('words from the search are marked in the text', async ({ page, searchPage, reportPage }) => {
    await searchPage.goto('?q=%E4%BF%A1%E6%81%AF%E5%A4%84%E7%90%86%E8%B4%B9&county=%E6%B4%AA%E6%B3%BD%E5%8C%BA&year=2023');
    await searchPage.resultLinks.first().click();
    await expect(page).toHaveURL(/\/reports\/.+\?q=/);
    await expect(page.getByTestId('highlight-note')).toContainText('已标出检索词');
    await expect(reportPage.marks.first()).toHaveText('信息处理费');
  });

  test('a web excerpt says it is incomplete, and the date tells whether it was on time', async ({ page, searchPage, reportPage }) => {
    await searchPage.goto('?q=%E5%BC%A0%E5%AE%B6%E4%BA%A7%E9%95%87');
    await searchPage.resultLinks.first().click();
    await expect(reportPage.title).toContainText('张家产镇');
    await expect(page.getByTestId('report-published')).toHaveText('2023年1月16日');
    await expect(reportPage.timeliness).toContainText('按时发布');
    await expect(reportPage.partialNotice).toHaveCount(0);

    await searchPage.goto('?q=%E6%B2%99%E4%BE%9D%E5%B7%B4%E5%85%8B%E5%8C%BA&year=2022');
    await searchPage.resultLinks.first().click();
    await expect(reportPage.partialNotice).toContainText('本文为网页摘录，内容不完整');
  });

  test('an unknown report gets a Chinese not-found page with HTTP 404, kept out of search engines', async ({ page }) => {
    // proxy.ts asks the index first: the page streams, so its own notFound() could only send a 200.
    const response = await page.goto('/reports/no-such-report');
    expect(response?.status()).toBe(404);
    // A malformed escape in the path: Next refuses it before the app (400); never a 5xx or a 200.
    const malformed = (await page.request.get('/reports/%E0%A4%A')).status();
    expect(malformed === 400 || malformed === 404).toBe(true);
    await expect(page.getByTestId('not-found')).toContainText('没有找到这份报告');
    // Next writes its noindex for a 404 (more than once in a streamed page).
    await expect(page.locator('head meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
    await expect(page).toHaveTitle(/没有找到这份报告/);
  });
});
