import { ReportPage } from './pages/report-page';
import { SearchPage } from './pages/search-page';
import { AdminPage, signInAsAdmin, watchCspViolations } from './support/auth';
import { adminTest, expect, test } from './support/fixtures';

test.describe('security headers and CSP', () => {
  test('every page sends the security headers; HSTS only over HTTPS', async ({ request }) => {
    for (const path of ['/', '/signin', '/no-such-page']) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
      expect(headers['content-security-policy'], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(headers['content-security-policy'], path).not.toMatch(/unsafe-eval/);
      expect(headers['strict-transport-security'], path).toBeUndefined();
    }
    // The JSON APIs: the same static headers and a CSP that allows nothing (no nonce: the public
    // ones skip the proxy; the admin API passes it for the session check only).
    for (const path of ['/api/health', '/api/search?q=x', '/api/stats', '/api/admin/runs']) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
      expect(headers['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers['strict-transport-security'], path).toBeUndefined();
    }
    for (const path of ['/', '/api/search?q=x', '/api/health', '/api/admin/runs']) {
      const overHttps = await request.get(path, { headers: { 'x-forwarded-proto': 'https' } });
      expect(overHttps.headers()['strict-transport-security'], path).toMatch(/max-age=\d+/);
    }
    const first = (await request.get('/')).headers()['content-security-policy'];
    const second = (await request.get('/')).headers()['content-security-policy'];
    expect(first, 'a fresh nonce per request').not.toBe(second);
  });

  test('the home page, a report page, the sign-in page and /admin run under the CSP without violations', async ({ page }) => {
    const violations = watchCspViolations(page);
    const searchPage = new SearchPage(page);
    const reportPage = new ReportPage(page);
    const adminPage = new AdminPage(page);
    await page.goto('/');
    await expect(page.getByRole('search')).toBeVisible();
    // Client-side JavaScript runs: a result link navigates without a full reload.
    await searchPage.searchInput.fill('政府信息公开');
    await searchPage.searchSubmit.click();
    await searchPage.resultLinks.first().click();
    await expect(page).toHaveURL(/\/reports\//);
    await expect(reportPage.title).toBeVisible();
    await page.reload();
    await expect(reportPage.title).toBeVisible();
    // Through the sign-in form, which is one of the pages under test here.
    await signInAsAdmin(page);
    await expect(adminPage.uploadPanel).toBeVisible();
    // Hydrated: choosing a file lists it (React state, not server HTML).
    await expect(adminPage.uploadReady).toBeVisible();
    await adminPage.uploadInput.setInputFiles({ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await expect(adminPage.uploadSelected).toContainText('x.txt');
    await page.goto('/admin/collection');
    await expect(page.getByTestId('collection-table')).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('the charts, the comparison, the coverage grid and the not-found page run under the CSP without violations', async ({ page }) => {
    const violations = watchCspViolations(page);
    await page.goto(`/stats?county=${encodeURIComponent('麦积区')}`);
    // recharts draws (client-side, with inline styles, as the chart comes into view) and the table toggle works (hydrated).
    await page.getByTestId('chart-proactive').scrollIntoViewIfNeeded();
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    await page.getByRole('button', { name: '以表格显示' }).first().click();
    await expect(page.getByRole('table').first()).toBeVisible();
    await page.goto(`/compare?body=${encodeURIComponent('620503100|政府')}&body=${encodeURIComponent('620503102|政府')}`);
    await page.getByTestId('compare-chart').scrollIntoViewIfNeeded();
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    await page.goto(`/coverage?county=${encodeURIComponent('麦积区')}`);
    await expect(page.getByTestId('coverage-omitted')).toBeVisible();
    const missing = await page.goto('/no-such-page');
    expect(missing?.status()).toBe(404);
    await expect(page.getByTestId('not-found')).toBeVisible();
    // The not-found page is interactive too (its scripts carry the nonce): a client-side link works.
    await page.getByRole('link', { name: '返回首页' }).click();
    await expect(page.getByRole('search')).toBeVisible();
    expect(violations).toEqual([]);
  });

  adminTest('no secret reaches the browser: admin responses and client bundles hold no keys or hashes', async ({ page, adminPage }) => {
    await adminPage.goto();
    const scripts = await page.locator('script[src]').evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src));
    expect(scripts.length).toBeGreaterThan(0);
    const bodies = [await page.content()];
    for (const src of scripts) bodies.push(await (await page.request.get(src)).text());
    for (const path of ['/api/admin/runs', '/api/admin/runs/current', '/api/admin/collection?limit=500'])
      bodies.push(await (await page.request.get(path)).text());
    for (const body of bodies) {
      expect(body).not.toMatch(/\$2[aby]\$\d\d\$/);
      expect(body).not.toMatch(/apiKey|masterKey|searchKey|AUTH_SECRET=/);
      expect(body).not.toContain(process.env.E2E_ADMIN_PASSWORD!);
    }
  });

  adminTest('state-changing admin requests from another site are refused even with a session', async ({ page }) => {
    // The session is good: the same request from this site gets through the session check.
    expect((await page.request.get('/api/admin/runs')).status()).toBe(200);
    const response = await page.request.post('/api/admin/runs', {
      data: { mode: 'full' },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status()).toBe(403);
    const removal = await page.request.delete('/api/admin/collection/abc', { headers: { origin: 'https://evil.example' } });
    expect(removal.status()).toBe(403);
  });
});
