import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResolvedRegion } from '../../lib/region';
import { canonicalBody, departmentName } from '../../lib/report/body';
import type { BodyKind } from '../../lib/report/level';
import type { Level } from '../../lib/report/schema';

const place = (
  province: string | null,
  city: string | null,
  county: string | null,
  township: string | null = null,
  formerName: string | null = null,
): ResolvedRegion => ({
  province,
  city,
  county,
  township,
  regionCode: null,
  orgPlaceLevel: null,
  formerName,
  confidence: 0.9,
  evidence: [],
});
const body = (organization: string | null, level: Level | null, region: ResolvedRegion, kind: BodyKind | null = null) =>
  canonicalBody({ organization, level, kind, region }).body;

test('departmentName: places and level words off, short forms expanded', () => {
  assert.deepEqual(departmentName('天津市发展改革委'), { name: '发展和改革委员会', expanded: '发展改革委' });
  assert.deepEqual(departmentName('西藏自治区政府国资委'), { name: '人民政府国有资产监督管理委员会', expanded: '国资委' });
  assert.equal(departmentName('区统计局').name, '统计局');
  assert.equal(departmentName('阜新市彰武县政府办公室').name, '人民政府办公室');
  assert.equal(departmentName('自治区民委(宗教事务局)').name, '民族事务委员会(宗教事务局)');
  assert.equal(departmentName('自治区北部湾办').name, '北部湾经济区规划建设管理办公室');
  // 市场… and 湛江市人民政府地方志办公室 keep their words
  assert.equal(departmentName('重庆市渝中区市场监督管理局').name, '市场监督管理局');
  assert.equal(departmentName('湛江市人民政府地方志办公室').name, '人民政府地方志办公室');
  assert.equal(departmentName('公安局').name, '公安局');
});

test('canonicalBody: a township carries its county; a district its prefecture', () => {
  // the five 张村镇 are five bodies
  assert.equal(body('张村镇', 'township', place('山东省', '威海市', '环翠区', '张村镇')), '威海市环翠区张村镇人民政府');
  assert.equal(body('张村镇人民政府', 'township', place('河南省', '安阳市', '滑县', '张村镇')), '滑县张村镇人民政府');
  assert.equal(body('官洲街道办事处', 'township', place('广东省', '广州市', '海珠区', '官洲街道')), '广州市海珠区官洲街道办事处');
  assert.equal(body('田黄镇人民政府', 'township', place('山东省', '济宁市', '邹城市', '田黄镇')), '邹城市田黄镇人民政府');
  // municipalities: the district under the municipality's name; 直辖 county-level cities alone
  assert.equal(body('新华街道办事处', 'township', place('北京市', null, '通州区', '新华街道')), '北京市通州区新华街道办事处');
  assert.equal(body('胡市镇人民政府', 'township', place('湖北省', null, '天门市', '胡市镇')), '天门市胡市镇人民政府');
  // the town as printed where the list names it otherwise; the printed town where the list lacks it
  assert.equal(body('西秀区黄腊乡人民政府', 'township', place('贵州省', '安顺市', '西秀区', '黄腊布依族苗族乡')), '安顺市西秀区黄腊乡人民政府');
  assert.equal(body('泰州市高港区人民政府沿江街道办事处', 'township', place('江苏省', '泰州市', '高港区')), '泰州市高港区沿江街道办事处');
});

test('canonicalBody: governments at each level', () => {
  assert.equal(body('昌江区人民政府', 'county', place('江西省', '景德镇市', '昌江区')), '景德镇市昌江区人民政府');
  assert.equal(body(null, 'county', place('内蒙古自治区', '巴彦淖尔市', '乌拉特前旗')), '乌拉特前旗人民政府');
  assert.equal(body('永定县人民政府', 'county', place('福建省', '龙岩市', '永定区', null, '永定县')), '永定县人民政府');
  assert.equal(body('海南州人民政府', 'city', place('青海省', '海南藏族自治州', null)), '海南藏族自治州人民政府');
  assert.equal(body(null, 'city', place('新疆维吾尔自治区', '喀什地区', null)), '喀什地区行政公署');
  assert.equal(body('省政府', 'province', place('山西省', null, null)), '山西省人民政府');
});

