import { type SiteServer, siteManifest, startSiteServer } from '../test/support/site-server';
import { expect, adminTest as test } from './support/fixtures';

/**
 * The harvest journey: an admin adds a government portal's annual-report column as a source, runs
 * it and watches the progress, opens a harvested report and follows its original link; after the
 * portal edits that report, a second run shows it as 发布后被修改 with what changed. The portal is
 * the fixture site (test/fixtures/harvest-site), served from this test process on 127.0.0.1.
 */

test.describe.configure({ mode: 'serial' });

let site: SiteServer;
test.beforeAll(async () => {
  site = await startSiteServer();
});
test.afterAll(async () => {
  await site.close();
});

test('add a source, harvest it with live progress, open a report and its original link; an edited report shows 发布后被修改', async ({
  page,
  adminPage: _admin,
}) => {
  test.setTimeout(150_000);
  const manifest = siteManifest();
  const column = `${site.origin}${manifest.columns.county[0]}`;
  const changed = manifest.reports.find((r) => r.changesInVersion2)!;

  await page.goto('/admin/sources');
  const form = page.getByTestId('source-add');
  await form.getByLabel('年报栏目网址').fill(column);
  await form.getByLabel('备注').fill('青禾县政府年报');
  await form.getByLabel('区划代码（可选）').fill('999901');
  await form.getByRole('button', { name: '添加' }).click();
  const row = page.getByTestId('source-row').filter({ hasText: '青禾县政府年报' });
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: '采集' }).click();
  const progress = page.getByTestId('harvest-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/采集中|正在索引|采集完成/);
  await expect(progress).toContainText('采集完成', { timeout: 120_000 });
  expect(Number(await page.getByTestId('harvest-new').textContent())).toBeGreaterThan(5);
  await expect(page.getByTestId('harvest-indexed')).toBeVisible();
  await expect(row).toContainText(/份/);

  // The harvested report is searchable and cites where it came from.
  await page.goto(`/?q=${encodeURIComponent(changed.body)}&year=${changed.year}`);
  await page.getByTestId('result').first().getByTestId('result-link').click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toContainText(String(changed.year));
  const origin = page.getByTestId('report-origin');
  await expect(origin).toBeVisible();
  const link = origin.getByTestId('origin-link');
  await expect(link).toHaveAttribute('href', `${site.origin}${changed.url}`);
  const [original] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await original.waitForLoadState();
  expect(original.url()).toBe(`${site.origin}${changed.url}`);
  await original.close();
  const archived = await page.request.get((await origin.getByTestId('archive-link').getAttribute('href'))!);
  expect(archived.status()).toBe(200);
  expect(archived.headers()['content-security-policy']).toContain('sandbox');
  await expect(page.getByTestId('report-versions')).toHaveCount(0);

  // The portal corrects the report; the next run keeps both versions and shows the change.
  site.setVersion(2);
  await page.goto('/admin/sources');
  await page.getByTestId('source-row').filter({ hasText: '青禾县政府年报' }).getByRole('button', { name: '采集' }).click();
  await expect(page.getByTestId('harvest-progress')).toContainText(/采集中|正在索引/);
  await expect(page.getByTestId('harvest-progress')).toContainText('采集完成', { timeout: 120_000 });
  await expect(page.getByTestId('harvest-changed')).toHaveText('1');
  await expect(page.getByTestId('harvest-indexed')).toContainText('已索引 1 份');

  await page.goto(`/?q=${encodeURIComponent(changed.body)}&year=${changed.year}&changed=1`);
  await expect(page.getByTestId('result')).toHaveCount(1);
  await page.getByTestId('result').first().getByTestId('result-link').click();
  await expect(page.getByTestId('changed-notice')).toContainText('发布后被修改');
  const versions = page.getByTestId('report-versions');
  await expect(versions).toContainText('发布后被修改');
  await expect(versions.getByTestId('version-comparison')).toHaveCount(1);
  await expect(versions.getByTestId('version-figures')).toBeVisible();

  // Looked at on a wide and a narrow screen: the report with its versions, and the sources page; nothing scrolls sideways.
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`report-versions-${width}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.goto('/admin/sources');
    await page.screenshot({ path: test.info().outputPath(`sources-${width}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.goBack();
  }
});

test('sources: import a CSV (its bad line named), edit one, remove one', async ({ page, adminPage: _admin }) => {
  await page.goto('/admin/sources');
  const csv =
    '网址,机关,区划代码,备注\nhttps://www.csv-one.gov.cn/zfxxgknb/,甲县人民政府,999902,CSV 甲\nnot a url,乙县,,\nhttps://www.csv-two.gov.cn/gknb/,,,CSV 乙\n';
  const importForm = page.getByTestId('sources-import');
  await importForm.getByLabel('CSV 文件').setInputFiles({ name: 'sources.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await importForm.getByRole('button', { name: '导入' }).click();
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('已导入 2 个来源');
  await expect(result).toContainText('第 3 行');
  const one = page.getByTestId('source-row').filter({ hasText: 'CSV 甲' });
  await expect(one).toContainText('999902');

  await one.getByRole('button', { name: '编辑' }).click();
  const edit = one.getByTestId('source-edit');
  await edit.getByLabel('备注').fill('CSV 甲（改）');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByTestId('source-row').filter({ hasText: 'CSV 甲（改）' })).toBeVisible();

  const two = page.getByTestId('source-row').filter({ hasText: 'CSV 乙' });
  await two.getByRole('button', { name: '删除' }).click();
  await two.getByRole('button', { name: /确认删除/ }).click();
  await expect(page.getByTestId('source-row').filter({ hasText: 'CSV 乙' })).toHaveCount(0);
  await expect(page.getByTestId('source-row').filter({ hasText: 'CSV 甲（改）' })).toBeVisible();
});
