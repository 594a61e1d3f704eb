import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseSourcesCsv, readSources, SourcesError, sourceId, toSource, upsertSources, writeSources } from '../../lib/harvest/sources';
import { tempDir } from '../support/temp';

test('a source is validated in plain words; its id follows its URL', () => {
  const source = toSource({ url: ' https://www.wendeng.gov.cn/col/col123/index.html ', name: '威海市文登区人民政府', code: '371003' });
  assert.equal(source.id, sourceId('https://www.wendeng.gov.cn/col/col123/index.html'));
  assert.equal(source.scope, 'body');
  assert.throws(() => toSource({ url: 'ftp://x.gov.cn/' }), SourcesError);
  assert.throws(() => toSource({ url: 'https://user:pw@x.gov.cn/' }), /不含用户名和密码/);
  assert.throws(() => toSource({ url: 'https://x.gov.cn/', code: '3710' + 'x' }), /区划代码/);
});

test('sources.json round-trips; a broken file is named', () => {
  const dir = tempDir('nianbao-sources-');
  const file = path.join(dir, 'harvest', 'sources.json');
  assert.deepEqual(readSources(file), []);
  const a = toSource({ url: 'https://a.gov.cn/gknb/', label: '甲' });
  const b = toSource({ url: 'https://b.gov.cn/gknb/', scope: 'region' });
  writeSources(file, upsertSources([a], [b, { ...a, label: '甲（改）' }]));
  const read = readSources(file);
  assert.deepEqual(
    read.map((s) => [s.url, s.label, s.scope]),
    [
      ['https://a.gov.cn/gknb/', '甲（改）', 'body'],
      ['https://b.gov.cn/gknb/', undefined, 'region'],
    ],
  );
  writeFileSync(file, '{ not json');
  assert.throws(() => readSources(file), /不是有效的 JSON/);
  writeFileSync(file, JSON.stringify({ sources: [{ url: 'javascript:alert(1)' }] }));
  assert.throws(() => readSources(file), /第 1 条/);
});

test('a CSV of sources: Chinese or English headers, quotes, every bad line named and the good ones kept', () => {
  const csv =
    '\ufeff网址,机关,区划代码,备注,范围\nhttps://www.huaian.gov.cn/col/col1/,"淮安市人民政府",3208,"市, 政府",\nnot a url,某局,,,\nhttps://www.hz.gov.cn/xxgk/,,320813,,地区\n';
  const { sources, errors } = parseSourcesCsv(csv);
  assert.equal(sources.length, 2);
  assert.equal(sources[0]?.label, '市, 政府');
  assert.equal(sources[1]?.scope, 'region');
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /^第 3 行：url：/);
  assert.deepEqual(parseSourcesCsv('name,code\n某局,3208\n').errors, ['CSV 的第一行必须是表头，且包含 url（或“网址”）一列。']);
});

test('a CSV label may hold a line break in quotes; an unclosed quote is named with its line', () => {
  const csv = 'url,label\r\nhttps://a.gov.cn/,"第一行\n第二行"\r\nhttps://b.gov.cn/,乙\r\n';
  const { sources, errors } = parseSourcesCsv(csv);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    sources.map((s) => s.label),
    ['第一行\n第二行', '乙'],
  );
  const broken = parseSourcesCsv('url,label\nhttps://a.gov.cn/,"未闭合\n');
  assert.deepEqual(broken.sources, []);
  assert.match(broken.errors[0]!, /^CSV 格式有误：第 \d+ 行有未闭合的引号。$/);
});
