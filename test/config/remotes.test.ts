import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appSearchTarget, loadConfig } from '../../lib/config';
import { shardOf, splitByProvince } from '../../lib/indexer/shards';
import { federatedRequest } from '../../lib/search/federated';

test('NIANBAO_MEILI_REMOTES: unset or empty is one instance, and the app target does not change', () => {
  assert.equal(loadConfig({}).remotes, null);
  assert.equal(loadConfig({ NIANBAO_MEILI_REMOTES: ' ' }).remotes, null);
  assert.deepEqual(appSearchTarget(loadConfig({ MEILI_URL: 'http://127.0.0.1:7700', MEILI_SEARCH_KEY: 'abc' })), {
    url: 'http://127.0.0.1:7700',
    searchKey: 'abc',
    index: 'reports',
  });
});

test('NIANBAO_MEILI_REMOTES: name=url pairs, trailing slashes dropped; bad or repeated names refused', () => {
  const env = { MEILI_URL: 'http://10.0.0.1:7700', MEILI_SEARCH_KEY: 'abc', NIANBAO_MEILI_REMOTES: 'ms0=http://10.0.0.1:7700/, ms1=http://10.0.0.2:7700' };
  const remotes = [
    { name: 'ms0', url: 'http://10.0.0.1:7700' },
    { name: 'ms1', url: 'http://10.0.0.2:7700' },
  ];
  assert.deepEqual(loadConfig(env).remotes, remotes);
  assert.deepEqual(appSearchTarget(loadConfig(env)).remotes, remotes);
  assert.throws(() => loadConfig({ NIANBAO_MEILI_REMOTES: 'ms0=10.0.0.1:7700' }), /NIANBAO_MEILI_REMOTES/);
  assert.throws(() => loadConfig({ NIANBAO_MEILI_REMOTES: 'http://10.0.0.1:7700' }), /NIANBAO_MEILI_REMOTES/);
  assert.throws(() => loadConfig({ NIANBAO_MEILI_REMOTES: 'ms0=http://a:1,ms0=http://b:2' }), /given twice/);
  assert.throws(() => loadConfig({ NIANBAO_MEILI_REMOTES: 'm s=http://a:1' }), /NIANBAO_MEILI_REMOTES/);
});

test('shardOf: every province has one instance, whatever the order of the names', () => {
  const names = ['ms0', 'ms1', 'ms2'];
  for (const province of ['山东省', '江苏省', '北京市', null]) {
    assert.ok(names.includes(shardOf(province, names)));
    assert.equal(shardOf(province, [...names].reverse()), shardOf(province, names));
  }
  assert.equal(shardOf(null, names), shardOf('', names));
  const shares = splitByProvince([{ province: '山东省' }, { province: '山东省' }, { province: null }], names);
  assert.equal([...shares.values()].flat().length, 3);
  assert.equal(shares.get(shardOf('山东省', names))!.filter((d) => d.province === '山东省').length, 2);
  assert.throws(() => shardOf('山东省', []));
});

test('federatedRequest: the same query once per instance; paging and facets move to the federation', () => {
  const request = federatedRequest(
    {
      index: 'reports',
      remotes: [
        { name: 'ms0', url: 'http://a' },
        { name: 'ms1', url: 'http://b' },
      ],
    },
    { q: '依申请', filter: ['year = 2023'], facets: ['province', 'year'], page: 3, hitsPerPage: 20, sort: ['year:desc'] },
  );
  assert.deepEqual(request, {
    queries: ['ms0', 'ms1'].map((remote) => ({
      q: '依申请',
      filter: ['year = 2023'],
      sort: ['year:desc'],
      indexUid: 'reports',
      federationOptions: { remote },
    })),
    federation: { offset: 40, limit: 20, facetsByIndex: { reports: ['province', 'year'] }, mergeFacets: {} },
  });
  assert.deepEqual(federatedRequest({ index: 'reports', remotes: [{ name: 'ms0', url: 'http://a' }] }, { q: '', limit: 0 }).federation, {
    offset: 0,
    limit: 0,
  });
});