test('canonicalBody: departments under their government’s place', () => {
  assert.equal(body('区统计局', 'county_department', place('陕西省', '宝鸡市', '渭滨区')), '宝鸡市渭滨区统计局');
  assert.equal(body('信访局', 'county_department', place('山西省', '大同市', '天镇县')), '天镇县信访局');
  assert.equal(body('大渡口区卫生健康委员会', 'county_department', place('重庆市', null, '大渡口区')), '重庆市大渡口区卫生健康委员会');
  assert.equal(body('阜新市彰武县政府办公室', 'county_department', place('辽宁省', '阜新市', '彰武县')), '彰武县人民政府办公室');
  assert.equal(body('甘南州自然资源局', 'city_department', place('甘肃省', '甘南藏族自治州', null)), '甘南藏族自治州自然资源局');
  assert.equal(body('天津市发展改革委', 'province_department', place('天津市', null, null)), '天津市发展和改革委员会');
  assert.equal(body('自治区生态环境厅', 'province_department', place('新疆维吾尔自治区', null, null)), '新疆维吾尔自治区生态环境厅');
  // no place resolved and none printed: no canonical name
  assert.equal(body('区统计局', 'county_department', place(null, null, null)), null);
  // a bureau of a zone's committee keeps its printed name
  const zoneBureau = '武汉市东湖生态旅游风景区管理委员会市场监督管理局';
  assert.equal(body(zoneBureau, 'county_department', place('湖北省', '武汉市', null), 'department'), zoneBureau);
});

test('canonicalBody: zones are their committees; a listed zone carries its county', () => {
  assert.equal(body('天津经济技术开发区', 'other', place('天津市', null, null)), '天津经济技术开发区管理委员会');
  assert.equal(body('熊口管理区', 'other', place('湖北省', null, '潜江市', '熊口管理区')), '潜江市熊口管理区');
  assert.equal(body('南宁经济技术开发区管理委员会', 'other', place('广西壮族自治区', '南宁市', '江南区', '经济技术开发区')), '南宁经济技术开发区管理委员会');
});

test('readPageTitle: the report title and the site’s name apart; the site is never the body', async () => {
  const { readPageTitle } = await import('../../lib/report/meta');
  const p = readPageTitle('区统计局2021年政府信息公开工作年度报告_宝鸡市渭滨区人民政府网站');
  assert.equal(p.title?.titleBody, '区统计局');
  assert.equal(p.title?.titleYear, 2021);
  assert.equal(p.site, '宝鸡市渭滨区人民政府');
  assert.equal(readPageTitle('2021年政府信息公开工作年度报告 - 渭滨区人民政府门户网站').site, '渭滨区人民政府');
  assert.equal(readPageTitle(null, '同心县人民政府').site, '同心县人民政府');
});

test('parseReport: a department that says 我局, on its government’s site, is the department, placed by the site', async () => {
  const { originOf, parseReport } = await import('../../lib/report');
  const text = '一、总体情况\n2021年，我局认真贯彻落实《条例》。我局主动公开信息91条。\n二、主动公开政府信息情况\n';
  const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: text.length };
  const withTitle = parseReport(text, source, {
    partial: true,
    origin: originOf({ url: 'http://www.weibin.gov.cn/col1/t1.html', pageTitle: '区统计局2021年政府信息公开工作年度报告_宝鸡市渭滨区人民政府' }),
  });
  assert.equal(withTitle.organization, '区统计局');
  assert.equal(withTitle.body, '宝鸡市渭滨区统计局');
  assert.equal(withTitle.level, 'county_department');
  assert.ok(withTitle.bodyEvidence.some((e) => e.includes('区统计局')));
  // the page title names only the site: no body name, and never the site's government
  const siteOnly = parseReport(text, source, {
    partial: true,
    origin: originOf({ url: 'http://www.weibin.gov.cn/col1/t1.html', pageTitle: '2021年政府信息公开工作年度报告-宝鸡市渭滨区人民政府网站' }),
  });
  assert.equal(siteOnly.organization, null);
  assert.equal(siteOnly.body, null);
  assert.equal(siteOnly.level, 'county_department');
  assert.equal(siteOnly.county, '渭滨区');
});

