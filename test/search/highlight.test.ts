import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spaceHan } from '../../lib/document/search-copies';
import { decodeUtf8Bytes, repairUtf8, type Utf8Bytes } from '../../lib/engine/utf8-bytes';
import { BOM, CSV_HEADER, contentDisposition, csvRow, exportFileName } from '../../lib/search/csv';
import { csvCell, csvLine } from '../../lib/search/csv-line';
import { highlight, snippet } from '../../lib/search/highlight';
import { DEFAULT_PARAMS } from '../../lib/search/params';
import type { ExportRow } from '../../lib/search/queries';
import { searchTerms, toEngineQuery } from '../../lib/search/recall';
import { nextRegionFields, prepareSearch } from '../../lib/search/request';
import type { HighlightedText } from '../../lib/search/types';
import { snippetFromUtf8Bytes } from '../../lib/search/utf8-snippet';

const text = (segments: HighlightedText) => segments.map((s) => s.text).join('');
const hits = (segments: HighlightedText) => segments.filter((s) => s.hit).map((s) => s.text);

test('spaceHan: every Han character a word; Latin words and numbers stay whole', () => {
  assert.equal(spaceHan('中国农业发展银行'), '中 国 农 业 发 展 银 行');
  assert.equal(spaceHan('2023年收到申请12件（含wechat）'), '2023 年 收 到 申 请 12 件 （ 含 wechat）');
  assert.equal(spaceHan('政府 信息'), '政 府 信 息');
  assert.equal(spaceHan('abc def'), 'abc def');
  assert.equal(spaceHan('𠀀𠀁'), '𠀀 𠀁', 'characters outside the BMP stay whole');
});

test('searchTerms: simplified, split on anything but letters and digits, no operators, at most ten', () => {
  assert.deepEqual(searchTerms('張家產鎮'), ['张家产镇']);
  assert.deepEqual(searchTerms('依申請公開 行政復議'), ['依申请公开', '行政复议']);
  assert.deepEqual(searchTerms('依申请" OR year > 0 -行政复议 "'), ['依申请', 'or', 'year', '0', '行政复议']);
  assert.deepEqual(searchTerms('淮安，依申请；淮安'), ['淮安', '依申请']);
  assert.deepEqual(searchTerms('ＷＷＷ２０２３'), ['www2023']);
  assert.deepEqual(searchTerms('   '), []);
  assert.deepEqual(searchTerms('"" - > <'), []);
  assert.equal(searchTerms('一 二 三 四 五 六 七 八 九 十 十一 十二').length, 10);
  // Simplified text is left alone (著作 stays 著作; 乾隆 stays 乾隆).
  assert.deepEqual(searchTerms('著作权 乾隆 皇后'), ['著作权', '乾隆', '皇后']);
});

test('toEngineQuery: Han terms as phrases of characters, other terms as words', () => {
  assert.equal(toEngineQuery(['农业', '2023年', 'wechat']), '"农 业" "2023 年" wechat');
  assert.equal(toEngineQuery([]), '');
  assert.equal(prepareSearch({ ...DEFAULT_PARAMS, q: '依申请" OR "' }).body.q, '"依 申 请" or');
});

test('nextRegionFields: provinces at the top, then the next two levels below the deepest chosen one', () => {
  assert.deepEqual(nextRegionFields({ province: null, city: null, county: null, township: null }), ['province']);
  assert.deepEqual(nextRegionFields({ province: '上海市', city: null, county: null, township: null }), ['city', 'county']);
  assert.deepEqual(nextRegionFields({ province: '山东省', city: '威海市', county: null, township: null }), ['county', 'township']);
  assert.deepEqual(nextRegionFields({ province: '北京市', city: null, county: '西城区', township: null }), ['township']);
  assert.deepEqual(nextRegionFields({ province: 'a', city: 'b', county: 'c', township: 'd' }), []);
});

test('highlight: every occurrence, across PDF line breaks, case-insensitive, markup as text', () => {
  const segments = highlight('依申请公开：本机关依申\n请公开政府信息。', ['依申请']);
  assert.deepEqual(hits(segments), ['依申请', '依申\n请']);
  assert.equal(text(segments), '依申请公开：本机关依申\n请公开政府信息。');
  assert.deepEqual(hits(highlight('关注WeChat公众号', ['wechat'])), ['WeChat']);
  assert.deepEqual(highlight('<em>强调</em><script>', ['强调']), [
    { text: '<em>', hit: false },
    { text: '强调', hit: true },
    { text: '</em><script>', hit: false },
  ]);
  // The longer term wins where both match; adjacent hits merge.
  assert.deepEqual(highlight('依申请公开', ['依申请', '依申请公开']), [{ text: '依申请公开', hit: true }]);
  assert.deepEqual(highlight('abc', []), [{ text: 'abc', hit: false }]);
  assert.deepEqual(highlight('', ['a']), []);
  // Regex characters in a term are literal.
  assert.deepEqual(hits(highlight('a.b a+b', ['a+b'])), ['a+b']);
});

