import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { type ResolvedRegion, resolveRegion } from '../../lib/region/index.ts';
import { WEB_DIR, WEB2_DIR } from '../support/corpus.ts';
import { corpusFile, pdfText } from './helpers.ts';

const chain = (r: ResolvedRegion) => [r.province, r.city, r.county, r.township];
const why = (r: ResolvedRegion) => r.evidence.join('; ');

// ---------------------------------------------------------------- the reports in corpus/files

test('淮安市人民政府 (PDF) → 江苏省/淮安市, orgPlaceLevel city', async () => {
  const text = await pdfText('huaian-city-2024.pdf');
  const r = resolveRegion({ organization: '淮安市人民政府', text });
  assert.deepEqual(chain(r), ['江苏省', '淮安市', null, null], why(r));
  assert.equal(r.orgPlaceLevel, 'city');
  assert.equal(r.regionCode, '3208');
});

test('洪泽区人民政府 (PDF, text mentions 淮安市) → 江苏省/淮安市/洪泽区', async () => {
  const text = await pdfText('huaian-hongze-2023.pdf');
  const r = resolveRegion({ organization: '洪泽区人民政府', text });
  assert.deepEqual(chain(r), ['江苏省', '淮安市', '洪泽区', null], why(r));
  assert.equal(r.orgPlaceLevel, 'county');
  const r2 = resolveRegion({ organization: '淮安市洪泽区人民政府', text: await pdfText('huaian-hongze-2024.pdf') });
  assert.deepEqual(chain(r2), ['江苏省', '淮安市', '洪泽区', null], why(r2));
  assert.equal(r2.orgPlaceLevel, 'county');
});

test('淮安市 page 4 (a table page, no place names) keeps only what the organization says', () => {
  const r = resolveRegion({ organization: '淮安市人民政府', text: corpusFile('huaian-city-2024-page4.txt') });
  assert.deepEqual(chain(r), ['江苏省', '淮安市', null, null]);
});

test('上海市科学技术委员会 → 上海市 with city null (a municipality), orgPlaceLevel province', () => {
  const r = resolveRegion({ organization: '上海市科学技术委员会', text: corpusFile('shanghai-kewei-2024.md') });
  assert.deepEqual(chain(r), ['上海市', null, null, null], why(r));
  assert.equal(r.orgPlaceLevel, 'province');
  assert.equal(r.regionCode, '31');
  const r2 = resolveRegion({ organization: '上海市人民政府办公厅', text: corpusFile('shanghai-office-2025.md') });
  assert.deepEqual(chain(r2), ['上海市', null, null, null], why(r2));
  assert.equal(r2.orgPlaceLevel, 'province');
});

// ---------------------------------------------------------------- former names

const WENDENG_2012 = `文登市人民政府办公室2012年政府信息公开工作年度报告
根据《中华人民共和国政府信息公开条例》要求，现公布文登市人民政府办公室2012年政府信息公开工作年度报告。
本报告电子版可在文登市人民政府网站（www.wendeng.gov.cn）查阅。如有疑问请与文登市人民政府办公室联系（地址：文登市昆嵛路1号；邮编：264400；电话：0631-8452001）。
一、概述 2012年，市政府办公室认真贯彻落实《条例》……`;

test('文登市 (a 2012 report) → 文登区 with formerName 文登市', () => {
  const r = resolveRegion({ organization: '文登市人民政府办公室', text: WENDENG_2012 });
  assert.deepEqual(chain(r), ['山东省', '威海市', '文登区', null], why(r));
  assert.equal(r.formerName, '文登市');
  assert.equal(r.orgPlaceLevel, 'county');
  assert.equal(r.regionCode, '371003');
  assert.ok(
    r.evidence.some((e) => e.startsWith('former name 文登市 → 文登区')),
    why(r),
  );
});

test('former names: stem rule (撤县设区/撤地设市) and the explicit table', () => {
  const cases: Array<[string, string, string[], string]> = [
    ['永定县人民政府', '邮编：364100', ['福建省', '龙岩市', '永定区'], '永定县'], // 2 永定区 today: 福建 by the postcode
    ['铜仁地区行政公署', '', ['贵州省', '铜仁市', ''], '铜仁地区'],
    ['襄樊市人民政府', '', ['湖北省', '襄阳市', ''], '襄樊市'],
    ['郫县人民政府', '', ['四川省', '成都市', '郫都区'], '郫县'],
    ['蓟县人民政府', '', ['天津市', '', '蓟州区'], '蓟县'],
    ['崇文区人民政府', '', ['北京市', '', '东城区'], '崇文区'],
    ['莱芜市人民政府', '', ['山东省', '济南市', '莱芜区'], '莱芜市'],
    ['沙县人民政府', '', ['福建省', '三明市', '沙县区'], '沙县'],
  ];
  for (const [organization, text, [p, c, a], former] of cases) {
    const r = resolveRegion({ organization, text });
    assert.deepEqual([r.province, r.city ?? '', r.county ?? ''], [p, c, a], `${organization}: ${why(r)}`);
    assert.equal(r.formerName, former, organization);
  }
});

