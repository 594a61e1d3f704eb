import { HomePage } from './pages/home-page';
import { expect, test } from './support/fixtures';

test.describe('home page', () => {
  test('introduces the project in Chinese and offers the search', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();

    expect(await home.lang()).toBe('zh-CN');
    await expect(page).toHaveTitle(/年报/);
    await expect(home.brand).toHaveText(/年报.*Nianbao/);
    await expect(home.main).toBeVisible();
    await expect(home.title).toHaveText('政府信息公开工作年度报告 检索与比较');
    await expect(home.lead).toContainText('政府信息公开工作年度报告');
    await expect(home.searchForm).toBeVisible();
    await expect(page.getByRole('searchbox', { name: '搜索年报全文' })).toBeVisible();
    await expect(home.footer).toContainText('MIT');
    await expect(home.footer).toContainText('报告为公开政府文件');
  });

  test('skip link moves focus to the main content', async ({ page }) => {
    const home = new HomePage(page);
    await home.goto();

    await page.keyboard.press('Tab');
    await expect(home.skipLink).toBeFocused();
    await expect(home.skipLink).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(home.main).toBeFocused();
  });
});

test('unknown addresses show a Chinese not-found page', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId('not-found')).toContainText('页面不存在');
});

test('health endpoint answers ok', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.ok()).toBe(true);
  expect(await response.json()).toEqual({ ok: true });
});