test('parseReport: a ministry’s agency is completed with its ministry; a pronunciation gloss leaves the name', async () => {
  const { parseReport } = await import('../../lib/report');
  const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: 10 };
  const agency = parseReport('太湖流域管理局2015年政府信息公开工作年度报告\n本年度报告在水利部太湖流域管理局门户网站公布。\n', source, { partial: true });
  assert.equal(agency.organization, '水利部太湖流域管理局');
  assert.equal(agency.level, 'central_department');
  const glossed = parseReport(
    '一、總體情況\n根據(jù)《條例》規(guī)定。如需咨詢，請與柞水縣鳳凰鎮(zhèn)人民政府黨政辦公室聯系。本報告數(shù)據(jù)統計時限為2021年。我鎮主動公開。',
    source,
    {
      partial: true,
    },
  );
  assert.equal(glossed.organization, '柞水县凤凰镇人民政府');
  assert.equal(glossed.body, '柞水县凤凰镇人民政府');
  assert.equal(glossed.level, 'township');
});

test('findTitle: metadata labels and sentences are no title; a column name only when nothing better follows', async () => {
  const { findTitle } = await import('../../lib/report/meta');
  // 体裁分类 is a label; the column name is a fallback; the real title follows
  const t = findTitle([
    '发布时间: 2026-01-30 发布机构:市政府办公室 浏览次数:34',
    '体裁分类:政府信息公开年报 主题分类:综合政务',
    '邢台市人民政府办公室2025年政府信息公开工作年度报告',
  ]);
  assert.equal(t.titleBody, '邢台市人民政府办公室');
  assert.equal(findTitle(['体裁分类:政府信息公开年报']).titleBody, null);
  // a sentence that ends in 报告如下 is no title
  assert.equal(findTitle(['按照《<…关于印发…年度报告格式>的通知》要求,结合我委实际,现将东河区卫健委政府信息公开年度报告如下:']).title, null);
  // broken titles are rejoined
  assert.equal(findTitle(['左贡县人民政府2021年度', '信息公开年度报告']).titleBody, '左贡县人民政府');
  assert.equal(findTitle(['北京市西城区金融街街道2025年政府', '', '信息公开工作年度报告']).titleBody, '北京市西城区金融街街道');
  // the place line above a bare title
  assert.equal(findTitle(['株洲市荷塘区明照街道', '', '2021年政府信息公开工作年度报告']).titleBody, '株洲市荷塘区明照街道');
  // a page's text on one line
  assert.equal(
    findTitle([
      '清水县人民政府2019年 政府信息公开工作年度报告 一、总体情况 2019年，清水县政府信息公开工作以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，深入学习贯彻《条例》',
    ]).titleBody,
    '清水县人民政府',
  );
});

test('organizationCandidates: a metadata line’s own value only; offices speak for their body', async () => {
  const { organizationCandidates } = await import('../../lib/report/meta');
  const cands = (text: string) => organizationCandidates(text, text.split('\n'));
  assert.deepEqual(cands('来源: 浏览次数: 发布时间: 2020-02-20\n').weak, []);
  assert.deepEqual(cands('发布机构:\n生效日期: 2023-03-21\n').weak, []);
  assert.deepEqual(cands('请与衢州市衢江区湖南镇政府综合督考办公室联系（地址：…）').weak, ['衢州市衢江区湖南镇政府']);
  assert.deepEqual(cands('由无锡市锡山区人民政府厚桥街道党政办公室综合科编制。').weak, ['无锡市锡山区人民政府厚桥街道']);
  assert.deepEqual(cands('请与省政府办公厅信息办公室联系').weak, ['省政府']);
  // the overview's subject after a clause; not a party organ, not a sentence
  assert.deepEqual(cands('2023年，在区委、区政府的坚强领导下，官洲街道办事处认真贯彻落实《条例》。').strong, ['官洲街道办事处']);
  assert.deepEqual(cands('一、概述\n。局党委高度重视公安信息公开工作').strong, []);
  assert.deepEqual(cands('要求，闽侯县财政局编制了本报告。').strong, ['闽侯县财政局']);
});