test('snippet: a short passage around the most terms, one line, no cut characters', () => {
  const long = `${'前言。'.repeat(100)}\n本年度收到依申请公开申请12件。\n${'其他内容。'.repeat(100)}行政复议0件。依申请公开与行政复议并列。${'尾声。'.repeat(50)}`;
  const one = snippet(long, ['依申请']);
  assert.ok(text(one).startsWith('本年度收到'), text(one));
  assert.ok(text(one).length <= 100, 'at most 100 characters');
  assert.deepEqual(hits(one), ['依申请']);
  const two = snippet(long, ['依申请', '行政复议']);
  assert.ok(hits(two).includes('依申请') && hits(two).includes('行政复议'), JSON.stringify(two));
  assert.ok(!text(one).includes('\n'), 'one line');
  // No match (the hit was in the title or place names): the opening, unmarked.
  const none = snippet(long, ['淮安']);
  assert.ok(text(none).startsWith('前言。'), 'the opening');
  assert.deepEqual(hits(none), []);
  // A character outside the BMP is never split.
  const rare = snippet(`${'𠀀'.repeat(200)}依申请`, ['依申请'], { length: 30 });
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text(rare)), 'no lone surrogate');
  assert.deepEqual(snippet('', ['a']), []);
});

const row: ExportRow = {
  id: 'abc123',
  title: '某某年报',
  organization: '=HYPERLINK("http://evil","点我"),',
  province: '山东省',
  city: '威海市',
  county: null,
  township: null,
  year: 2024,
  level: 'city',
  template: '2021',
  proactiveTotal: 815,
  applicationsNew: 5,
  failedChecksTotal: 0,
  publishedAt: '2025-01-15',
  applications: { carriedOver: 0, processed: 3, carriedForward: 2 },
  review: { reconsiderations: 1, lawsuits: null },
};

test('csv: quoting, formula guard, header, row, file name', () => {
  assert.equal(BOM, '\uFEFF');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('-1'), "'-1");
  assert.equal(csvCell('@cmd'), "'@cmd");
  assert.equal(csvCell(-1), '-1');
  assert.equal(csvCell(null), '');
  assert.equal(csvLine(['a', 1, null]), 'a,1,\r\n');
  assert.equal(CSV_HEADER, 'id,机构,省,市,县,乡镇,年份,层级,模板,主动公开总数,新收申请,上年结转,办理总计,结转下年,复议,诉讼,未通过校验数,发布日期,链接\r\n');
  assert.equal(
    csvRow(row, 'https://nianbao.example'),
    `abc123,"'=HYPERLINK(""http://evil"",""点我""),",山东省,威海市,,,2024,地市级政府,2021 年新模板,815,5,0,3,2,1,,0,2025-01-15,https://nianbao.example/reports/abc123\r\n`,
  );
  const day = new Date('2025-03-04T10:00:00Z');
  assert.equal(exportFileName(DEFAULT_PARAMS, day), 'nianbao-20250304.csv');
  assert.equal(
    exportFileName({ ...DEFAULT_PARAMS, province: '山东省', yearFrom: 2023, yearTo: 2023, q: '依申请 "x"' }, day),
    'nianbao-山东省-2023-依申请_x_-20250304.csv',
  );
  assert.equal(
    contentDisposition('nianbao-山东省-20250304.csv'),
    `attachment; filename="nianbao-___-20250304.csv"; filename*=UTF-8''nianbao-%E5%B1%B1%E4%B8%9C%E7%9C%81-20250304.csv`,
  );
});

test('utf8 bytes: a reply read as latin1 is repaired field by field; texts are cut from their bytes', () => {
  const reply =
    '{"hits":[{"id":"a","title":"淮安市人民政府","text":"正文"}],"facetDistribution":{"province":{"江苏省":3,"__proto__":1}},"query":"\\"淮 安\\""}';
  const asLatin1 = JSON.parse(Buffer.from(reply, 'utf8').toString('latin1'));
  const repaired = repairUtf8(asLatin1, new Set(['text']));
  assert.equal(repaired.hits[0].title, '淮安市人民政府');
  assert.equal(repaired.query, '"淮 安"');
  assert.deepEqual(Object.keys(repaired.facetDistribution.province), ['江苏省', '__proto__']);
  assert.equal(repaired.hits[0].text, Buffer.from('正文').toString('latin1'), 'the text stays bytes');
  assert.equal(decodeUtf8Bytes('plain ascii'), 'plain ascii');

  const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1') as Utf8Bytes;
  const texts = [
    `${'前言。'.repeat(300)}\n本年度收到依申请公开申请12件，依\n申请公开答复率100%。\n${'其他内容。'.repeat(300)}`,
    `关注WeChat公众号与𠀀𠀁生僻字${'。'.repeat(50)}依申请`,
    `${'无关文字'.repeat(100)}`,
    `全角　空格：依　申请公开`,
  ];
  for (const text of texts) {
    for (const terms of [['依申请'], ['wechat'], ['淮安'], ['生僻字']]) {
      assert.deepEqual(snippetFromUtf8Bytes(bytes(text), terms), snippet(text, terms), `${terms} in ${text.slice(0, 20)}`);
    }
  }
  assert.deepEqual(hits(snippetFromUtf8Bytes(bytes(texts[3]), ['依申请'])), ['依 申请'], 'found across an ideographic space');
  const both = snippetFromUtf8Bytes(bytes(texts[0]), ['依申请', '答复率']);
  assert.ok(hits(both).includes('答复率') && hits(both).includes('依申请'), JSON.stringify(both));
});
