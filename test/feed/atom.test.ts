import assert from 'node:assert/strict';
import { test } from 'node:test';
import { atomFeed, feedPath, feedTitle } from '../../lib/feed/atom';
import { DEFAULT_PARAMS, parseSearchParams } from '../../lib/search/params';
import type { FeedReport } from '../../lib/search/queries';
import { validateAtom } from '../support/atom';

const report = (over: Partial<FeedReport>): FeedReport => ({
  id: 'r1',
  title: '淮安市洪泽区人民政府2023年政府信息公开工作年度报告',
  organization: '淮安市洪泽区人民政府',
  body: '淮安市洪泽区人民政府',
  province: '江苏省',
  city: '淮安市',
  county: '洪泽区',
  township: null,
  year: 2023,
  publishedAt: '2024-01-20',
  indexedAt: '2026-12-01T08:00:00.000Z',
  failedChecksTotal: 0,
  sortKeys: { proactive: 1136, applications: 21, granted: 0.5263 },
  ...over,
});

test('a feed is valid Atom: one id, title and updated, entries linking to their reports', () => {
  const parsed = parseSearchParams(new URLSearchParams('county=洪泽区&q=依申请&page=3&sort=year-asc&view=table'));
  assert.ok(parsed.ok);
  const xml = atomFeed(
    parsed.params,
    [report({}), report({ id: 'r2', year: 2022, publishedAt: null, indexedAt: '2026-12-02T08:00:00.000Z' })],
    'https://nianbao.example',
  );
  const feed = validateAtom(xml);
  assert.equal(feed.title, '年报 · 关键词“依申请” · 洪泽区');
  assert.equal(feed.updated, '2026-12-02T08:00:00.000Z', 'the latest time a listed report was indexed');
  const self = feed.links.find((l) => l.rel === 'self')?.href;
  assert.equal(self, `https://nianbao.example/feed.xml?q=${encodeURIComponent('依申请')}&county=${encodeURIComponent('洪泽区')}`, 'no page, sort or view');
  assert.equal(
    feed.links.find((l) => l.rel === 'alternate')?.href,
    `https://nianbao.example/?q=${encodeURIComponent('依申请')}&county=${encodeURIComponent('洪泽区')}`,
  );
  assert.deepEqual(
    feed.entries.map((e) => e.link),
    ['https://nianbao.example/reports/r1', 'https://nianbao.example/reports/r2'],
  );
  assert.equal(feed.entries[0]?.published, '2024-01-20T00:00:00.000Z');
  assert.equal(feed.entries[1]?.published, undefined, 'no publication date is stated rather than invented');
  assert.match(feed.entries[0]?.summary ?? '', /主动公开 1,136 条 · 新收申请 21 件 · 予以公开率 52\.6%/);
});

test('report text is escaped for the html-typed elements; characters XML forbids are dropped', () => {
  const xml = atomFeed(DEFAULT_PARAMS, [report({ title: '标题]]><script>alert(1)</script>\u0001&', organization: '某局<b>' })], 'http://localhost:3000');
  const feed = validateAtom(xml);
  // A reader decodes the html once: it shows the characters, it does not build elements from them.
  assert.equal(feed.entries[0]?.title, '标题]]&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
  assert.doesNotMatch(xml, /\u0001/);
});

test('a report with neither title nor body says so plainly, with its place and year', () => {
  const feed = validateAtom(
    atomFeed(DEFAULT_PARAMS, [report({ id: 'r3', title: null, organization: null, body: null, township: '高良涧街道' })], 'http://localhost:3000'),
  );
  assert.equal(feed.entries[0]?.title, '未识别发布机关 · 江苏省淮安市洪泽区高良涧街道 · 2023 年度');
});

test('feed names and paths: filters in words, the whole collection when there are none', () => {
  assert.equal(feedTitle(DEFAULT_PARAMS), '年报 · 全部新报告');
  assert.equal(feedPath(DEFAULT_PARAMS), '/feed.xml');
  const body = parseSearchParams(new URLSearchParams('body=320813|政府&year=2024'));
  assert.ok(body.ok);
  assert.equal(feedTitle(body.params), '年报 · 政府 · 2024 年度');
  // the body's canonical name, not the short form the report prints
  const short = validateAtom(atomFeed(body.params, [report({ organization: '区政府' })], 'http://localhost'));
  assert.equal(short.title, '年报 · 淮安市洪泽区人民政府 · 2024 年度');
  assert.equal(parseSearchParams(new URLSearchParams('body=320813')).ok, false, 'a body key has a code and a name');
  assert.equal(parseSearchParams(new URLSearchParams('body=320813|a\u0000b')).ok, false);
});
