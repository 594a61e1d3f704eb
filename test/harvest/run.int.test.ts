import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { findFreePort } from '../../lib/engine/embedded';
import { runHarvest } from '../../lib/harvest/run';
import { readSidecar } from '../../lib/harvest/sidecar';
import { toSource } from '../../lib/harvest/sources';
import { HarvestStore } from '../../lib/harvest/store';
import { corpusFilePath } from '../support/corpus';
import { docxBomb } from '../support/hostile-files';
import { drip, endless, huge, redirect, send, sequence, startHostileServer, tooManyRequests } from '../support/hostile-server';
import { type SiteServer, siteManifest, startSiteServer } from '../support/site-server';
import { tempDir } from '../support/temp';

/**
 * The harvester end to end on loopback: the fixture site (test/fixtures/harvest-site) crawled from
 * its columns, then again (nothing unchanged downloaded), then after one report changed; and a
 * column full of hostile links, each ending in its named reason while the run completes.
 */

const fast = { allowLoopback: true, politeness: false, retryBaseMs: 10, deadlineMs: 3_000, maxRetryAfterMs: 200 };
let site: SiteServer;
let data: string;

before(async () => {
  site = await startSiteServer();
  data = tempDir('nianbao-harvest-run-');
});
after(() => site.close());

function sources() {
  const m = siteManifest();
  return [
    toSource({ url: `${site.origin}${m.columns.county[0]}`, name: '青禾县人民政府', code: '999901', label: '县政府年报' }),
    toSource({ url: `${site.origin}${m.columns.region}`, scope: 'region', label: '各单位年报' }),
    toSource({ url: `${site.origin}${m.columns.examples}`, label: '年报范例' }),
  ];
}

/** The stored URLs of reports (pages and files), as paths on the site. */
function storedPaths(store: HarvestStore, urls: string[]): string[] {
  return urls.filter((u) => store.fileOf(`${site.origin}${u}`)).sort();
}

