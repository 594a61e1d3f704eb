import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from '../lib/config/local-env';
import { createMeiliClient } from '../lib/engine/client';
import { type EmbeddedMeili, findFreePort, generateSecret, startEmbeddedMeili } from '../lib/engine/embedded';
import { getOrCreateSearchKey } from '../lib/engine/keys';
import { runIndex } from '../lib/indexer';
import { startNext, stopChild } from '../scripts/support/bench-harness';
import { expect, test } from './support/fixtures';

/**
 * Issue 7, faults: Meilisearch stops while the app runs. This spec runs its own engine and its own
 * `next start` (the shared e2e server stops when its engine does), stops the engine, checks that
 * pages and APIs answer with the plain "unavailable" state, starts the engine again on the same
 * port and data, and checks that everything recovers without touching the app.
 */

const ENGINE_WORDS = /meilisearch|ECONNREFUSED|ECONNRESET|EngineError|stack|node_modules/i;

let dataDir: string;
let masterKey: string;
let enginePort: number;
let meili: EmbeddedMeili | undefined;
let app: ChildProcess | undefined;
let base: string;

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-e2e-unavailable-'));
  masterKey = generateSecret();
  meili = await startEmbeddedMeili({ dataDir, masterKey, announce: false });
  enginePort = Number(new URL(meili.url).port);
  const indexed = await runIndex({
    paths: [path.join(projectRoot, 'data', 'reports')],
    connection: { url: meili.url, apiKey: masterKey },
    index: 'reports',
    runsDir: null,
    baseDir: projectRoot,
  });
  expect(indexed.fatal).toBeNull();
  const searchKey = await getOrCreateSearchKey(createMeiliClient({ url: meili.url, apiKey: masterKey }), 'reports');
  const port = await findFreePort();
  base = `http://localhost:${port}`;
  app = await startNext(port, {
    PORT: String(port),
    MEILI_URL: meili.url,
    MEILI_SEARCH_KEY: searchKey,
    MEILI_INDEX: 'reports',
    NIANBAO_DATA_DIR: path.join(dataDir, 'app-data'),
    AUTH_SECRET: generateSecret(),
    AUTH_TRUST_HOST: 'true',
  });
});

test.afterAll(async () => {
  await stopChild(app);
  await meili?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('Meilisearch stops: pages and APIs say "unavailable" in plain words; it returns: they recover by themselves', async ({
  page,
  request,
  searchPage,
  reportPage,
}) => {
  const search = `${base}/?q=${encodeURIComponent('政府信息公开')}`;
  await page.goto(search);
  // The <strong> holds only the formatted number; toHaveText below compares text content too.
  const total = (await searchPage.total.textContent()) ?? '';
  const reportHref = await searchPage.resultLinks.first().getAttribute('href');
  expect(reportHref).toBeTruthy();

  await meili!.stop();

  // The same search asked moments ago is still answered from the app's search cache (at most a
  // minute old, lib/search/cache.ts); a search not asked before meets the outage.
  await page.goto(search);
  await expect(searchPage.total).toHaveText(total);
  const other = `${base}/?q=${encodeURIComponent('依申请公开')}`;
  const down = await page.goto(other);
  expect(down!.status()).toBeLessThan(500);
  await expect(searchPage.unavailable).toHaveText('搜索服务暂时不可用，请稍后再试。');
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), what the reader sees; the body's textContent also holds the inline <script> payloads
  expect(await page.locator('body').innerText()).not.toMatch(ENGINE_WORDS);
  const reportDown = await page.goto(`${base}${reportHref}`);
  expect(reportDown!.status()).toBeLessThan(500);
  await expect(page.getByTestId('report-unavailable')).toBeVisible();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), what the reader sees; the body's textContent also holds the inline <script> payloads
  expect(await page.locator('body').innerText()).not.toMatch(ENGINE_WORDS);
  for (const api of ['/api/search?q=x', '/api/search/export?q=x', '/api/stats', `/api${reportHref}`]) {
    const response = await request.get(`${base}${api}`);
    expect(response.status(), api).toBe(503);
    expect((await response.json()).error, api).toBe('搜索服务暂时不可用，请稍后再试。');
  }

  // Back on the same port with the same data; the app is not restarted.
  meili = await startEmbeddedMeili({ dataDir, masterKey, port: enginePort, announce: false });
  expect(meili.url).toBe(`http://127.0.0.1:${enginePort}`);

  await page.goto(search);
  await expect(searchPage.total).toHaveText(total);
  await page.goto(`${base}${reportHref}`);
  await expect(page.getByTestId('report-unavailable')).toHaveCount(0);
  await expect(reportPage.title).toBeVisible();
  const api = await request.get(`${base}/api/search?q=${encodeURIComponent('政府信息公开')}`);
  expect(api.status()).toBe(200);
});
