import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, adminTest as test } from './support/fixtures';

// One run at a time on the server: these tests share it, so they run in order.
test.describe.configure({ mode: 'serial' });

/** A report no other test has: the browser-test fixture moved to another year. */
function freshReport(): Buffer {
  const text = readFileSync(path.join(import.meta.dirname, 'fixtures', 'injected-html.txt'), 'utf8');
  return Buffer.from(`${text.replaceAll('2022', '2017').replaceAll('2023', '2018')}\n（管理页上传测试 ${Date.now()}）\n`);
}

// Signed in from the start (adminTest): the worker's admin session.
test.describe('admin: uploads, runs, history, collection', () => {
  test('upload two files, one broken: one is indexed, the other listed with its reason; then remove the new one', async ({ page, adminPage }) => {
    test.setTimeout(90_000);
    await adminPage.goto();
    await expect(adminPage.uploadPanel).toContainText('20.0 MB');
    const good = `e2e-upload-${Date.now()}.txt`;
    await adminPage.upload([
      { name: good, mimeType: 'text/plain', buffer: freshReport() },
      { name: '../../broken report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is not a PDF at all') },
    ]);
    await expect(page.getByTestId('upload-stored')).toHaveCount(2);
    await expect(page.getByTestId('upload-stored').filter({ hasText: 'broken report.pdf' })).toBeVisible();

    await adminPage.runIncremental.click();
    await expect(adminPage.summary).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('summary-indexed')).toHaveText('1');
    await expect(page.getByTestId('summary-failed')).toHaveText('1');
    await expect(page.getByTestId('summary-fatal')).toHaveCount(0);
    const failure = adminPage.summaryFailures.first();
    await expect(failure).toContainText('reports/uploads/broken report.pdf');
    await expect(failure.getByRole('link', { name: '重新上传' })).toHaveAttribute('href', '#upload');

    // The history keeps the run with who started it.
    await page.goto('/admin/runs');
    const latest = page.getByTestId('run-row').first();
    await expect(latest).toContainText('admin@');
    await expect(latest).toContainText('增量');
    await expect(latest).toContainText('部分失败');

    // The collection lists the new report; removing it takes it out of the index.
    await page.goto('/admin/collection');
    // The span holds only the number, so its text content is the text shown.
    const total = Number(await page.getByTestId('collection-total').textContent());
    const row = page.locator(`[data-testid="collection-row"][data-source$="${good}"]`);
    let pages = 0;
    while ((await row.count()) === 0 && pages++ < 20) await page.getByRole('link', { name: '下一页' }).click();
    await expect(row).toContainText('2017');
    await row.getByRole('button', { name: /^移除 / }).click();
    await row.getByRole('button', { name: /^确认移除 / }).click();
    await expect(page.getByTestId('collection-total')).toHaveText(String(total - 1));
    await expect(row).toHaveCount(0);
  });

  test('full reindex runs to completion with live progress; a second run is refused meanwhile; searches keep answering', async ({ page, adminPage }) => {
    test.setTimeout(120_000);
    await adminPage.goto();
    const before = await (await page.request.get('/api/search?q=政府信息公开')).json();
    const expectedTotal = before.total as number;
    expect(expectedTotal).toBeGreaterThan(0);

    await adminPage.runFull.click();
    await expect(adminPage.progress).toBeVisible();
    await expect(page.getByTestId('run-total')).toHaveText(/^\d+$/);
    await expect(page.getByTestId('run-done')).not.toHaveText('0');

    const second = await page.request.post('/api/admin/runs', { data: { mode: 'incremental' }, headers: { origin: new URL(page.url()).origin } });
    expect(second.status()).toBe(409);
    expect((await second.json()).code).toBe('conflict:admin');

    // Searches during the reindex: every one answers, with the same total (atomic swap).
    const statuses: number[] = [];
    const totals = new Set<number>();
    for (let i = 0; i < 400; i++) {
      const response = await page.request.get(`/api/search?q=政府信息公开&page=${(i % 3) + 1}`);
      statuses.push(response.status());
      if (response.ok()) totals.add((await response.json()).total);
      const current = await (await page.request.get('/api/admin/runs/current')).json();
      if (current.run?.state === 'finished') break;
    }
    expect(statuses.length).toBeGreaterThan(3);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect([...totals]).toEqual([expectedTotal]);

    await expect(adminPage.summary).toBeVisible({ timeout: 90_000 });
    await expect(adminPage.summary).toContainText('全量重建完成');
    await expect(page.getByTestId('summary-fatal')).toHaveCount(0);
    await expect(page.getByTestId('summary-indexed')).not.toHaveText('0');
    await expect(page.getByTestId('run-row').first()).toContainText('全量重建');
  });
});
