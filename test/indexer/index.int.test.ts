import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import { createMeiliClient } from '../../lib/engine/client';
import { findFreePort } from '../../lib/engine/embedded';
import { getOrCreateSearchKey } from '../../lib/engine/keys';
import { countReportFiles, type IndexRunOptions, runIndex } from '../../lib/indexer';
import { corpusFilePath } from '../support/corpus';
import { startTestMeili, type TestMeili } from '../support/meili';
import { type SyntheticReport, syntheticReportText } from '../support/reports';
import { repoRoot, sampleReports, tempDir } from '../support/temp';

let meili: TestMeili;
let admin: Meilisearch;
let searcher: Meilisearch;
let sampleCount: number;
const runsDir = tempDir('nianbao-runs-');

before(async () => {
  meili = await startTestMeili();
  admin = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
  sampleCount = await countReportFiles([sampleReports]);
});
after(async () => {
  await meili?.stop();
});

function index(paths: string[], options: Partial<IndexRunOptions> = {}) {
  return runIndex({ paths, connection: { url: meili.url, apiKey: meili.masterKey }, index: 'reports', runsDir, ...options });
}

function writeReport(dir: string, name: string, report: SyntheticReport): string {
  const file = path.join(dir, name);
  writeFileSync(file, syntheticReportText(report));
  return file;
}

const body = { organization: '滨海县人民政府', newReceived: 12, normativeDocuments: [4, 1, 20] as [number, number, number] };

test('indexes the sample reports; facets by province and year; partial web excerpts are marked', async () => {
  const result = await index([sampleReports]);
  assert.equal(result.exitCode, 0, JSON.stringify(result.failed));
  assert.equal(result.indexed, sampleCount);
  assert.equal(result.documentsInIndex, sampleCount);
  assert.ok(result.runReport && JSON.parse(readFileSync(result.runReport, 'utf8')).indexed === sampleCount);

  searcher = createMeiliClient({ url: meili.url, apiKey: await getOrCreateSearchKey(admin, 'reports') });
  const all = await searcher.index('reports').search('', { facets: ['province', 'year'], hitsPerPage: 1, page: 1 });
  assert.equal(all.totalHits, sampleCount);
  const provinces = all.facetDistribution!.province;
  assert.ok(provinces.江苏省 >= 3, JSON.stringify(provinces));
  assert.ok(provinces.上海市 >= 2);
  // Facet values come sorted by count.
  const counts = Object.values(provinces);
  assert.deepEqual(
    counts,
    [...counts].sort((a, b) => b - a),
  );
  assert.ok(all.facetDistribution!.year['2024'] >= 3);

  const huaian = await searcher.index('reports').search('', { filter: 'province = 江苏省 AND year = 2024', hitsPerPage: 50, page: 1 });
  assert.ok(huaian.hits.some((hit) => hit.organization === '淮安市人民政府'));
  const found = await searcher.index('reports').search('淮安', { hitsPerPage: 5, page: 1 });
  assert.ok(found.hits.length > 0);
  const sorted = await searcher
    .index('reports')
    .search('', { sort: ['sortKeys.applications:desc'], filter: 'applicationsNew EXISTS', hitsPerPage: 10, page: 1 });
  const figures = sorted.hits.map((hit) => hit.applicationsNew as number | null).filter((n) => n !== null);
  assert.ok(figures.length > 3);
  assert.deepEqual(
    figures,
    [...figures].sort((a, b) => b - a),
  );

  const partial = await searcher.index('reports').search('', { filter: 'partial = true', hitsPerPage: 0, page: 1 });
  assert.ok(partial.totalHits >= 80, `partial: ${partial.totalHits}`);

  // 淮安市洪泽区 2023 → 2024: the cross-year checks are stored on the 2024 report.
  const hongze = await searcher.index('reports').search('', { filter: 'regionCode = "320813" AND year = 2024', hitsPerPage: 5, page: 1 });
  assert.equal(hongze.hits.length, 1);
  const checks = hongze.hits[0].crossYearChecks as Array<{ rule: number; passed: boolean }>;
  assert.ok(checks.length >= 1 && checks.every((c) => c.rule === 5));
  assert.ok(result.crossYear.compared >= 1);

  const settings = await admin.index('reports').getSettings();
  assert.deepEqual(settings.localizedAttributes, [{ attributePatterns: ['*'], locales: ['cmn'] }]);
  assert.equal(settings.pagination?.maxTotalHits, 10_000_000);
});

