import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { readReportBuffer, readReportFile } from '../../lib/ingest';
import { lines, seedText, tempDir, writeTemp } from './helpers';

const TITLE = '海原县海城镇人民政府2022年政府信息公开工作年度报告';

/** Paragraphs of a real report (seed 001), as HTML paragraphs. */
function reportParagraphs(count: number): string {
  return seedText('001_19cc13ecf0eb244d.txt')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 20 && !l.includes('\t'))
    .slice(0, count)
    .map((l) => `<p style="text-indent:2em">&nbsp;&nbsp;${l}</p>`)
    .join('\n');
}

const TABLE = `
<table border="1" class="MsoNormalTable">
  <tr><td colspan="4"><p>第二十条第（一）项</p></td></tr>
  <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
  <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
  <tr><td>行政规范性文件</td><td>2</td><td>&nbsp;</td><td>15</td></tr>
</table>
<table border="1">
  <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
  <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
  <tr><td>商业<br>企业</td><td>科研<br/>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
  <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
</table>`;

function page(charset: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="${charset}"><title>${TITLE}_海原县人民政府</title>
<style>.nav{color:red} /* 样式里的中文不该出现 */</style>
<script>var s = "脚本里的中文不该出现";</script></head>
<body>
<div class="header"><img src="/logo.png" alt="海原县人民政府门户网站"><span>海原县人民政府门户网站欢迎您</span>
  <form action="/search"><input name="q"><button>搜索</button></form></div>
<ul class="main-nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hd">政民互动</a></li></ul>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府信息公开年报</div>
<table width="1000"><tr>
<td class="left" width="200"><div class="sidebar"><h3>栏目导航</h3><ul><li><a href="#">政府信息公开指南</a></li><li><a href="#">政府信息公开制度</a></li><li><a href="#">法定主动公开内容</a></li></ul></div></td>
<td width="800">
  <div class="article">
    <h1 class="title">${TITLE}</h1>
    <div class="info">发布时间：2023-01-20 来源：海城镇 【字体：大 中 小】 【打印】</div>
    <div class="content" id="zoom">
      ${reportParagraphs(6)}
      <p>二、主动公开政府信息情况</p>
      ${TABLE}
      <p>六、其他需要报告的事项</p>
      <p>本机关未收取信息处理费。</p>
      <div style="display:none">隐藏的垃圾广告文字</div>
    </div>
    <div class="page-links"><a href="#">上一篇：海城镇2021年政府信息公开工作年度报告</a><br><a href="#">下一篇：关于开展安全生产检查的通知</a></div>
  </div>
</td></tr></table>
<div class="footer"><p>版权所有：海原县人民政府 主办单位：海原县人民政府办公室</p><p>宁ICP备12345678号 网站标识码：6405220001</p></div>
<noscript>请启用脚本</noscript>
</body></html>`;
}

function assertReport(text: string): void {
  const all = lines(text);
  assert.equal(all[0], TITLE, 'the title comes first');
  for (const chrome of [
    '首页',
    '政民互动',
    '当前位置',
    '搜索',
    '栏目导航',
    '政府信息公开指南',
    '版权所有',
    'ICP备',
    '网站标识码',
    '脚本里的中文',
    '样式里的中文',
    '隐藏的垃圾',
    '上一篇',
    '下一篇',
    '字体',
    '请启用脚本',
    '门户网站欢迎您',
  ]) {
    assert.ok(!text.includes(chrome), `chrome left in: ${chrome}`);
  }
  assert.ok(all.includes('二、主动公开政府信息情况'));
  assert.ok(all.includes('第二十条第（一）项'), 'a full-width merged cell is one line');
  assert.ok(all.includes('信息内容\t本年制发件数\t本年废止件数\t现行有效件数'));
  assert.ok(all.includes('规章\t0\t0\t0'));
  assert.ok(all.includes('行政规范性文件\t2\t\t15'), 'an &nbsp; cell stays an empty cell');
  assert.ok(all.includes('自然人\t法人或其他组织\t总计'));
  assert.ok(all.includes('商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他'), '<br> inside a cell does not split the row');
  assert.ok(all.includes('一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3'));
  assert.ok(all.includes('本机关未收取信息处理费。'));
  assert.ok(
    all.some((l) => l.startsWith('根据《中华人民共和国政府信息公开条例》')),
    'paragraph indentation is dropped',
  );
  assert.ok(!all.some((l) => /^ | {2}| $/.test(l)), 'no runs of spaces, no edge spaces');
}

test('HTML page: navigation chrome removed, report body kept, table rows tab-joined', async () => {
  const r = await readReportBuffer(Buffer.from(page('utf-8'), 'utf8'), 'report.html');
  assert.equal(r.format, 'html');
  assert.equal(r.encoding, 'utf-8');
  assertReport(r.text);
});

test('GBK page with <meta charset="gbk">', async () => {
  const dir = tempDir();
  const file = writeTemp(dir, 'report.htm', iconv.encode(page('gbk'), 'gbk'));
  const r = await readReportFile(file);
  assert.equal(r.encoding, 'gb18030');
  assertReport(r.text);
});

test('GB2312 page declared in http-equiv, and a page that lies about its charset', async () => {
  const html = page('utf-8').replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
  const r = await readReportBuffer(iconv.encode(html, 'gbk'), 'a.html');
  assert.equal(r.encoding, 'gb18030');
  assertReport(r.text);
  // declared utf-8 but served in GBK: strict UTF-8 fails, GB18030 wins
  const liar = await readReportBuffer(iconv.encode(page('utf-8'), 'gbk'), 'b.html');
  assert.equal(liar.encoding, 'gb18030');
  assertReport(liar.text);
});

test('ASP.NET page wrapped in one <form>, old layout without classes', async () => {
  const html = `<html><head><meta charset="utf-8"></head><body><form id="form1" method="post">
<table><tr><td><a href="/">首页</a> | <a href="/a">机构概况</a> | <a href="/b">政务公开</a></td></tr></table>
<table><tr><td>${TITLE}</td></tr><tr><td>${reportParagraphs(5)}${TABLE}</td></tr></table>
<div>版权所有 海原县人民政府</div></form></body></html>`;
  const r = await readReportBuffer(Buffer.from(html), 'aspx.html');
  const all = lines(r.text);
  assert.equal(all[0], TITLE);
  assert.ok(all.includes('规章\t0\t0\t0'));
  assert.ok(!r.text.includes('机构概况'));
  assert.ok(!r.text.includes('版权所有'));
});

test('a page with only chrome and no text is "empty"', async () => {
  const html = '<html><body><nav><a href="/">首页</a></nav><script>x()</script></body></html>';
  await assert.rejects(readReportBuffer(Buffer.from(html), 'nav.html'), { code: 'empty' });
});

test('pictures in the body leave a marker; icons do not', async () => {
  const html = `<html><head><meta charset="utf-8"></head><body><div class="TRS_Editor">
<p>${TITLE}</p><p>三、收到和处理政府信息公开申请情况</p>
<p><img src="/upload/table3.png" alt="收到和处理政府信息公开申请情况表"></p>
<p><img src="/upload/table4.jpg"></p><p><img src="/images/print_icon.gif"> <img src="/x.gif" width="16" height="16"></p>
</div></body></html>`;
  const r = await readReportBuffer(Buffer.from(html), 'img.html');
  assert.deepEqual(lines(r.text), [TITLE, '三、收到和处理政府信息公开申请情况', '[image: 收到和处理政府信息公开申请情况表]', '[image]']);
});

test('Big5 page declared in <meta>', async () => {
  const html = `<html><head><meta charset="big5"></head><body><p>政府資訊公開工作年度報告</p><table><tr><td>規章</td><td>0</td></tr></table></body></html>`;
  const r = await readReportBuffer(iconv.encode(html, 'big5'), 'tw.html');
  assert.equal(r.encoding, 'big5');
  assert.equal(r.text, '政府資訊公開工作年度報告\n規章\t0');
});