test('a township printed with an older suffix maps to today’s (乡 → 镇, 办事处 → 街道)', () => {
  const r = resolveRegion({ organization: '铜陵市铜官区东郊办事处', text: '' });
  assert.deepEqual(chain(r), ['安徽省', '铜陵市', '铜官区', '东郊街道'], why(r));
  assert.equal(r.formerName, null); // 办事处 for 街道 is the same body, not a rename
  // 张家坡镇 printed as 张家坡乡 (a hypothetical older report)
  const r2 = resolveRegion({ organization: '沂源县张家坡乡人民政府', text: '' });
  assert.deepEqual(chain(r2), ['山东省', '淄博市', '沂源县', '张家坡镇'], why(r2));
  assert.equal(r2.formerName, '张家坡乡');
});

// ---------------------------------------------------------------- same-name disambiguation

test('张村镇 (5 in the list): each clue picks its own', () => {
  const cases: Array<[string, string]> = [
    ['联系电话：0631-5201234', '371002100'], // 威海市环翠区
    ['联系电话：0359-3521234', '140829103'], // 运城市平陆县
    ['本报告由利辛县张村镇人民政府编制', '341623102'], // 亳州市利辛县
    ['电话：（0398）4811111', '411221102'], // 三门峡市渑池县
    ['地址：邓州市张村镇人民路1号', '411381109'], // 南阳市邓州市
  ];
  for (const [text, code] of cases) {
    const r = resolveRegion({ organization: '张村镇人民政府', text });
    assert.equal(r.regionCode, code, `${text}: ${why(r)}`);
    assert.equal(r.township, '张村镇');
  }
});

test('张村镇 with only a 河南 postcode: two candidates fit, the common part (河南省) is kept', () => {
  const r = resolveRegion({ organization: '张村镇人民政府', text: '邮政编码：472400' });
  assert.deepEqual(chain(r), ['河南省', null, null, null], why(r));
  assert.equal(r.orgPlaceLevel, 'township');
  assert.ok(r.confidence < 0.5);
});

test('张村镇 with no clue at all: nothing is invented', () => {
  const r = resolveRegion({ organization: '张村镇', text: '我镇2012年政府信息公开工作年度报告' });
  assert.deepEqual(chain(r), [null, null, null, null]);
  assert.equal(r.orgPlaceLevel, 'township');
  assert.equal(r.regionCode, null);
});

test('海城镇 (3 in the list) by area code; 朝阳区 and 鼓楼区 by names and codes', () => {
  assert.equal(resolveRegion({ organization: '海城镇人民政府', text: '电话：0660-6611111' }).county, '海丰县');
  assert.equal(resolveRegion({ organization: '海城镇人民政府', text: '电话：0455-7771234' }).county, '肇东市');
  assert.equal(resolveRegion({ organization: '海城镇人民政府', text: '电话：0955-4011434' }).county, '海原县');
  assert.deepEqual(chain(resolveRegion({ organization: '朝阳区人民政府', text: '长春市朝阳区' })), ['吉林省', '长春市', '朝阳区', null]);
  assert.deepEqual(chain(resolveRegion({ organization: '朝阳区人民政府', text: '邮编：100020' })), ['北京市', null, '朝阳区', null]);
  assert.equal(resolveRegion({ organization: '鼓楼区人民政府', text: '电话：025-83333333' }).city, '南京市');
  assert.equal(resolveRegion({ organization: '鼓楼区人民政府', text: '福州市鼓楼区' }).city, '福州市');
  assert.equal(resolveRegion({ organization: '鼓楼区人民政府', text: '电话：0516-83333333' }).city, '徐州市');
});

