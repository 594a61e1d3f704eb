import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arrivedQuery,
  buildFilter,
  chosenRegions,
  parseSearchParams,
  quoteFilterValue,
  regionUpTo,
  toggle,
  toQueryString,
  withParams,
} from '../../lib/search/params';

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

test('a full search round-trips through its canonical URL', () => {
  const r = parse('q=依申请&province=山东省&city=威海市&level=township,county&yearFrom=2019&yearTo=2022&failed=1&sort=year-desc&page=2');
  assert.ok(r.ok);
  const again = parse(toQueryString(r.params).slice(1));
  assert.ok(again.ok);
  assert.deepEqual(again.params, r.params);
  assert.equal(r.params.page, 2);
  assert.deepEqual(r.params.level, ['township', 'county']);
});

test('year=YYYY is a one-year range; empty values are absent', () => {
  const r = parse('year=2022&province=&q=');
  assert.ok(r.ok);
  assert.equal(r.params.yearFrom, 2022);
  assert.equal(r.params.yearTo, 2022);
  assert.equal(r.params.province, null);
  assert.equal(toQueryString(r.params), '?year=2022');
});

for (const [qs, why] of [
  ['year=22', /年份/],
  ['year=abcd', /年份/],
  ['yearFrom=2023&yearTo=2020', /晚于/],
  ['level=mayor', /层级/],
  ['template=2020', /模板/],
  ['sort=random', /排序/],
  ['page=0', /页码/],
  ['page=99999', /页码/],
  ['size=1000', /每页/],
  ['foo=1', /不认识的参数/],
  ['q=a&q=b', /只能出现一次/],
  [`q=${'长'.repeat(201)}`, /太长/],
  ['province=山东省" OR year > 0', /地区名称/],
  ['city=威海市)%20OR%20(1', /地区名称/],
  ['failed=yes', /只能是 1/],
] as Array<[string, RegExp]>) {
  test(`rejects ${qs.slice(0, 40)} with a plain message`, () => {
    const r = parse(qs);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error, why);
  });
}

test('filter values are quoted and escaped, never pasted', () => {
  assert.equal(quoteFilterValue('a"b\\c'), '"a\\"b\\\\c"');
  const r = parse('province=山东省&level=township&yearFrom=2020&applications=1');
  assert.ok(r.ok);
  assert.deepEqual(buildFilter(r.params), ['province = "山东省"', 'level IN ["township"]', 'year >= 2020', 'hasApplications = true']);
  assert.deepEqual(buildFilter(r.params, { omit: ['province'] }), ['level IN ["township"]', 'year >= 2020', 'hasApplications = true']);
});

test('changing a filter goes back to page 1', () => {
  const r = parse('province=山东省&page=3');
  assert.ok(r.ok);
  assert.equal(withParams(r.params, { city: '威海市' }), '?province=%E5%B1%B1%E4%B8%9C%E7%9C%81&city=%E5%A8%81%E6%B5%B7%E5%B8%82');
  assert.match(withParams(r.params, { page: 4 }), /page=4/);
});

test('the query as it arrived: repeated names kept, in the order they came', () => {
  assert.equal(
    arrivedQuery({ q: '依申请', level: ['county', 'city'], page: undefined }),
    `?${new URLSearchParams([
      ['q', '依申请'],
      ['level', 'county'],
      ['level', 'city'],
    ])}`,
  );
  assert.equal(arrivedQuery({}), '');
  assert.equal(arrivedQuery(new URLSearchParams('b=2&a=1')), '?b=2&a=1');
});

test('the region trail: the chosen places from the top, and going up drops a place and those under it', () => {
  const r = parse('province=江苏省&city=淮安市&county=洪泽区');
  assert.ok(r.ok);
  assert.deepEqual(chosenRegions(r.params), [
    { field: 'province', name: '江苏省' },
    { field: 'city', name: '淮安市' },
    { field: 'county', name: '洪泽区' },
  ]);
  assert.deepEqual(regionUpTo(2), { county: null, township: null });
  assert.equal(withParams(r.params, regionUpTo(1)), `?${new URLSearchParams({ province: '江苏省' })}`);
});

test('toggle adds a value that is not there and takes out one that is', () => {
  assert.deepEqual(toggle(['county'], 'city'), ['county', 'city']);
  assert.deepEqual(toggle(['county', 'city'], 'county'), ['city']);
});

test('the table view: view, columns (in table order, repeated or comma-listed) and any column sort round-trip', () => {
  const r = parse('view=table&cols=failed&cols=applications,region&sort=granted-asc&size=100');
  assert.ok(r.ok);
  assert.equal(r.params.view, 'table');
  assert.deepEqual(r.params.cols, ['region', 'applications', 'failed']);
  assert.equal(r.params.sort, 'granted-asc');
  assert.equal(toQueryString(r.params), '?view=table&cols=region%2Capplications%2Cfailed&sort=granted-asc&size=100');
  const all = parse('view=table&cols=region,year,proactive,applications,granted,refused,reconsiderations,lawsuits,corrected,failed');
  assert.ok(all.ok);
  assert.equal(toQueryString(all.params), '?view=table', 'all columns is the default, left out');
  const list = parse('sort=applications-desc');
  assert.ok(list.ok);
  assert.deepEqual(buildFilter(list.params), []);
  for (const [qs, why] of [
    ['view=grid', /显示方式/],
    ['cols=salary', /表格列/],
    ['sort=granted', /排序/],
    ['sort=salary-desc', /排序/],
    ['view=table&view=list', /只能出现一次/],
  ] as Array<[string, RegExp]>) {
    const bad = parse(qs);
    assert.equal(bad.ok, false, qs);
    if (!bad.ok) assert.match(bad.error, why);
  }
});
