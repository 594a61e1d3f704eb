import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GET as getReportRoute } from '../../app/api/reports/[id]/route';
import { reloadConfig } from '../../lib/config';
import { createMeiliClient } from '../../lib/engine/client';
import { getOrCreateSearchKey } from '../../lib/engine/keys';
import { formatSummary, type IndexRunResult, runIndex } from '../../lib/indexer';
import { INGEST_ERROR_CODES } from '../../lib/ingest';
import searchApi from '../../pages/api/search';
import { type HostileSuite, writeHostileSuite } from '../support/hostile-files';
import { startTestMeili, type TestMeili } from '../support/meili';
import { type ServedRoute, serveNodeRoute } from '../support/node-route';
import { tempDir } from '../support/temp';

/**
 * Issue 7, bad files: one full indexing run over a generated suite of hostile files mixed with
 * good reports, against a real Meilisearch. Every file ends indexed (and searchable through the
 * API) or reported with a named reason; the run completes; memory stays bounded.
 */

/** Peak RSS of this process (the runner, tsx and the whole indexer) may not pass this. */
const MAX_RSS_MB = 700;

let meili: TestMeili;
let suite: HostileSuite;
let result: IndexRunResult;
let peakRssMb = 0;
let searchRoute: ServedRoute;

before(async () => {
  searchRoute = await serveNodeRoute(searchApi);
  meili = await startTestMeili();
  suite = await writeHostileSuite(tempDir('nianbao-hostile-'));
  result = await runIndex({ paths: suite.paths, connection: { url: meili.url, apiKey: meili.masterKey }, index: 'reports', runsDir: null, baseDir: suite.dir });
  peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(
    `# hostile suite: ${suite.cases.length} files, indexed ${result.indexed}, failed ${result.failed.length}, duplicates ${result.duplicates.length}, ${result.durationMs} ms, peak RSS ${peakRssMb} MB\n`,
  );
  const searchKey = await getOrCreateSearchKey(createMeiliClient({ url: meili.url, apiKey: meili.masterKey }), 'reports');
  process.env.MEILI_URL = meili.url;
  process.env.MEILI_SEARCH_KEY = searchKey;
  process.env.MEILI_INDEX = 'reports';
  delete process.env.MEILI_MASTER_KEY;
  reloadConfig();
});
after(async () => {
  await searchRoute?.close();
  await meili?.stop();
});

test('the suite has at least 30 hostile files besides the good reports', () => {
  const hostile = suite.cases.filter((c) => !c.file.startsWith('good/'));
  assert.ok(hostile.length >= 30, `${hostile.length} hostile files`);
});

test('the run completes: no fatal error, exit code 1 (some files failed), a swap into the serving index', () => {
  assert.equal(result.fatal, null);
  assert.equal(result.exitCode, 1);
  const expectedIndexed = suite.cases.filter((c) => c.expect.outcome === 'indexed').length;
  assert.equal(result.indexed, expectedIndexed);
  assert.equal(result.documentsInIndex, expectedIndexed);
});

test('every file has the outcome its case expects', () => {
  const failures = new Map(result.failed.map((f) => [f.file, f.reason]));
  const duplicates = new Set(result.duplicates.map((d) => d.file));
  const problems: string[] = [];
  for (const c of suite.cases) {
    const reason = failures.get(c.file);
    const got = reason !== undefined ? `failed: ${reason}` : duplicates.has(c.file) ? 'duplicate' : 'indexed or skipped';
    const e = c.expect;
    const ok =
      e.outcome === 'failed'
        ? reason?.startsWith(e.reason) === true
        : e.outcome === 'duplicate'
          ? duplicates.has(c.file)
          : reason === undefined && !duplicates.has(c.file);
    if (!ok) problems.push(`${JSON.stringify(c.file)} (${c.what}): expected ${e.outcome}${e.outcome === 'failed' ? ` (${e.reason})` : ''}, got ${got}`);
  }
  // Nothing is reported that the suite does not know about.
  const known = new Set(suite.cases.map((c) => c.file));
  for (const file of [...failures.keys(), ...duplicates]) if (!known.has(file)) problems.push(`unexpected report for ${JSON.stringify(file)}`);
  assert.deepEqual(problems, []);
});

test('every failure reason is one plain line starting with a named code', () => {
  const named = [...INGEST_ERROR_CODES, 'not a regular file'];
  for (const { file, reason } of result.failed) {
    assert.ok(
      named.some((code) => reason.startsWith(code)),
      `${file}: ${reason}`,
    );
    assert.ok(!/\n|\r|\bat .+:\d+:\d+/.test(reason), `${file}: not one plain line: ${reason}`);
    assert.ok(reason.length < 300, `${file}: ${reason.length} characters`);
  }
});

test('every file expected indexed is found by a search through the API, and its report opens', async () => {
  for (const c of suite.cases) {
    if (c.expect.outcome !== 'indexed') continue;
    const response = await searchRoute.fetch(new Request(`http://localhost/api/search?q=${encodeURIComponent(c.expect.find)}&size=50`));
    assert.equal(response.status, 200, c.file);
    const body = (await response.json()) as { hits: Array<{ id: string }> };
    assert.ok(
      body.hits.some((h) => h.id === c.id),
      `${JSON.stringify(c.file)}: no hit for ${c.expect.find}`,
    );
    const report = await getReportRoute(new Request(`http://localhost/api/reports/${c.id}`), { params: Promise.resolve({ id: c.id! }) });
    assert.equal(report.status, 200, c.file);
  }
});

test('markup in a report is stored as text: the page gets it as data, the HTML report loses its live scripts', async () => {
  const find = async (file: string) => {
    const id = suite.cases.find((c) => c.file === file)!.id!;
    const response = await getReportRoute(new Request(`http://localhost/api/reports/${id}`), { params: Promise.resolve({ id }) });
    return (await response.json()) as { text: string; sourcePath: string };
  };
  const txt = await find('markup/script.txt');
  assert.ok(txt.text.includes('<script>alert("x")</script>'), 'the text keeps the characters as written');
  const html = await find('markup/script.html');
  assert.ok(html.text.includes('<img src=x onerror=alert(1)>'), 'escaped markup in an HTML report is its text');
  assert.ok(!html.text.includes('alert("head")') && !html.text.includes('document.write'), 'script elements are not text');
  const names = await find('names/ctl\u0001\u001b[31mred\u0007\r.txt');
  assert.equal(names.sourcePath, 'names/ctl\u0001\u001b[31mred\u0007\r.txt');
});

test('the summary printed on a terminal carries no control characters from file names', () => {
  const summary = formatSummary(result);
  assert.match(summary, /names\/\\x1b\[2J\\x1b\[Hclear-screen\\u202e\.pdf: corrupt pdf/);
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/.test(summary), 'only line breaks');
});

test(`peak RSS of the indexing process stays under ${MAX_RSS_MB} MB`, () => {
  assert.ok(peakRssMb < MAX_RSS_MB, `peak RSS ${peakRssMb} MB`);
});
