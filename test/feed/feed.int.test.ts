import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GET as feedRoute } from '../../app/feed.xml/route';
import { FEED_SIZE } from '../../lib/feed/atom';
import { parseSearchParams, type SearchParams } from '../../lib/search/params';
import { getBodyYears, getReport, searchReports } from '../../lib/search/queries';
import type { ReportHit } from '../../lib/search/types';
import { validateAtom } from '../support/atom';
import { type SearchFixture, startSearchFixture } from '../support/search-index';

/** The Atom feeds against a real Meilisearch holding the sample reports, through the route handler. */

let fixture: SearchFixture;
before(async () => {
  fixture = await startSearchFixture();
});
after(async () => {
  await fixture?.meili.stop();
});

const ORIGIN = 'http://localhost:3000';

async function feed(query: string) {
  const response = await feedRoute(new Request(`${ORIGIN}/feed.xml${query}`));
  assert.equal(response.status, 200, query);
  assert.match(response.headers.get('content-type') ?? '', /^application\/atom\+xml/);
  return validateAtom(await response.text());
}

function params(query: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(query));
  assert.ok(parsed.ok);
  return parsed.params;
}

async function allHits(query: string): Promise<ReportHit[]> {
  const first = await searchReports(params(`${query}&size=100`));
  const hits = [...first.hits];
  for (let page = 2; page <= first.totalPages; page++) hits.push(...(await searchReports(params(`${query}&size=100&page=${page}`))).hits);
  return hits;
}

const idOf = (link: string) => decodeURIComponent(link.slice(`${ORIGIN}/reports/`.length));

test('the whole collection: the newest reports first, as many as the feed holds', async () => {
  const { entries } = await feed('');
  assert.equal(entries.length, Math.min(FEED_SIZE, fixture.count));
  const published = entries.map((e) => e.published ?? null);
  const known = published.filter((p): p is string => p !== null);
  assert.deepEqual(known, [...known].sort().reverse(), 'latest publication date first');
  // The first is the latest publication date of all the reports.
  const all = await allHits('sort=published-desc');
  const latest = all
    .map((h) => h.publishedAt)
    .filter((p): p is string => Boolean(p))
    .sort()
    .reverse()[0];
  assert.equal(published[0]?.slice(0, 10), latest);
  // Every entry is a report that exists.
  for (const entry of entries.slice(0, 5)) assert.ok(await getReport(idOf(entry.link)));
});

test("a place's feed lists only that place's reports, all of them when fewer than the feed holds", async () => {
  const query = `province=${encodeURIComponent('江苏省')}`;
  const { entries, title } = await feed(`?${query}`);
  assert.equal(title, '年报 · 江苏省');
  const inProvince = await allHits(query);
  assert.deepEqual(new Set(entries.map((e) => idOf(e.link))), new Set(inProvince.map((h) => h.id)));
});

test("a body's feed lists its reports of every year", async () => {
  const hits = await allHits('sort=year-desc');
  let bodyKey: string | null = null;
  let years: Awaited<ReturnType<typeof getBodyYears>> = [];
  for (const hit of hits) {
    if (!hit.bodyKey) continue;
    years = await getBodyYears(hit.bodyKey);
    if (years.length >= 2) {
      bodyKey = hit.bodyKey;
      break;
    }
  }
  assert.ok(bodyKey, 'the samples have a body with two years');
  const { entries } = await feed(`?body=${encodeURIComponent(bodyKey)}`);
  assert.deepEqual(new Set(entries.map((e) => idOf(e.link))), new Set(years.map((y) => y.id)));
});

test('a bad parameter is a 400 with a plain message, not a broken feed', async () => {
  const response = await feedRoute(new Request(`${ORIGIN}/feed.xml?year=abcd`));
  assert.equal(response.status, 400);
  assert.match(((await response.json()) as { error: string }).error, /年份“abcd”无效/);
});
