import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decodePage, readPage } from '../../lib/harvest/page';
import type { Fetched, PageReading } from '../../lib/harvest/types';
import { sniffContent } from '../../lib/ingest/sniff';
import { generateSite, type SiteServer, siteManifest, startSiteServer } from '../support/site-server';

/**
 * The fixture site (test/fixtures/harvest-site) served on loopback, read by readPage: what the
 * page reader finds on each page matches the site's structure (site.json), and a small crawl
 * built on it alone finds every report the site holds, and nothing else.
 */

const manifest = siteManifest();

async function fetchPage(origin: string, target: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const url = new URL(target, origin).href;
  const res = await fetch(url, { headers, redirect: 'follow' });
  const body = Buffer.from(await res.arrayBuffer());
  const sniffed = sniffContent(body);
  return {
    url,
    finalUrl: res.url,
    status: res.status,
    notModified: res.status === 304,
    headers: Object.fromEntries([...res.headers].map(([k, v]) => [k.toLowerCase(), v])),
    body,
    sniffed: sniffed === 'unknown' && body.length && /^\s*</.test(body.subarray(0, 64).toString('latin1')) ? 'html' : sniffed,
    fetchedAt: new Date().toISOString(),
  };
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** robots.txt's Disallow lines for every agent: enough for this site. */
async function disallowed(origin: string): Promise<string[]> {
  const text = await (await fetch(`${origin}/robots.txt`)).text();
  return [...text.matchAll(/^Disallow:\s*(\S+)/gim)].map((m) => m[1]!);
}

interface Crawl {
  /** Report URLs found: a report page, or the files a report page wraps. */
  reports: Set<string>;
  /** Every page read, with its reading. */
  readings: Map<string, PageReading>;
}

/** A breadth-first crawl that follows only what readPage points to: pagination, sub-columns, report links, redirects. */
async function crawl(origin: string, start: string, limit = 10_000): Promise<Crawl> {
  const blocked = await disallowed(origin);
  const queue = [new URL(start, origin).href];
  const seen = new Set(queue);
  const reports = new Set<string>();
  const readings = new Map<string, PageReading>();
  const push = (url: string) => {
    const u = new URL(url);
    if (u.origin !== origin || seen.has(u.href) || blocked.some((b) => u.pathname.startsWith(b))) return;
    seen.add(u.href);
    queue.push(u.href);
  };
  while (queue.length && readings.size < limit) {
    const url = queue.shift()!;
    const f = await fetchPage(origin, url);
    if (f.status !== 200) continue;
    if (f.sniffed !== 'html') continue; // a file: counted when its page is a report
    const r = readPage(f);
    readings.set(pathOf(url), r);
    for (const next of [...r.pagination, ...r.columnLinks.map((l) => l.url), ...(r.redirect ? [r.redirect] : [])]) push(next);
    for (const link of r.reportLinks) if (!link.fileType) push(link.url);
    if (r.isReport) {
      const files = r.reportLinks.filter((l) => r.attachments.some((a) => a.url === l.url));
      if (files.length) for (const file of files) reports.add(pathOf(file.url));
      else reports.add(pathOf(url));
    }
  }
  return { reports, readings };
}

describe('the fixture site on loopback', () => {
  let site: SiteServer;
  before(async () => {
    site = await startSiteServer();
  });
  after(() => site.close());

  test('it listens on 127.0.0.1 only', () => {
    assert.match(site.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test('robots.txt disallows the path of one report', async () => {
    const res = await fetch(`${site.origin}/robots.txt`);
    assert.equal(res.status, 200);
    const text = await res.text();
    assert.match(text, /Disallow: \/bak\//);
    const hidden = manifest.reports.filter((r) => r.robots === 'disallowed');
    assert.equal(hidden.length, 1);
    assert.ok(hidden[0]!.url.startsWith('/bak/'));
    assert.equal((await fetch(new URL(hidden[0]!.url, site.origin))).status, 200, 'the server serves it: only robots.txt says no');
  });

  test('ETag and Last-Modified on every answer, 304 to If-None-Match and If-Modified-Since, HEAD', async () => {
    const url = `${site.origin}${manifest.columns.county[0]}`;
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    assert.match(etag, /^"[0-9a-f]{20}"$/);
    assert.ok(Date.parse(lastModified));
    assert.equal((await fetch(url, { headers: { 'if-none-match': etag } })).status, 304);
    assert.equal((await fetch(url, { headers: { 'if-none-match': `W/${etag}` } })).status, 304);
    assert.equal((await fetch(url, { headers: { 'if-none-match': '"other"' } })).status, 200);
    assert.equal((await fetch(url, { headers: { 'if-modified-since': lastModified } })).status, 304);
    assert.equal((await fetch(url, { headers: { 'if-modified-since': 'Tue, 01 Jan 2019 00:00:00 GMT' } })).status, 200);
    const head = await fetch(url, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('etag'), etag);
    assert.equal((await fetch(`${site.origin}/nothing/here.html`)).status, 404);
    assert.equal((await fetch(`${site.origin}/nb`, { redirect: 'manual' })).headers.get('location'), '/nb/');
  });

  test('the GBK pages: charset in the header only, in a meta tag only, nowhere', async () => {
    const gbk = manifest.reports.filter((r) => r.encoding);
    assert.equal(gbk.length, 3);
    for (const r of gbk) {
      const f = await fetchPage(site.origin, r.url);
      assert.equal(f.headers['content-type'], manifest.contentTypes[r.url], r.url);
      const latin = f.body.toString('latin1');
      assert.equal(/charset/i.test(latin), r.encoding!.includes('meta'), `${r.url}: charset in the page only when the manifest says meta`);
      assert.ok(f.body.toString('utf8').includes('\ufffd'), 'not UTF-8');
      const reading = readPage(f);
      assert.equal(reading.meta.title, `青禾县人民政府${r.year}年政府信息公开工作报告`, r.url);
      assert.equal(reading.isReport, true, r.url);
      assert.match(reading.meta.publishedAt ?? '', new RegExp(`^${r.year + 1}-01-`));
      assert.ok(decodePage(f)?.includes('主动公开政府信息'));
    }
  });

  test('the county column: three pages from createPageHTML, five report links each, with years', async () => {
    const [first, second, third] = manifest.columns.county;
    const r0 = readPage(await fetchPage(site.origin, first!));
    assert.deepEqual(r0.pagination.map(pathOf).sort(), [second, third]);
    const r2 = readPage(await fetchPage(site.origin, third!));
    assert.deepEqual(r2.pagination.map(pathOf).sort(), [first, second]);
    const county = manifest.reports.filter((r) => r.body === '青禾县人民政府');
    const found = [];
    for (const page of manifest.columns.county) {
      const r = readPage(await fetchPage(site.origin, page));
      assert.equal(r.reportLinks.length, 5, page);
      assert.equal(r.isReport, false, page);
      found.push(...r.reportLinks.map((l) => [pathOf(l.url), l.year]));
    }
    assert.deepEqual(
      found,
      county.map((r) => [r.url, r.year]),
    );
    assert.deepEqual(
      r0.columnLinks.map((l) => pathOf(l.url)),
      ['/xxgk/gdwnb/index.html', manifest.columns.examples],
    );
    assert.equal(r0.meta.siteIdCode, '9999990001');
    assert.equal(r0.meta.columnName, '政府信息公开年报');
  });

  test("the region's column: a department's, a township's and a year's columns, and the annual-report module", async () => {
    const r = readPage(await fetchPage(site.origin, manifest.columns.region));
    const columns = r.columnLinks.map((l) => pathOf(l.url));
    for (const c of [manifest.columns.department, manifest.columns.township, manifest.columns.yearColumn]) assert.ok(columns.includes(c), c);
    assert.deepEqual(
      r.reportLinks.map((l) => [pathOf(l.url), l.year]),
      [[manifest.annualReportModule.url, 2024]],
    );
    const module = await fetchPage(site.origin, manifest.annualReportModule.url);
    const same = await fetchPage(site.origin, manifest.annualReportModule.sameAs);
    assert.deepEqual(module.body, same.body, 'the module shows the department report under another address');
    const year = readPage(await fetchPage(site.origin, manifest.columns.yearColumn));
    assert.deepEqual(
      year.reportLinks.map((l) => [l.text, l.year]),
      [
        ['县人民政府', 2023],
        ['县教育局', 2023],
        ['柳湾镇', 2023],
      ],
    );
  });

  test('report pages: HTML with tables, and pages that only wrap a DOCX (static, or from a download handler), a PDF or a DOC', async () => {
    const html = readPage(await fetchPage(site.origin, manifest.reports[0]!.url));
    assert.equal(html.isReport, true);
    assert.equal(html.meta.articleTitle, '青禾县人民政府2024年政府信息公开工作年度报告');
    assert.equal(html.meta.publishedAt, '2025-01-11');
    assert.deepEqual(html.attachments, []);

    for (const r of manifest.reports.filter((x) => x.page)) {
      const page = readPage(await fetchPage(site.origin, r.page!));
      assert.equal(page.isReport, true, r.page);
      assert.deepEqual(
        page.attachments.map((a) => pathOf(a.url)),
        [r.url],
        r.page,
      );
      assert.equal(page.attachments[0]!.fileType, r.kind, r.page);
      assert.equal(page.reportLinks.find((l) => pathOf(l.url) === r.url)?.year, r.year, r.page);
      const file = await fetchPage(site.origin, r.url);
      assert.equal(file.status, 200, r.url);
      assert.equal(file.sniffed, { pdf: 'pdf', docx: 'zip', doc: 'ole', html: 'html' }[r.kind], r.url);
    }
    const download = await fetch(`${site.origin}/module/download/downfile.jsp?classid=0&filename=P020240123610123000001.docx`);
    assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename=/);
  });

  test('the pages that are not reports read as none: 政府工作报告, 统计公报, a notice, the blank template', async () => {
    for (const url of manifest.notReports.filter((u) => u.endsWith('.html'))) assert.equal(readPage(await fetchPage(site.origin, url)).isReport, false, url);
    const template = readPage(await fetchPage(site.origin, '/xxgk/nbfl/202112/t20211220_700006.html'));
    assert.equal(template.isReport, false);
    assert.deepEqual(template.reportLinks, []);
    assert.equal(template.attachments.length, 1, 'the template is still an attachment');
  });

  test('a script redirect and a script challenge (521)', async () => {
    const redirect = readPage(await fetchPage(site.origin, manifest.redirect.from));
    assert.equal(redirect.isChallenge, false);
    assert.equal(pathOf(redirect.redirect!), manifest.redirect.to);
    const challenge = await fetchPage(site.origin, manifest.challenge);
    assert.equal(challenge.status, 521);
    assert.equal(readPage(challenge).isChallenge, true);
  });

  test('a crawl that follows only what readPage finds gets every report, honours robots.txt, and nothing else', async () => {
    const before = site.requests.length;
    const { reports, readings } = await crawl(site.origin, '/index.html');
    const expected = manifest.reports.filter((r) => !r.robots).map((r) => r.url);
    assert.deepEqual([...reports].sort(), [...expected, manifest.annualReportModule.url].sort());
    const asked = site.requests.slice(before).map((r) => r.url);
    assert.ok(!asked.some((u) => u.startsWith('/bak/')), 'nothing under /bak/ was asked for');
    assert.ok(!asked.some((u) => manifest.notReports.includes(u)), 'no near miss was followed');
    for (const [url, r] of readings) assert.equal(r.isChallenge, false, url);
  });

  test('version 2 changes one report: a new ETag and Last-Modified for it, 304 for the rest', async () => {
    const changed = manifest.reports.find((r) => r.changesInVersion2)!.url;
    const other = manifest.reports.find((r) => !r.changesInVersion2 && !r.robots)!.url;
    const v1 = await fetch(`${site.origin}${changed}`);
    const v1Text = readPage(await fetchPage(site.origin, changed));
    const etag = v1.headers.get('etag')!;
    const otherTag = (await fetch(`${site.origin}${other}`)).headers.get('etag')!;
    site.setVersion(2);
    try {
      assert.equal(site.version, 2);
      const v2 = await fetch(`${site.origin}${changed}`, { headers: { 'if-none-match': etag } });
      assert.equal(v2.status, 200);
      assert.notEqual(v2.headers.get('etag'), etag);
      assert.ok(Date.parse(v2.headers.get('last-modified')!) > Date.parse(v1.headers.get('last-modified')!));
      const text = await v2.text();
      assert.match(text, /更正/);
      assert.equal((await fetch(`${site.origin}${other}`, { headers: { 'if-none-match': otherTag } })).status, 304);
      assert.equal(readPage(await fetchPage(site.origin, changed)).meta.articleTitle, v1Text.meta.articleTitle);
    } finally {
      site.setVersion(1);
    }
    assert.equal((await fetch(`${site.origin}${changed}`, { headers: { 'if-none-match': etag } })).status, 304);
  });
});

describe('a generated site for the benchmark', () => {
  test('exactly n pages from memory, the same for the same n, every report found by a crawl on readPage', async () => {
    const n = 300;
    const generated = generateSite(n);
    const htmlPages = [...generated.pages.keys()].filter((p) => p.endsWith('.html'));
    assert.equal(htmlPages.length, n);
    assert.equal(generated.reports.length + generated.listings.length + 1, n);
    assert.deepEqual(generateSite(n).reports, generated.reports);
    assert.ok(
      generated.listings.filter((l) => /\/index(_\d+)?\.html$/.test(l) && l.split('/').length === 4).length >= 2,
      'the region column has several pages',
    );

    const site = await startSiteServer({ site: generated });
    try {
      const { reports, readings } = await crawl(site.origin, '/index.html');
      assert.equal(readings.size, n);
      assert.deepEqual([...reports].sort(), generated.reports.map((r) => r.url).sort());
      const sample = readings.get(generated.reports[0]!.url)!;
      assert.equal(sample.meta.articleTitle, `${generated.reports[0]!.organization}${generated.reports[0]!.year}年政府信息公开工作年度报告`);
      assert.throws(() => site.setVersion(2));
    } finally {
      await site.close();
    }
  });

  test('a too-small site is refused', () => {
    assert.throws(() => generateSite(3));
  });
});
