import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseReport, type ReportDocument } from '../../lib/report';
import { applicationsFromProse, proactiveFromProse } from '../../lib/report/prose';
import { WEB_DIR, WEB2_DIR } from '../support/corpus';

function excerpt(dir: string, file: string): ReportDocument {
  const raw = readFileSync(path.join(dir, file));
  const sha256 = createHash('sha256').update(raw).digest('hex');
  return parseReport(raw.toString('utf8'), { fileName: file, format: 'txt', encoding: 'utf-8', sha256, bytes: raw.length }, { partial: true });
}

// ---- proactive totals: hand-made snippets

test('proactive total in other phrasings: a total over named channels, 政务文件 in 份', () => {
  assert.equal(proactiveFromProse('2024年，共通过门户网站及政务新媒体方式主动公开907条。').total, 907);
  assert.equal(proactiveFromProse('本年度主动公开政务文件11份。').total, 11);
  assert.equal(proactiveFromProse('2021年，通过线上及线下公开的1860条信息。').total, 1860);
  assert.equal(proactiveFromProse('全年共发布212条，其中财政决算2条，行政处罚信息51条。').total, 212);
});

test('a total that follows a list of channels is the total; the channels stay apart, never summed', () => {
  const p = proactiveFromProse('通过政府网站发布信息120条，通过微信公众号发布信息80条，共计主动公开政府信息200条。');
  assert.equal(p.total, 200);
  assert.deepEqual(p.byChannel, { website: 120, wechat: 80 });
  // The sum the sentence itself states after its channels.
  assert.equal(proactiveFromProse('通过政府网站公开信息800条，通过微信公众号公开400条，合计1200条。').total, 1200);
  // "电子屏幕,公告栏等公开渠道": channels listed with 等 are all of them.
  assert.equal(proactiveFromProse('全年通过电子屏幕,公告栏等公开渠道主动发布政府信息共计49条(不同渠道发布的同一信息计为1条)。').total, 49);
  const channelsOnly = proactiveFromProse('通过政府网站发布信息120条，通过微信公众号发布信息80条。');
  assert.equal(channelsOnly.total, null);
  assert.deepEqual(channelsOnly.byChannel, { website: 120, wechat: 80 });
});

test('approximate figures (余, 多, 以上) are never the total', () => {
  const p = proactiveFromProse('全年主动公开政府信息500余条，其中网站发布300多条。');
  assert.equal(p.total, null);
  assert.equal(p.approximateTotal, 500);
  assert.equal(proactiveFromProse('全年主动公开政府信息3000条以上。').total, null);
});

test('a kind of information, a list of kinds or a figure since records began is not the year’s total', () => {
  assert.equal(proactiveFromProse('2025年，累计公开部门财政预决算信息96条、办事指南及政策解读42条，办理行政许可4928项。').total, null);
  assert.equal(proactiveFromProse('全市各级政府部门累计更新信息公开目录信息77096条，解读信息977条。').total, null);
  assert.equal(proactiveFromProse('截至目前共发布592条信息，2019年公开政府信息60条，其中，概况信息2篇，公文1篇。').total, 60);
  assert.equal(proactiveFromProse('全年公开行业专项规划信息13条，政策文件206件。').total, null);
});

test('the parts after 其中 are never the total, even when they say 主动公开', () => {
  const text = '我区2025年度利用本单位门户网站主动公开政府信息188条，其中：工作动态类信息38条；公示公告类信息1条；其他主动公开类信息4条。';
  assert.equal(proactiveFromProse(text).total, 188);
  // A portal figure one of whose parts is the 主动公开 share holds more than proactive disclosure.
  assert.equal(proactiveFromProse('2023年，厅门户网站发布各类信息5489条，其中，主动公开文件数232条，重要通知公告33条。').total, null);
});

test('the portal as the main channel: its marked figure is the total, unless every channel says 主动', () => {
  assert.equal(proactiveFromProse('2024年，通过“临沂市财政局”门户网站主动公开各类政府信息966条，通过“临沂财政”微信公众号发布信息464条。').total, 966);
  const perChannel = proactiveFromProse(
    '通过门户网站政务公开专栏主动公开政府信息49条，通过公众号主动公开政府信息780条，通过其他媒体方式主动公开政府信息354条。',
  );
  assert.equal(perChannel.total, null);
  assert.equal(perChannel.byChannel.wechat, 780);
  // Without a word that makes it the main one, a portal figure beside another channel's is per channel.
  assert.equal(proactiveFromProse('我镇通过官方网站公开政府信息47条，其中，机构概况信息26条。“大垌”微信公众号发布信息142条。').total, null);
});

test('the one figure the prose states, about one channel or several: the total', () => {
  assert.equal(proactiveFromProse('2021年，区统计局通过区政府网站、爱渭滨APP、省市统计网站公开信息91条，主要包括单位简介、工作动态等内容。').total, 91);
  assert.equal(proactiveFromProse('2024年，依托市政府网站及时更新简介，发布政府信息、动态等32条。').total, 32);
  assert.equal(proactiveFromProse('2019年，我乡共发布动态信息23条。').total, 23);
  // An article of the 条例 is no figure: "按照《政府信息公开条例》第20条…公开信息56条" states one.
  assert.equal(proactiveFromProse('按照《中华人民共和国政府信息公开条例》第20条规定，通过区政府网站公开信息56条。').total, 56);
  // A bare figure with no word of its own is not enough: "主动公开24件" beside another count.
  assert.equal(proactiveFromProse('我镇共制发公文类政府信息64件，通过琼海市政府网信息公开目录主动公开24件。').total, null);
});

