import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyLevel, type LevelInput, readSelfWords, readUrlHints } from '../../lib/report/level';

const none = readSelfWords('');
const noUrl = readUrlHints(null);
const input = (over: Partial<LevelInput>): LevelInput => ({
  organization: null,
  nameSource: null,
  orgPlaceLevel: null,
  regionDepth: null,
  county: null,
  province: null,
  self: none,
  url: noUrl,
  ...over,
});

test('readSelfWords: 我镇/本街道, 我县, 我市, 我局 are counted; 本市场, 本区域, 本办法 are not', () => {
  const w = readSelfWords('2023年我镇主动公开信息。本街道办理申请。我局认真落实。本市场主体；本区域内；本办法；我县统计工作；本市民');
  assert.equal(w.township, 2);
  assert.equal(w.department, 1);
  assert.equal(w.county, 1);
  assert.equal(w.city, 0);
  assert.equal(readSelfWords('我办以习近平新时代中国特色社会主义思想为指导').office, 1);
  // a 中心 speaks as a department; 本中心城区 is a place
  assert.equal(readSelfWords('我中心主动公开信息。本中心城区道路').department, 1);
});

test('readUrlHints: the deepest path word that names a kind of body', () => {
  assert.deepEqual(readUrlHints('https://www.haizhu.gov.cn/zwgk/zfxxgknb/jd/content/post_9472698.html'), { kind: 'township', level: 'township', word: 'jd' });
  assert.equal(readUrlHints('http://baishui.gov.cn/zfxxgk/zfxxgknb/bmxxgknb/1651146463799808001.html').kind, 'department');
  assert.equal(readUrlHints('https://www.hld.gov.cn/zwgk/zfxxgknb/bmnb/jyj/202301/t20230128_1129303.html').kind, 'department');
  assert.equal(readUrlHints('http://xxgk.sxgp.gov.cn/gzbm/zfbgs/zfxxgknb/202401/t.shtml').kind, 'department');
  // the site's root names the city's government, the deeper word a town
  assert.equal(readUrlHints('http://shangzhi.gov.cn/szsrmzf/xzjd2020/202102/c01_964240.shtml').kind, 'township');
  assert.deepEqual(readUrlHints('http://www.fuxian.gov.cn/zfxxgk/zfxxgknb/xj/1882251480800149505.html'), { kind: null, level: 'county', word: 'xj' });
  // 乡镇/部门 together says nothing; the file name and the query say nothing
  assert.equal(readUrlHints('http://www.gzzy.gov.cn/jgsz/xzbm/dyz/x/t.html').kind, null);
  assert.equal(readUrlHints('https://example.org/a/b/jd.html?type=bm').kind, null);
});

test('classifyLevel: a printed name decides; a place name gives the place level', () => {
  assert.equal(classifyLevel(input({ organization: '杨柳镇人民政府', nameSource: 'title', orgPlaceLevel: 'township' })).level, 'township');
  assert.equal(classifyLevel(input({ organization: '彰武县人民政府办公室', nameSource: 'title', orgPlaceLevel: 'county' })).level, 'county_department');
  assert.equal(classifyLevel(input({ organization: '山西省人民政府', nameSource: 'weak', orgPlaceLevel: 'province' })).level, 'province');
  assert.equal(classifyLevel(input({ organization: '南宁经济技术开发区管理委员会', nameSource: 'weak', orgPlaceLevel: 'township' })).level, 'other');
  assert.equal(classifyLevel(input({ organization: '熊口管理区', nameSource: 'strong', orgPlaceLevel: 'township' })).level, 'other');
  // a bureau of a zone's committee is a department at the zone's (county) level
  const bureau = '武汉市东湖生态旅游风景区管理委员会市场监督管理局';
  assert.equal(classifyLevel(input({ organization: bureau, nameSource: 'strong', orgPlaceLevel: 'city' })).level, 'county_department');
  assert.equal(classifyLevel(input({ organization: '中华人民共和国水利部', nameSource: 'title' })).level, 'central_department');
});

test('classifyLevel: a short form carries its level word (区统计局, 市科委, 自治区北部湾办)', () => {
  assert.equal(classifyLevel(input({ organization: '区统计局', nameSource: 'strong' })).level, 'county_department');
  assert.equal(classifyLevel(input({ organization: '市科委', nameSource: 'strong', regionDepth: 'city' })).level, 'city_department');
  assert.equal(classifyLevel(input({ organization: '自治区北部湾办', nameSource: 'title', regionDepth: 'province' })).level, 'province_department');
  // 市 of a county-level city
  assert.equal(classifyLevel(input({ organization: '市教育局', nameSource: 'strong', regionDepth: 'county', county: '宜城市' })).level, 'county_department');
  // 市场监督管理局 is no short form
  assert.equal(classifyLevel(input({ organization: '市场监督管理局', nameSource: 'title', regionDepth: 'county' })).level, 'county_department');
});

test('classifyLevel: without a printed name, what the report calls itself decides', () => {
  // 我镇 on a county's site: the town, not a county department
  assert.equal(classifyLevel(input({ regionDepth: 'county', self: readSelfWords('我镇2023年政府信息公开工作。我镇主动公开') })).level, 'township');
  // 我旗 with only an office as publisher: the banner's government
  assert.equal(
    classifyLevel(input({ regionDepth: 'county', self: readSelfWords('特向社会公布我旗2021年度信息公开年度报告。2021年，我旗紧紧围绕') })).level,
    'county',
  );
  // 我局 on a city's site
  assert.equal(classifyLevel(input({ regionDepth: 'city', self: readSelfWords('我局门户网站。我局高度重视') })).level, 'city_department');
  // 本市 with nothing else: the city's government
  assert.equal(classifyLevel(input({ regionDepth: 'city', self: readSelfWords('2008年本市政府信息公开工作') })).level, 'city');
  // 我区 in an autonomous region's report is the region
  assert.equal(classifyLevel(input({ regionDepth: 'province', province: '西藏自治区', self: readSelfWords('我区政府信息公开工作') })).level, 'province');
});

test('classifyLevel: a contact line’s government yields to 我局; a title’s does not', () => {
  const self = readSelfWords('我局认真落实。我局主动公开信息。全县经济');
  assert.equal(classifyLevel(input({ organization: '平武县人民政府', nameSource: 'weak', orgPlaceLevel: 'county', self })).level, 'county_department');
  assert.equal(classifyLevel(input({ organization: '平武县人民政府', nameSource: 'title', orgPlaceLevel: 'county', self })).level, 'county');
});

test('classifyLevel: the web address decides when nothing else does', () => {
  const url = readUrlHints('https://www.haizhu.gov.cn/zwgk/zfxxgknb/jd/content/post_9472698.html');
  assert.equal(classifyLevel(input({ regionDepth: 'county', url })).level, 'township');
  assert.equal(classifyLevel(input({ regionDepth: 'county' })).level, 'county_department');
  assert.equal(classifyLevel(input({})).level, null);
});
