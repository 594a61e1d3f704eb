import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { parquetMetadata } from 'hyparquet';
import { type Answer, checkEveryPath, type OpenApiDoc } from '../test/support/openapi';
import { OpenDataPage } from './pages/open-data-page';
import { expect, test } from './support/fixtures';

/**
 * Open data as a data journalist uses it: from a search to the data page, every figure of every
 * report downloaded as CSV, JSON Lines and Parquet, as many rows as the search page counts; the
 * generation in the file name; the OpenAPI document and its docs page, every path answering as
 * the document says.
 */

const JIANGSU = `?${new URLSearchParams({ province: '江苏省' })}`;

async function downloadBytes(page: Page, link: ReturnType<OpenDataPage['download']>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

function rowCount(format: 'csv' | 'jsonl' | 'parquet', bytes: Buffer): number {
  if (format === 'csv') return (parseCsv(bytes, { bom: true, columns: true }) as unknown[]).length;
  if (format === 'jsonl') return bytes.toString('utf8').split('\n').filter(Boolean).length;
  return Number(parquetMetadata(new Uint8Array(bytes).buffer).num_rows);
}

test.describe('open data', () => {
  for (const query of ['', JIANGSU]) {
    test(`bulk download from the data page${query ? ' of a search' : ''}: as many rows as the search page’s total`, async ({ page, searchPage }) => {
      await searchPage.goto(query);
      const total = await searchPage.totalCount();
      expect(total).toBeGreaterThan(0);

      // The results bar leads to the data page of the same search (the footer to the whole collection).
      await page.getByTestId(query ? 'open-data-link' : 'footer-open-data').click();
      const data = new OpenDataPage(page);
      await expect(data.root).toBeVisible();
      if (query) expect(new URL(page.url()).searchParams.get('province')).toBe('江苏省');
      expect(await data.totalCount()).toBe(total);
      const generation = (await data.generation.textContent()) ?? '';
      expect(generation).toMatch(/^[0-9A-Za-z]+-\d+$/);

      for (const format of ['csv', 'jsonl', 'parquet'] as const) {
        await expect(data.download(format)).toHaveAttribute('href', new RegExp(`generation=${generation}`));
        const { name, bytes } = await downloadBytes(page, data.download(format));
        expect(name).toBe(`nianbao-reports-${query ? '江苏省-' : ''}g${generation}.${format}`);
        expect(rowCount(format, bytes), format).toBe(total);
      }
    });
  }

  test('a generation no longer served is a 410 with the link to the current file', async ({ page, request }) => {
    const data = new OpenDataPage(page);
    await data.goto(JIANGSU);
    const href = (await data.download('csv').getAttribute('href')) ?? '';
    const current = await request.get(href);
    expect(current.status()).toBe(200);
    expect(current.headers()['nianbao-generation']).toBe(await data.generation.textContent());

    const stale = await request.get(href.replace(/generation=[^&]+/, 'generation=20000101T000000000Z-1'));
    expect(stale.status()).toBe(410);
    const body = (await stale.json()) as { error: string; current: string };
    expect(body.error).toContain('已不再提供');
    expect(new URL(body.current).search).toBe(new URL(href, 'http://x').search);
  });

  test('the dictionary lists every column with its Chinese name, unit and source', async ({ page, request }) => {
    const data = new OpenDataPage(page);
    await data.goto();
    const columns = (await (await request.get('/api/opendata/columns')).json()) as { groups: Array<{ columns: Array<{ key: string }> }> };
    const keys = columns.groups.flatMap((g) => g.columns.map((c) => c.key));
    // Every key once: a row of its own, or a cell of 表三 or 表四 laid out as the report prints them.
    const listed = await data.dictionary.locator('[data-key]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-key')));
    expect(listed).toEqual(keys);
    const proactive = data.rows.and(page.locator('[data-key="proactive_total"]'));
    await expect(proactive).toContainText('主动公开政府信息总数');
    await expect(proactive.getByRole('cell').nth(1)).toHaveText('条');
    await expect(page.locator('[data-key="t2_regulations_issued"]')).toContainText(
      '表二 主动公开政府信息情况（2021 版） · 第二十条第（一）项 规章 · 本年制发件数',
    );
    // 表三: the key of 予以公开 × 总计 sits in that row, under that column.
    const t3 = page.getByTestId('dictionary-application');
    const granted = t3.getByRole('row').filter({ has: page.locator('[data-key="t3_granted_total"]') });
    await expect(granted.getByRole('rowheader')).toHaveText('三、本年度办理结果 （一）予以公开');
    const column = await granted.locator('td').evaluateAll((cells) => cells.findIndex((c) => c.getAttribute('data-key') === 't3_granted_total'));
    await expect(t3.locator('thead th').nth(column + 1)).toHaveText('总计');
    await expect(page.getByRole('heading', { level: 3, name: '表二 主动公开政府信息情况' })).toBeVisible();
  });

  test('OpenAPI: the document parses and every path it names answers as described', async ({ request }) => {
    const response = await request.get('/api/openapi.json');
    expect(response.status()).toBe(200);
    const doc = (await response.json()) as OpenApiDoc;
    const search = (await (await request.get('/api/search?size=50')).json()) as { hits: Array<{ id: string; bodyKey: string | null }> };
    const bodies = [...new Set(search.hits.map((h) => h.bodyKey).filter((k): k is string => Boolean(k)))];
    const findings = await checkEveryPath(doc, (path) => fetchAnswer(request, path), { reportId: search.hits[0].id, bodies: [bodies[0], bodies[1]] });
    expect(findings.filter((f) => f.problems.length > 0)).toEqual([]);
    expect(findings.length).toBeGreaterThanOrEqual(Object.keys(doc.paths).length * 2);
  });

  test('the API docs page shows every path with its parameters, responses and a curl example', async ({ page, request }) => {
    const doc = (await (await request.get('/api/openapi.json')).json()) as OpenApiDoc;
    await page.goto('/data/api');
    await expect(page.getByRole('heading', { level: 1, name: 'API 文档' })).toBeVisible();
    const operations = page.getByTestId('api-operation');
    await expect(operations).toHaveCount(Object.keys(doc.paths).length);
    for (const path of Object.keys(doc.paths)) await expect(page.getByRole('heading', { level: 2, name: `GET ${path}`, exact: true })).toBeVisible();
    await expect(page.getByTestId('search-parameters-table')).toContainText('applications-desc');
    await expect(operations.filter({ hasText: '/api/opendata/reports.parquet' }).locator('pre')).toContainText("curl -OJ '");
    // The schema outline opens without any script.
    const searchOp = operations.filter({ has: page.getByRole('heading', { name: 'GET /api/search', exact: true }) });
    await searchOp.locator('summary').first().click();
    await expect(searchOp.locator('details').first()).toContainText('highlightedTitle');
  });

  for (const width of [1366, 390]) {
    test(`screenshots at ${width} px: Chinese glyphs, no horizontal scroll of the page`, async ({ page }) => {
      await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      const data = new OpenDataPage(page);
      await data.goto(JIANGSU);
      await expect(data.rows.first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await page.screenshot({ path: test.info().outputPath(`data-${width}.png`), fullPage: false });
      await page.getByRole('heading', { name: '表三 收到和处理政府信息公开申请情况' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`data-t3-${width}.png`), fullPage: false });

      await page.goto('/data/api');
      await expect(page.getByTestId('api-operation').first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      await page.screenshot({ path: test.info().outputPath(`api-docs-${width}.png`), fullPage: false });
      await page.getByRole('heading', { name: 'GET /api/opendata/reports.csv' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`api-docs-opendata-${width}.png`), fullPage: false });
    });
  }
});

async function fetchAnswer(request: APIRequestContext, path: string): Promise<Answer> {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), headers: new Headers(response.headers()), body: await response.body() };
}