test('figures that are not of disclosed information, or of one other channel alone, are never the total', () => {
  for (const text of [
    '全年共召开新闻发布会5次。',
    '全年共发布政策解读20篇。',
    '全年共公开招标项目5项。',
    '全年共发布疫情防控信息120条。',
    '向上级报送信息100条。',
    '主动公开政府信息公开指南1份。',
    '通过微信公众号推送消息500条。',
    '本年度通过政务公开栏公开信息24条。',
  ])
    assert.equal(proactiveFromProse(text).total, null, text);
});

test('an enumeration before 等 is content, not what the figure counts (行政许可 listed does not exclude it)', () => {
  const text = '通过政府网站等方式，主动全面公开规划信息、行政许可、重大民生信息等政府信息19322条；“邢台政务”微博、微信发布信息4304条。';
  assert.equal(proactiveFromProse(text).total, 19322);
});

// ---- applications: hand-made snippets

test('new applications in other phrasings: Chinese numerals, the applications named before the verb', () => {
  assert.equal(applicationsFromProse('2023年度厚桥街道收到政府信息公开申请一件，已办理完毕。').count, 1);
  assert.equal(applicationsFromProse('依申请公开受理6件，办结6件，行政复议0件。').count, 6);
  assert.equal(applicationsFromProse('2019年依申请公开共受理2件，为挂号信申请。').count, 2);
  assert.equal(applicationsFromProse('全年共收到政府信息公开申请十二件。').count, 12);
  // The count stated without a verb; never the year before's, nor those concluded.
  assert.equal(applicationsFromProse('本年度政府信息公开申请数量为3件。').count, 3);
  assert.equal(applicationsFromProse('上年度政府信息公开申请数量为2件。').count, null);
  assert.equal(applicationsFromProse('办结政府信息公开申请数量为4件。').count, null);
});

test('none received, with the applicants spelt out; a count that includes the carried-over ones is not new', () => {
  const none = applicationsFromProse('年内，我镇未收到公民、法人或其他组织通过任何形式提出的政府信息公开申请。');
  assert.equal(none.saysNone, true);
  assert.equal(none.count, null);
  assert.equal(applicationsFromProse('全年未收到行政复议申请。').saysNone, false);
  const included = applicationsFromProse('全年共处理政府信息公开申请1261件(含上年度结转申请74件),答复1181件,结转下年度继续办理80件。');
  assert.equal(included.count, null);
  assert.equal(included.carriedOver, 74);
});

test('carried over from the year before, in prose; the 结转下年度 figure never is', () => {
  assert.equal(applicationsFromProse('全市共受理政府信息公开申请5110件，结转上年158件。').carriedOver, 158);
  assert.equal(applicationsFromProse('全年共收到和办理依申请公开9件，上年度结转政府信息公开申请0件。').carriedOver, 0);
  assert.equal(applicationsFromProse('上年度遗留申请1件，均已办结。').carriedOver, 1);
  assert.equal(applicationsFromProse('结转下年度继续办理2件。').carriedOver, null);
  assert.equal(applicationsFromProse('另2件申请按规定结转下年度继续办理。').carriedOver, null);
});

// ---- real excerpts (test/fixtures/corpus/web, web2)

test('web and web2 excerpts: proactive totals stated in prose', () => {
  const want: Array<[string, string, number | null]> = [
    [WEB_DIR, '013.txt', 1050], // 政府网站政务公开信息1050条: the one figure
    [WEB_DIR, '020.txt', 207], // 政府网站主动公开政府信息207条 (WeChat 1041 apart)
    [WEB_DIR, '022.txt', 212], // 全年共发布212条，其中…
    [WEB_DIR, '047.txt', 176], // …等信息176条。其中…
    [WEB_DIR, '054.txt', 19322],
    [WEB_DIR, '057.txt', 1002], // 发布各类信息数1002条，其中…
    [WEB_DIR, '071.txt', 91],
    [WEB_DIR, '073.txt', 189], // 累计公开189次
    [WEB_DIR, '076.txt', 966],
    [WEB_DIR, '077.txt', 10300],
    [WEB_DIR, '048.txt', null], // categories only
    [WEB_DIR, '059.txt', null], // 目录信息 and channels only
    [WEB2_DIR, '005.txt', 9321],
    [WEB2_DIR, '016.txt', 8769], // not the cumulative 64627
    [WEB2_DIR, '019.txt', 1860],
    [WEB2_DIR, '029.txt', 188], // not the part 其他主动公开类信息4条
    [WEB2_DIR, '052.txt', 349], // 主动公开文件共349件
    [WEB2_DIR, '022.txt', null],
    [WEB2_DIR, '051.txt', null],
    [WEB2_DIR, '056.txt', null],
  ];
  for (const [dir, file, total] of want) assert.equal(excerpt(dir, file).proactive.total, total, `${path.basename(dir)}/${file}`);
});

test('web and web2 excerpts: new applications and carried over from prose', () => {
  assert.equal(excerpt(WEB_DIR, '011.txt').applications.newReceived, 0); // under a heading not recognised as the part
  assert.equal(excerpt(WEB2_DIR, '004.txt').applications.newReceived, 1);
  assert.equal(excerpt(WEB2_DIR, '018.txt').applications.newReceived, 6);
  assert.equal(excerpt(WEB2_DIR, '059.txt').applications.newReceived, 0);
  const yancheng = excerpt(WEB2_DIR, '013.txt').applications;
  assert.deepEqual([yancheng.newReceived, yancheng.carriedOver], [5110, 158]);
  assert.equal(excerpt(WEB2_DIR, '014.txt').applications.carriedOver, 0);
  const sichuan = excerpt(WEB2_DIR, '022.txt').applications;
  assert.deepEqual([sichuan.newReceived, sichuan.carriedOver], [null, 74]);
});