test('portal domains: full pinyin, province prefix + county, initials only as a tie-breaker', () => {
  assert.equal(resolveRegion({ organization: '海城镇人民政府', text: '网站 http://www.haiyuan.gov.cn' }).county, '海原县');
  assert.equal(resolveRegion({ organization: '县政府办公室', text: '见 http://xjyiwu.gov.cn' }).county, '伊吾县');
  assert.equal(resolveRegion({ organization: '海城镇人民政府', text: '见 www.hy.gov.cn' }).county, '海原县');
  // a URL passed separately is read the same way
  assert.equal(resolveRegion({ organization: '我局', text: '', url: 'https://tunchang.hainan.gov.cn/x.html' }).county, '屯昌县');
});

test('portal domains nest like the divisions; a province portal name is the province', () => {
  // js under changchun is a bureau's site of 长春, not 江苏 (web2 012)
  const r = resolveRegion({ text: '我局门户网站', url: 'http://js.changchun.gov.cn/zcbm/ndbg/x.html' });
  assert.deepEqual(chain(r), ['吉林省', '长春市', null, null], why(r));
  // xinjiang.gov.cn is 新疆, not 新绛县 (山西) (web2 056)
  const r2 = resolveRegion({ organization: '自治区生态环境厅', text: '', url: 'https://sthjt.xinjiang.gov.cn/x.shtml' });
  assert.equal(r2.province, '新疆维吾尔自治区', why(r2));
  // a county under its province portal
  assert.equal(resolveRegion({ text: '', url: 'https://zuogong.changdu.gov.cn/zgx/x.shtml' }).county, '左贡县');
});

test('the organization’s parents win over a namesake elsewhere when the list lacks the unit', () => {
  // no 沿江街道 under 泰州市高港区 in the list (6 elsewhere): keep 高港区, do not jump to 南京
  const r = resolveRegion({ organization: '泰州市高港区人民政府沿江街道办事处', text: '' });
  assert.deepEqual(chain(r), ['江苏省', '泰州市', '高港区', null], why(r));
  assert.equal(r.orgPlaceLevel, 'township');
  // no 城关镇 under 文登区, which the text is full of
  const r2 = resolveRegion({ organization: '城关镇人民政府', text: '文登区城关镇……文登区人民政府。文登区。电话：0631-8888888' });
  assert.deepEqual(chain(r2), ['山东省', '威海市', '文登区', null], why(r2));
  // printed once as a parent in the heading is enough
  const r3 = resolveRegion({ organization: '城关镇人民政府', text: '文登区城关镇人民政府2015年政府信息公开工作年度报告\n根据《条例》……' });
  assert.deepEqual(chain(r3), ['山东省', '威海市', '文登区', null], why(r3));
  // but one passing mention of some city is not: nothing is better than a wrong place
  const r4 = resolveRegion({ organization: '张村镇人民政府', text: '本镇组织干部赴临沂市参观学习' });
  assert.deepEqual(chain(r4), [null, null, null, null], why(r4));
});

test('places inside a name are not the organization’s place', () => {
  const r = resolveRegion({ organization: '南雄市东莞大岭山产业转移工业园管理委员会', text: '' });
  assert.deepEqual(chain(r), ['广东省', '韶关市', '南雄市', null], why(r));
  const r2 = resolveRegion({ organization: '威海市文登区人民政府办公室（威海市文登区大数据中心）', text: '' });
  assert.equal(r2.orgPlaceLevel, 'county');
  assert.equal(r2.county, '文登区');
  const r3 = resolveRegion({ organization: '青岛市人民政府驻北京办事处', text: '' });
  assert.deepEqual(chain(r3), ['山东省', '青岛市', null, null], why(r3));
});

// ---------------------------------------------------------------- orgPlaceLevel and the logical tree

test('orgPlaceLevel is the level of the last place the organization names', () => {
  const cases: Array<[string, ResolvedRegion['orgPlaceLevel']]> = [
    ['青州市何官镇人民政府', 'township'],
    ['淮安市洪泽区人民政府', 'county'],
    ['永嘉县统计局', 'county'],
    ['上海市科学技术委员会', 'province'],
    ['淮安市人民政府', 'city'],
    ['国务院', null],
    ['教育部', null],
    ['中华人民共和国水利部', null],
    ['水利部太湖流域管理局', null], // 太湖 (太湖县) is not a place here
    ['北京市西城区人民政府金融街街道办事处', 'township'],
    ['甘南藏族自治州自然资源局', 'city'],
    ['化隆县群科新区综合服务中心', 'county'],
    ['天津经济技术开发区管理委员会', 'province'],
    ['乌拉特中旗巴音乌兰苏木', 'township'],
  ];
  for (const [organization, level] of cases) {
    const r = resolveRegion({ organization, text: '' });
    assert.equal(r.orgPlaceLevel, level, `${organization}: ${why(r)}`);
  }
});