test('the search-only key can search the serving index and nothing else', async () => {
  const key = await getOrCreateSearchKey(admin, 'reports');
  assert.equal(await getOrCreateSearchKey(admin, 'reports'), key, 'the same key on every start');
  assert.notEqual(key, meili.masterKey);
  const refused = (error: unknown) => (error as { cause?: { code?: string } }).cause?.code === 'invalid_api_key';
  await assert.rejects(searcher.index('reports').addDocuments([{ id: 'x' }]), refused);
  await assert.rejects(searcher.index('broken').search(''), refused);
});

test('--incremental skips unchanged files', async () => {
  const result = await index([sampleReports], { incremental: true });
  assert.equal(result.exitCode, 0);
  assert.equal(result.indexed, 0);
  assert.equal(result.unchanged, sampleCount);
  assert.equal(result.documentsInIndex, sampleCount);
});

test('a full reindex while searches run never fails a search and keeps the total', async () => {
  const searchIndex = searcher.index('reports');
  let reindexDone = false;
  let searches = 0;
  let duringReindex = 0;
  const totals = new Set<number>();
  const loop = (async () => {
    while (!reindexDone || searches < 200) {
      const response = await searchIndex.search('政府信息公开', { hitsPerPage: 1, page: 1, facets: ['province'] });
      const all = await searchIndex.search('', { hitsPerPage: 0, page: 1 });
      totals.add(all.totalHits);
      assert.ok(response.totalHits > 0);
      searches++;
      if (!reindexDone) duringReindex++;
    }
  })();
  const result = await index([sampleReports]);
  reindexDone = true;
  await loop;
  assert.equal(result.exitCode, 0);
  assert.ok(duringReindex > 0, 'searches ran during the reindex');
  assert.ok(searches >= 200);
  assert.deepEqual([...totals], [sampleCount]);
  const indexes = await admin.getIndexes({ limit: 100 });
  assert.deepEqual(
    indexes.results.map((i) => i.uid).filter((uid) => uid.includes('_build_')),
    [],
  );
});

test('broken files: the good ones are indexed, the bad ones named with reasons (exit code 1)', async () => {
  const dir = tempDir();
  const folder = path.join(dir, 'reports');
  mkdirSync(folder);
  writeReport(folder, 'good-2022.txt', { ...body, year: 2022, carriedOver: 0, carriedForward: 2 });
  writeReport(folder, 'good-2023.txt', { ...body, year: 2023, carriedOver: 2, carriedForward: 0 });
  writeFileSync(path.join(folder, 'random.pdf'), randomBytes(4096));
  writeFileSync(path.join(folder, 'empty.txt'), '');
  const docx = readFileSync(corpusFilePath('template-2021-blank.docx'));
  writeFileSync(path.join(folder, 'truncated.docx'), docx.subarray(0, Math.floor(docx.length / 3)));
  writeFileSync(path.join(folder, 'ignored.xyz'), 'not a report, and not named');
  const named = path.join(dir, 'named.xyz');
  writeFileSync(named, 'named explicitly');

  const result = await index([folder, named], { index: 'broken' });
  assert.equal(result.exitCode, 1);
  assert.equal(result.indexed, 2);
  const reasons = Object.fromEntries(result.failed.map((f) => [path.basename(f.file), f.reason]));
  assert.deepEqual(Object.keys(reasons).sort(), ['empty.txt', 'named.xyz', 'random.pdf', 'truncated.docx']);
  assert.match(reasons['random.pdf'], /pdf/i);
  assert.match(reasons['empty.txt'], /empty/);
  assert.match(reasons['truncated.docx'], /docx|zip/i);
  assert.match(reasons['named.xyz'], /unsupported format/);
  assert.equal(result.documentsInIndex, 2);
});