test('parseReport: a publisher that is a government is not the name of a 委 that says 我委', async () => {
  const { parseReport } = await import('../../lib/report');
  const text =
    '索引号 | 000014349/2021-00008 | 文 号 | |\n发布机构 | 自治区政府办公厅 | 发布日期 | 2021-04-09 |\n一、总体情况\n一是公开了《西藏自治区人民政府国有资产监督管理委员会2020年度部门预算》《西藏自治区人民政府国有资产监督管理委员会2019年度部门决算》。二是充分发挥政府门户网站作为我委主动公开信息的主渠道作用。';
  const doc = parseReport(text, { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: 1 }, { partial: true });
  assert.equal(doc.level, 'province_department');
  assert.equal(doc.body, '西藏自治区人民政府国有资产监督管理委员会');
  assert.ok(
    doc.bodyEvidence.some((e) => e.includes('自治区人民政府 (a contact or publisher)')),
    doc.bodyEvidence.join('; '),
  );
});

test('parseReport: a site’s header above a bare title yields to a report that says 我局', async () => {
  const { parseReport } = await import('../../lib/report');
  const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: 1 };
  const dept = parseReport('泰山区人民政府\n2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我局认真落实《条例》。我局主动公开信息。', source, {
    partial: true,
  });
  assert.equal(dept.level, 'county_department');
  assert.equal(dept.organization, null);
  // the same line above a bare title of a report that speaks for the county is the county's name
  const county = parseReport('泰山区人民政府\n2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我区认真落实《条例》。', source, { partial: true });
  assert.equal(county.level, 'county');
  assert.equal(county.body, '泰安市泰山区人民政府');
});

test('parseReport: a street office printed once by its full legal name (…区人民政府…街道办事处) is named so; the canonical body stays the set’s form', async () => {
  const { parseReport } = await import('../../lib/report');
  const text =
    '北京市西城区金融街街道2025年政府信息公开工作年度报告\n一、总体情况\n2025年，金融街街道严格遵循《政府信息公开条例》。同步更新《北京市西城区人民政府金融街街道办事处信息公开指南》。';
  const doc = parseReport(text, { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: 1 }, { partial: true });
  assert.equal(doc.organization, '北京市西城区人民政府金融街街道办事处');
  assert.equal(doc.body, '北京市西城区金融街街道办事处');
  assert.equal(doc.level, 'township');
  // not another street's
  const other = parseReport(
    text.replace('人民政府金融街', '人民政府什刹海'),
    { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: 1 },
    { partial: true },
  );
  assert.equal(other.organization, '北京市西城区金融街街道办事处');
});

test('parseReport: a title that names only a place is its government’s, unless the report speaks as one of its departments', async () => {
  const { parseReport } = await import('../../lib/report');
  const source = { fileName: 'a.txt', format: 'txt' as const, encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: 1 };
  const county = parseReport('泰山区2020年政府信息公开工作年度报告\n一、总体情况\n2020年，泰山区认真落实《条例》。', source, { partial: true });
  assert.equal(county.level, 'county');
  assert.equal(county.body, '泰安市泰山区人民政府');
  const bureau = parseReport('泰山区2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我局认真落实《条例》。我局主动公开信息12条。', source, {
    partial: true,
  });
  assert.equal(bureau.level, 'county_department');
  assert.equal(bureau.body, null);
});

test('parseReport: a ministry named only as the overview’s subject is a central department', async () => {
  const { parseReport } = await import('../../lib/report');
  const doc = parseReport(
    '根据《条例》的规定，编制本报告。如对本报告有疑问，请与水利部政务公开领导小组办公室联系。\n一、总体情况\n2020年，水利部坚持以习近平新时代中国特色社会主义思想为指导。',
    { fileName: 'a.txt', format: 'txt', encoding: 'utf-8', sha256: 'a'.repeat(64), bytes: 1 },
    { partial: true },
  );
  assert.equal(doc.level, 'central_department');
  assert.equal(doc.organization, '中华人民共和国水利部');
});

test('canonicalBody: a zone’s 管委会 is its 管理委员会', () => {
  assert.equal(body('南宁高新区管委会', 'other', place('广西壮族自治区', '南宁市', null)), '南宁高新区管理委员会');
});