test('central bodies resolve to no region even when the text gives a Beijing address', () => {
  const r = resolveRegion({ organization: '中华人民共和国教育部', text: '地址：北京市西城区大木仓胡同37号，邮编：100816，电话：010-66096114' });
  assert.deepEqual(chain(r), [null, null, null, null]);
  assert.equal(r.orgPlaceLevel, null);
});

test('municipalities and 省直辖 units: city is null; prefectures without counties: county is null', () => {
  assert.deepEqual(chain(resolveRegion({ organization: '北京市朝阳区人民政府', text: '' })), ['北京市', null, '朝阳区', null]);
  assert.deepEqual(chain(resolveRegion({ organization: '重庆市城口县人民政府', text: '' })), ['重庆市', null, '城口县', null]);
  assert.deepEqual(chain(resolveRegion({ organization: '济源市人民政府', text: '' })), ['河南省', null, '济源市', null]);
  assert.deepEqual(chain(resolveRegion({ organization: '仙桃市人民政府', text: '' })), ['湖北省', null, '仙桃市', null]);
  assert.deepEqual(chain(resolveRegion({ organization: '石河子市人民政府', text: '' })), ['新疆维吾尔自治区', null, '石河子市', null]);
  assert.deepEqual(chain(resolveRegion({ organization: '屯昌县人民政府', text: '' })), ['海南省', null, '屯昌县', null]);
  const dg = resolveRegion({ organization: '东莞市虎门镇人民政府', text: '' });
  assert.deepEqual(chain(dg), ['广东省', '东莞市', null, '虎门镇']);
  assert.equal(dg.regionCode?.length, 9);
  const dgCity = resolveRegion({ organization: '东莞市人民政府', text: '' });
  assert.deepEqual(chain(dgCity), ['广东省', '东莞市', null, null]);
  assert.equal(dgCity.orgPlaceLevel, 'city');
});

test('short and autonomous forms: 化隆县, 海南州, 广西省; 2-character counties (富县) in the organization', () => {
  assert.deepEqual(chain(resolveRegion({ organization: '化隆县人民政府', text: '' })), ['青海省', '海东市', '化隆回族自治县', null]);
  assert.deepEqual(chain(resolveRegion({ organization: '海南州人民政府', text: '' })), ['青海省', '海南藏族自治州', null, null]);
  assert.equal(resolveRegion({ organization: '广西省教育厅', text: '' }).province, '广西壮族自治区');
  assert.deepEqual(chain(resolveRegion({ organization: '富县人民政府', text: '' })), ['陕西省', '延安市', '富县', null]);
  assert.equal(resolveRegion({ organization: '内蒙古自治区人民政府', text: '' }).province, '内蒙古自治区');
});

// ---------------------------------------------------------------- text only

test('without an organization: the body decides, no deeper than its evidence', () => {
  // the only place is a province (document number and name): province only
  const r = resolveRegion({ text: '我局根据（琼政务公开协办[2016]69号）和县政府办公室《关于做好……的通知》要求，现将情况报告如下' });
  assert.deepEqual(chain(r), ['海南省', null, null, null], why(r)); // 和县 here is "and the county", not 和县
  // a provincial report that mentions a city once stays provincial
  const r2 = resolveRegion({ text: '2015年，西藏自治区政府信息公开工作稳步推进……其中拉萨市开展了专项培训……西藏自治区人民政府办公厅。邮编：850000' });
  assert.deepEqual(chain(r2), ['西藏自治区', null, null, null], why(r2));
  // common phrases are not places: 公开平台 (开平), 权威信息 (威信), 工作和政务 (和政), 新县城 (新县)
  const r3 = resolveRegion({ text: '依托政府信息公开平台发布权威信息，统筹工作和政务公开，推进新县城建设，完成县委交办任务。' });
  assert.deepEqual(chain(r3), [null, null, null, null], why(r3));
});

test('traditional script (mirror sites) is read as simplified', () => {
  const r = resolveRegion({
    organization: null,
    title: '西藏自治區人民政府2009年政府信息公開年度報告',
    text: '來源:西藏自治區人民政府網站 本報告根據《中華人民共和國政府信息公開條例》和西藏自治區各行署、拉薩市人民政府',
  });
  assert.equal(r.province, '西藏自治区', why(r));
  assert.equal(r.orgPlaceLevel, 'province'); // from the title when no organization is given
});

test('names broken across PDF lines are rejoined (淮安市洪\\n泽区)', () => {
  const r = resolveRegion({
    organization: null,
    text: '如对本报告有疑问，请与淮安市洪\n泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道 90\n号）。淮 安 市',
  });
  assert.deepEqual(chain(r), ['江苏省', '淮安市', '洪泽区', null], why(r));
});