test('a full run that indexes nothing leaves the serving index untouched', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'random.pdf'), randomBytes(1024));
  const result = await index([dir]);
  assert.equal(result.exitCode, 1);
  assert.match(result.fatal ?? '', /serving index is unchanged/);
  assert.equal((await admin.index('reports').getStats()).numberOfDocuments, sampleCount);
  const indexes = await admin.getIndexes({ limit: 100 });
  assert.deepEqual(
    indexes.results.map((i) => i.uid).filter((uid) => uid.includes('_build_')),
    [],
  );

  const none = await index([path.join(dir, 'nothing-here')]);
  assert.equal(none.exitCode, 1);
  assert.deepEqual(
    none.failed.map((f) => f.reason),
    ['no such file or folder'],
  );
});

test('an interrupted full run drops its build index and leaves the serving index untouched', async () => {
  const controller = new AbortController();
  const progress = { start() {}, note() {}, stop() {}, update: (counts: { done: number }) => counts.done >= 3 && controller.abort() };
  const result = await index([sampleReports], { signal: controller.signal, progress });
  assert.equal(result.exitCode, 130);
  assert.match(result.fatal ?? '', /interrupted: the serving index is unchanged/);
  assert.equal((await admin.index('reports').getStats()).numberOfDocuments, sampleCount);
  const indexes = await admin.getIndexes({ limit: 100 });
  assert.deepEqual(
    indexes.results.map((i) => i.uid).filter((uid) => uid.includes('_build_')),
    [],
  );
});

test('a full run drops build indexes left over by runs that died more than a day ago', async () => {
  await admin.createIndex('dups_build_20000101000000000_dead').waitTask();
  const dir = tempDir();
  writeReport(dir, 'a.txt', { ...body, year: 2021, carriedOver: 0, carriedForward: 0 });
  const result = await index([dir], { index: 'dups', baseDir: dir });
  assert.equal(result.exitCode, 0);
  const indexes = await admin.getIndexes({ limit: 100 });
  assert.deepEqual(
    indexes.results.map((i) => i.uid).filter((uid) => uid.startsWith('dups_build_')),
    [],
  );
});

test('duplicates: same bytes or same body and year from two files are reported, not indexed', async () => {
  const dir = tempDir();
  const first = writeReport(dir, 'a.txt', { ...body, year: 2022, carriedOver: 0, carriedForward: 2 });
  copyFileSync(first, path.join(dir, 'b.txt'));
  writeReport(dir, 'c.txt', { ...body, year: 2022, carriedOver: 0, carriedForward: 2, note: '（转载）' });
  const result = await index([dir], { index: 'dups', baseDir: dir });
  assert.equal(result.exitCode, 0);
  assert.equal(result.indexed, 1);
  assert.deepEqual(
    result.duplicates.map((d) => [d.file, d.duplicateOf]),
    [
      ['b.txt', 'a.txt'],
      ['c.txt', 'a.txt'],
    ],
  );
  assert.match(result.duplicates[1].reason, /same body and year/);
  assert.equal(result.documentsInIndex, 1);
});

