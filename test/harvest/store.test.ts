import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readSidecar } from '../../lib/harvest/sidecar';
import { canonicalUrl, HarvestStore } from '../../lib/harvest/store';
import type { Fetched } from '../../lib/harvest/types';
import { tempDir } from '../support/temp';

function fetched(url: string, body: string, fetchedAt: string, headers: Record<string, string> = {}): Fetched {
  return { url, finalUrl: url, status: 200, notModified: false, headers, body: Buffer.from(body), sniffed: 'html', fetchedAt };
}

test('canonical URLs: case, default port, fragment, query order and index pages', () => {
  assert.equal(canonicalUrl('HTTP://WWW.Example.gov.cn:80/col/col12/index.html#top'), 'http://www.example.gov.cn/col/col12/');
  assert.equal(canonicalUrl('https://x.gov.cn/module/a.jsp?fbtime=2023&area=11'), 'https://x.gov.cn/module/a.jsp?area=11&fbtime=2023');
  assert.notEqual(canonicalUrl('https://x.gov.cn/a.jsp?fbtime=2022'), canonicalUrl('https://x.gov.cn/a.jsp?fbtime=2023'));
});

test('a report is stored once with its sidecar; unchanged bytes change nothing; new bytes keep the old version', () => {
  const data = tempDir('nianbao-harvest-');
  const store = new HarvestStore(data);
  const url = 'https://www.example.gov.cn/zfxxgknb/202301/t20230128_3929475.html';
  const provenance = {
    title: '某县2022年政府信息公开工作年度报告',
    publishedAt: '2023-01-28',
    listingUrl: 'https://www.example.gov.cn/zfxxgknb/',
    sourceId: 's1',
  };
  assert.equal(store.storeReport(fetched(url, '<html>第一版</html>', '2024-01-01T00:00:00.000Z', { etag: '"v1"' }), provenance), 'new');
  const first = store.fileOf(url)!;
  assert.match(first, /^harvest\/files\/www\.example\.gov\.cn\/[0-9a-f]{16}\/t20230128_3929475\.html$/);
  const sidecar = readSidecar(path.join(data, first))!;
  assert.equal(sidecar.url, url);
  assert.equal(sidecar.title, provenance.title);
  assert.equal(sidecar.listingUrl, provenance.listingUrl);
  assert.equal(sidecar.etag, '"v1"');
  assert.equal(sidecar.firstSeenAt, '2024-01-01T00:00:00.000Z');
  assert.deepEqual(store.validators(url), { etag: '"v1"', lastModified: undefined });

  assert.equal(store.storeReport(fetched(url, '<html>第一版</html>', '2024-02-01T00:00:00.000Z'), provenance), 'unchanged');
  assert.equal(store.fileOf(url), first);

  assert.equal(store.storeReport(fetched(url, '<html>第二版</html>', '2024-03-01T00:00:00.000Z'), provenance), 'changed');
  const latest = readSidecar(path.join(data, store.fileOf(url)!))!;
  assert.equal(readFileSync(path.join(data, store.fileOf(url)!), 'utf8'), '<html>第二版</html>');
  assert.equal(latest.versions?.length, 1);
  const kept = latest.versions![0]!;
  assert.equal(readFileSync(path.join(data, kept.file), 'utf8'), '<html>第一版</html>');
  assert.equal(kept.fetchedAt, '2024-02-01T00:00:00.000Z', 'the old content was last seen on the second run');
  assert.match(kept.file, /\/\.versions\//, 'earlier versions sit in a dot folder the indexer does not walk');
  assert.ok(existsSync(path.join(data, `${kept.file}.source.json`)));
});

test('the same bytes at a second URL are stored once, and the first sidecar lists the other URL', () => {
  const data = tempDir('nianbao-harvest-');
  const store = new HarvestStore(data);
  const a = 'https://www.example.gov.cn/art/2024/1/22/art_1229_4107020.html';
  const b = 'https://www.example.gov.cn/art/2024/1/22/art_1229_4107020_wap.html';
  assert.equal(store.storeReport(fetched(a, '同一份报告', '2024-01-01T00:00:00.000Z'), {}), 'new');
  assert.equal(store.storeReport(fetched(b, '同一份报告', '2024-01-01T00:00:01.000Z'), {}), 'duplicate');
  assert.equal(store.fileOf(b), store.fileOf(a));
  assert.deepEqual(readSidecar(path.join(data, store.fileOf(a)!))!.alsoAt, [b]);
  const files = readdirSync(path.join(data, 'harvest', 'files', 'www.example.gov.cn'));
  assert.equal(files.length, 1);
});

test('state survives a new store on the same folder', () => {
  const data = tempDir('nianbao-harvest-');
  const store = new HarvestStore(data);
  store.storeReport(fetched('https://x.gov.cn/a.html', '报告', '2024-01-01T00:00:00.000Z', { 'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT' }), {});
  store.recordCheck({ sourceId: 's1', checkedAt: '2024-01-01T00:00:00.000Z', scope: 'body', code: '320803', reportsFound: 1, failed: false });
  store.save();
  const again = new HarvestStore(data);
  assert.deepEqual(again.validators('https://x.gov.cn/a.html'), { etag: undefined, lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' });
  assert.equal(again.checks()[0]?.code, '320803');
});