test('results are well formed', () => {
  for (const [organization, text] of [
    ['威海市文登区张家产镇人民政府', ''],
    ['', ''],
    [null, 'abc'],
    ['张村镇', ''],
  ] as const) {
    const r = resolveRegion({ organization, text });
    assert.ok(r.confidence >= 0 && r.confidence <= 1);
    assert.ok(Array.isArray(r.evidence));
    if (r.regionCode) assert.ok([2, 4, 6, 9].includes(r.regionCode.length));
  }
});

test('a text that speaks as a county (我区) and names one county in a chain is that county (web2 052)', () => {
  const text = readFileSync(join(WEB2_DIR, '052.txt'), 'utf8');
  const url = 'https://ht.sanya.gov.cn/htqsite/xxgknb/202202/ad24c9c229404b1595aaeedacbafeee8.shtml';
  const r = resolveRegion({ text, url });
  assert.deepEqual(chain(r), ['海南省', '三亚市', '海棠区', null], why(r));
  // the same text without 我区: one passing mention of the district does not make the report the district's
  const r2 = resolveRegion({ text: text.replaceAll('我区', '本单位'), url });
  assert.equal(r2.county, null, why(r2));
});

test('a listed unit that is no town (熊口管理区) is the place when the organization names it', () => {
  const r = resolveRegion({ organization: '熊口管理区', text: '熊口管理区在市委、市政府的正确领导下', url: 'https://www.hbqj.gov.cn/xxgk/x.html' });
  assert.deepEqual(chain(r), ['湖北省', null, '潜江市', '熊口管理区'], why(r));
  assert.equal(r.orgPlaceLevel, 'township');
});

test('placeChainEnding / placeChainStarting read only real division names', async () => {
  const { placeChainEnding, placeChainStarting } = await import('../../lib/region/index.ts');
  assert.equal(placeChainEnding('请与邹城市'), '邹城市');
  assert.equal(placeChainEnding('一、总体情况北京市西城区'), '北京市西城区');
  assert.equal(placeChainEnding('总体情况'), null);
  assert.equal(placeChainStarting('重庆市渝中区市场监督管理局'), '重庆市渝中区');
  assert.equal(placeChainStarting('西秀区黄腊乡人民政府', true), '西秀区');
  assert.equal(placeChainStarting('市场监督管理局'), null);
});

test('a body that says only 自治区… is placed by a web address word naming one autonomous region (web2 011)', () => {
  const url = 'https://ebonypicts.com/mwzjswj/xjmzw/2019/202002/253772b69c98463f87376813111b6bdb.shtml';
  const r = resolveRegion({ organization: '自治区民委(宗教事务局)', text: '2019年度自治区民委(宗教事务局)认真贯彻落实', url });
  assert.deepEqual(chain(r), ['新疆维吾尔自治区', null, null, null], why(r));
  // path words of towns (xzjd) are not 西藏; two regions named is no answer
  assert.equal(resolveRegion({ organization: '自治区民委', text: '', url: 'https://a.example.com/xzjd/x.html' }).province, null);
  assert.equal(resolveRegion({ organization: '自治区民委', text: '', url: 'https://a.example.com/xjmzw/gxmzw/x.html' }).province, null);
  // a province's body is not placed this way
  assert.equal(resolveRegion({ organization: '省民委', text: '', url: 'https://a.example.com/xjmzw/x.html' }).province, null);
});

test('a town printed by a short form of its listed name (崇外街道 for 崇文门外街道) in a text that speaks as one (web 020)', () => {
  const text = readFileSync(join(WEB_DIR, '020.txt'), 'utf8');
  const url = 'https://www.bjdch.gov.cn/zfxxgkzl/zfxxgknb/2023nb/dcqid2023/202401/t20240119_3541184.html';
  const r = resolveRegion({ text, url });
  assert.deepEqual(chain(r), ['北京市', null, '东城区', '崇文门外街道'], why(r));
  // not without 我街道: a county's text that names a street in passing stays the county's
  const r2 = resolveRegion({ text: text.replaceAll('我街道', '本单位'), url });
  assert.equal(r2.township, null, why(r2));
  // a short form that two towns could stand for is no answer
  const r3 = resolveRegion({ text: '我镇2021年主动公开信息。张镇工作动态。', url: 'http://www.wendeng.gov.cn/x.html' });
  assert.equal(r3.township, null, why(r3));
});