test('cross-year checks across two years of one body, recomputed when a file changes (incremental)', async () => {
  const dir = tempDir();
  writeReport(dir, '2022.txt', { ...body, year: 2022, carriedOver: 0, carriedForward: 2, normativeDocuments: [0, 0, 20] });
  const later = writeReport(dir, '2023.txt', { ...body, year: 2023, carriedOver: 5, carriedForward: 0, normativeDocuments: [4, 1, 30] });
  const years = admin.index('years');

  const result = await index([dir], { index: 'years', baseDir: dir });
  assert.equal(result.exitCode, 0);
  // Read in year order: the 2023 checks went in with the document, no second pass needed.
  assert.deepEqual(result.crossYear, { compared: 1, failed: 1, updated: 0 });
  const flagged = await years.search('', { filter: 'hasFailedChecks = true', hitsPerPage: 10, page: 1 });
  assert.deepEqual(
    flagged.hits.map((h) => h.year),
    [2023],
  );
  const checks = flagged.hits[0].crossYearChecks as Array<{ passed: boolean; message: string }>;
  assert.equal(checks.length, 3); // 上年结转, 规章, 行政规范性文件
  assert.deepEqual(
    checks.map((c) => c.passed),
    [false, true, false],
  );
  assert.match(checks[0].message, /上年结转为 5 件，但 2022 年报告的结转下年度为 2 件/);
  assert.equal(flagged.hits[0].failedChecksTotal, 2);

  // The body corrects its 2023 report: the changed file replaces the old document.
  writeReport(dir, '2023.txt', { ...body, year: 2023, carriedOver: 2, carriedForward: 0, normativeDocuments: [4, 1, 23] });
  const update = await index([dir], { index: 'years', baseDir: dir, incremental: true });
  assert.equal(update.exitCode, 0);
  assert.equal(update.indexed, 1);
  assert.equal(update.unchanged, 1);
  assert.equal(update.replaced, 1);
  assert.equal(update.documentsInIndex, 2);
  const now = await years.search('', { filter: 'year = 2023', hitsPerPage: 10, page: 1 });
  assert.equal(now.hits.length, 1);
  assert.equal(now.hits[0].hasFailedChecks, false);
  assert.deepEqual(
    (now.hits[0].crossYearChecks as Array<{ passed: boolean }>).map((c) => c.passed),
    [true, true, true],
  );
  assert.equal(path.basename(later), now.hits[0].sourcePath);

  // Each document keeps its file's size and mtime, which the next incremental run compares first.
  const stored = await years.getDocuments({ fields: ['sourcePath', 'fileStamp'], limit: 10 });
  for (const doc of stored.results) {
    const stats = statSync(path.join(dir, String(doc.sourcePath)));
    assert.equal(doc.fileStamp, `${stats.size}:${Math.trunc(stats.mtimeMs)}`);
  }
  // Touched, not changed (its bytes kept): the stamp differs, so it is read and hashed: unchanged.
  utimesSync(path.join(dir, '2022.txt'), new Date(), new Date(Date.now() + 60_000));
  const touched = await index([dir], { index: 'years', baseDir: dir, incremental: true });
  assert.deepEqual([touched.indexed, touched.unchanged, touched.replaced], [0, 2, 0]);
});

test('cross-year checks of a report whose previous year is read later arrive in the pass after the last batch', async () => {
  const dir = tempDir();
  writeReport(dir, 'a-2023.txt', { ...body, year: 2023, carriedOver: 5, carriedForward: 0, normativeDocuments: [4, 1, 23] });
  writeReport(dir, 'b-2022.txt', { ...body, year: 2022, carriedOver: 0, carriedForward: 2, normativeDocuments: [0, 0, 20] });
  const result = await index([dir], { index: 'late', baseDir: dir, batchSize: 1 });
  assert.deepEqual(result.crossYear, { compared: 1, failed: 1, updated: 1 });
  const flagged = await admin.index('late').search('', { filter: 'hasFailedChecks = true', hitsPerPage: 10, page: 1 });
  assert.deepEqual(
    flagged.hits.map((h) => [h.sourcePath, (h.crossYearChecks as Array<{ passed: boolean }>).map((c) => c.passed)]),
    [['a-2023.txt', [false, true, true]]],
  );
});

test('npm run index: an unreachable MEILI_URL exits 2 with one line naming the URL', async () => {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index.ts', 'data/reports'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, MEILI_URL: url, MEILI_MASTER_KEY: 'x'.repeat(32), NIANBAO_DATA_DIR: tempDir('nianbao-data-') },
    timeout: 30_000,
  });
  assert.equal(run.status, 2, run.stderr);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.equal(lines[0], `Meilisearch is not reachable at ${url}`);
  assert.equal(run.stdout, '');
});

test('npm run index writes its run report into NIANBAO_DATA_DIR/runs, where /admin/runs and the search cache look', async () => {
  const dataDir = tempDir('nianbao-data-');
  const reports = path.join(dataDir, 'reports');
  mkdirSync(reports);
  writeReport(reports, 'one-2023.txt', { ...body, organization: '数据目录测试镇人民政府', year: 2023, carriedOver: 0, carriedForward: 0 });
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index.ts', reports, '--progress=silent'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey, MEILI_INDEX: 'datadir', NIANBAO_DATA_DIR: dataDir },
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const written = readdirSync(path.join(dataDir, 'runs'));
  assert.equal(written.length, 1, `run reports in ${dataDir}/runs: ${written.join(', ')}`);
  const report = JSON.parse(readFileSync(path.join(dataDir, 'runs', written[0]!), 'utf8'));
  assert.equal(report.index, 'datadir');
  assert.equal(report.indexed, 1);
});