test('the fixture site: exactly its reports are harvested, with their sidecars; robots.txt, near misses and the challenge are left alone', async () => {
  const m = siteManifest();
  const result = await runHarvest({ sources: sources(), dataRoot: data, clientOptions: fast, runsDir: null });
  assert.equal(result.fatal, null);
  const store = new HarvestStore(data);
  const expected = m.reports.filter((r) => r.robots !== 'disallowed').map((r) => r.url);
  assert.deepEqual(storedPaths(store, expected), [...expected].sort(), 'every allowed report is stored');
  const disallowed = m.reports.filter((r) => r.robots === 'disallowed').map((r) => r.url);
  assert.deepEqual(storedPaths(store, [...disallowed, ...m.notReports]), [], 'no robots-disallowed report and no near miss');
  assert.ok(!site.requests.some((r) => m.robotsDisallowed.some((p) => r.url.startsWith(p))), 'robots.txt was obeyed');

  // A report page: its URL, title, date and the listing it was found on.
  const page = m.reports.find((r) => r.kind === 'html' && r.url.startsWith('/xxgk/zfxxgknb/'))!;
  const pageSidecar = readSidecar(path.join(data, store.fileOf(`${site.origin}${page.url}`)!))!;
  assert.equal(pageSidecar.url, `${site.origin}${page.url}`);
  assert.match(pageSidecar.title ?? '', new RegExp(`${page.year}`));
  assert.match(pageSidecar.publishedAt ?? '', /^\d{4}-\d{2}-\d{2}$/);
  assert.match(pageSidecar.listingUrl ?? '', /\/xxgk\/zfxxgknb\//);
  assert.equal(pageSidecar.sha256?.length, 64);
  // A file that a page only wraps: linked to that page, with its title, not stored twice.
  const file = m.reports.find((r) => r.kind === 'pdf' && r.page)!;
  const fileSidecar = readSidecar(path.join(data, store.fileOf(`${site.origin}${file.url}`)!))!;
  assert.equal(fileSidecar.reportPageUrl, `${site.origin}${file.page}`);
  assert.ok(fileSidecar.title);
  assert.equal(store.fileOf(`${site.origin}${file.page}`), null, 'the wrapping page is not a report of its own');
  assert.equal(
    readFileSync(path.join(data, store.fileOf(`${site.origin}${file.url}`)!))
      .subarray(0, 5)
      .toString(),
    '%PDF-',
  );

  // The challenge page is a named failure, never a report; the source whose body is named is recorded as checked.
  const failures = result.sources.flatMap((s) => s.failed);
  assert.ok(
    failures.every((f) => f.reason === 'script challenge' || f.reason === 'robots'),
    JSON.stringify(failures),
  );
  const county = store.checks().find((c) => c.code === '999901');
  assert.ok(county && !county.failed && county.reportsFound > 0);
});

test('a second run downloads nothing unchanged; after one report changes, it has two versions and the change', async () => {
  const second = await runHarvest({ sources: sources(), dataRoot: data, clientOptions: fast, runsDir: null });
  assert.equal(second.totals.new, 0);
  assert.equal(second.totals.changed, 0);
  assert.ok(second.totals.notModified > 0, 'conditional requests answered 304');
  assert.equal(second.totals.notModified, second.totals.pagesFetched, 'every page and file answered 304');

  site.setVersion(2);
  const third = await runHarvest({ sources: sources(), dataRoot: data, clientOptions: fast, runsDir: null });
  assert.equal(third.totals.changed, 1);
  assert.equal(third.totals.new, 0);
  assert.equal(third.changedFiles.length, 1);
  const changed = siteManifest().reports.find((r) => r.changesInVersion2)!;
  const sidecar = readSidecar(path.join(data, new HarvestStore(data).fileOf(`${site.origin}${changed.url}`)!))!;
  assert.equal(sidecar.versions?.length, 1, 'the earlier version is kept');
  assert.notEqual(readFileSync(path.join(data, sidecar.versions![0]!.file), 'utf8'), readFileSync(path.join(data, third.changedFiles[0]!), 'utf8'));
});

test('hostile links each end in their named reason, and the run completes', async () => {
  const other = await startHostileServer({ '/elsewhere.pdf': send('%PDF-1.4 elsewhere', { type: 'application/pdf' }) }, '127.0.0.2');
  const links = {
    '/missing.pdf': 'not found',
    '/loop.pdf': 'redirect loop',
    '/away.pdf': 'redirect off site',
    '/slow.pdf': 'timeout',
    '/endless.pdf': 'timeout',
    '/huge.pdf': 'too large',
    '/page-as-pdf.pdf': 'wrong content',
    '/flaky.pdf': null,
    '/busy.pdf': null,
    '/disallowed/report.pdf': 'robots',
    '/challenge.html': 'script challenge',
    '/challenge-412.html': 'script challenge',
    '/bomb.docx': 'too large',
    '/corrupt.pdf': 'unreadable',
  } as const;
  const closedPort = await findFreePort();
  const listing = `<html><head><title>政府信息公开年报</title></head><body><ul>${Object.keys(links)
    .map((p, i) => `<li><a href="${p}">某县${2015 + i}年政府信息公开工作年度报告</a></li>`)
    .join(
      '',
    )}<li><a href="http://127.0.0.1:${closedPort}/gone.pdf">某县2030年政府信息公开工作年度报告</a></li></ul><a href="/pager/2.html">下一页</a></body></html>`;
  const [bomb] = await docxBomb(40);
  const realPdf = readFileSync(corpusFilePath('huaian-hongze-2024.pdf'));
  const server = await startHostileServer({
    '/robots.txt': send('User-agent: *\nDisallow: /disallowed/\n', { type: 'text/plain' }),
    '/column/index.html': send(listing, { type: 'text/html; charset=utf-8' }),
    '/missing.pdf': send('gone', { status: 404 }),
    '/loop.pdf': redirect('/loop2.pdf'),
    '/loop2.pdf': redirect('/loop.pdf'),
    '/away.pdf': redirect(other.url('/elsewhere.pdf')),
    '/slow.pdf': drip(100, 1000),
    '/endless.pdf': endless(20),
    '/huge.pdf': huge(),
    '/page-as-pdf.pdf': send('<html><body>登录</body></html>', { type: 'application/pdf' }),
    '/flaky.pdf': sequence(send('oops', { status: 500 }), send(realPdf, { type: 'application/pdf' })),
    '/busy.pdf': sequence(tooManyRequests('0'), send(realPdf, { type: 'application/pdf' })),
    '/challenge.html': send('<html><head><script>document.cookie="__jsl=1";location.href=location.href</script></head><body></body></html>', {
      status: 521,
      type: 'text/html',
    }),
    '/challenge-412.html': send(
      '<html><head><script src="/x.js"></script><script>var _0x1=["\\x63ookie"];document[_0x1[0]]="a=1";location.reload()</script></head><body></body></html>',
      {
        status: 412,
        type: 'text/html',
      },
    ),
    '/bomb.docx': send(bomb!, { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    '/corrupt.pdf': send('%PDF-1.4\n1 0 obj broken beyond repair', { type: 'application/pdf' }),
    // An endless pager: every page links to the next.
    ...Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [
        `/pager/${i + 2}.html`,
        send(`<html><body><a href="/pager/${i + 3}.html">下一页</a><a href="/pager/${i + 3}.html">${i + 3}</a></body></html>`, { type: 'text/html' }),
      ]),
    ),
  });
  const hostileData = tempDir('nianbao-harvest-hostile-');
  const result = await runHarvest({
    // The closed port is another site: allowed, so that the crawl asks it and finds nobody there.
    sources: [toSource({ url: server.url('/column/index.html'), label: '恶意站点', allow: [`127.0.0.1:${closedPort}`] })],
    dataRoot: hostileData,
    maxPages: 30,
    clientOptions: { ...fast, deadlineMs: 1_500, maxBytes: 1024 * 1024 },
    runsDir: path.join(hostileData, 'runs'),
  });
  const failed = new Map(result.sources[0]!.failed.map((f) => [new URL(f.url).pathname, f.reason]));
  for (const [link, reason] of Object.entries(links)) {
    if (reason) assert.equal(failed.get(link), reason, `${link}: ${JSON.stringify([...failed])}`);
    else assert.equal(failed.has(link), false, `${link} recovers after a retry`);
  }
  assert.equal(failed.get('/gone.pdf'), 'unreachable', 'a port nobody listens on');
  assert.equal(result.sources[0]!.stoppedBy, 'page limit', 'the endless pager ends at the page limit');
  assert.equal(result.exitCode, 1, 'some URLs failed, the run completed');
  assert.ok(result.runReport && JSON.parse(readFileSync(result.runReport, 'utf8')).kind === 'harvest');
  assert.ok(other.hitsOf('/elsewhere.pdf').length === 0, 'the other site was never asked');
  assert.deepEqual(readdirSync(hostileData).sort(), ['harvest', 'runs'], 'nothing is written outside the harvest folder (and the run report)');
  await server.close();
  await other.close();
});
