import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { formatOf, readReportBuffer, readReportFile, SUPPORTED_EXTENSIONS } from '../../lib/ingest';
import { corpusFiles, fixtures, lines, tempDir, writeTemp } from './helpers';

test('formatOf and SUPPORTED_EXTENSIONS', () => {
  assert.equal(formatOf('a/b/报告.PDF'), 'pdf');
  assert.equal(formatOf('x.docx'), 'docx');
  assert.equal(formatOf('x.doc'), 'doc');
  assert.equal(formatOf('x.htm'), 'html');
  assert.equal(formatOf('x.html'), 'html');
  assert.equal(formatOf('x.md'), 'md');
  assert.equal(formatOf('x.txt'), 'txt');
  assert.equal(formatOf('x.xyz'), null);
  assert.equal(formatOf('noext'), null);
  for (const ext of ['.txt', '.md', '.doc', '.docx', '.pdf', '.html', '.htm']) assert.ok(SUPPORTED_EXTENSIONS.includes(ext), ext);
});

test('PDF with a text layer: 洪泽区 2023, five pages, lines in order', async () => {
  const r = await readReportFile(path.join(corpusFiles, 'huaian-hongze-2023.pdf'));
  assert.equal(r.format, 'pdf');
  assert.equal(r.encoding, null);
  assert.equal(r.pages, 5);
  assert.ok(r.text.includes('洪泽区人民政府'));
  assert.ok(r.text.includes('本年新收政府信息公开申请数量'));
  const all = lines(r.text);
  const title = all.findIndex((l) => l.includes('政府信息公开工作年度报告'));
  const part3 = all.findIndex((l) => l.includes('三、收到和处理政府信息公开申请情况'));
  assert.ok(title >= 0 && part3 > title, 'title comes before part 三');
  assert.ok(
    all.some((l) => /^一、本年新收政府信息公开申请数量 21 /.test(l)),
    'a table row keeps its figures on its line',
  );
  assert.equal(r.bytes, readFileSync(path.join(corpusFiles, 'huaian-hongze-2023.pdf')).length);
});

test('markdown report from the corpus', async () => {
  const r = await readReportFile(path.join(corpusFiles, 'shanghai-kewei-2024.md'));
  assert.equal(r.format, 'md');
  assert.equal(r.encoding, 'utf-8');
  assert.ok(r.text.includes('2024 年上海市科委政府信息公开工作'));
});

test('docx template: table rows are tab-joined lines, merged cells once', async () => {
  const r = await readReportFile(path.join(corpusFiles, 'template-2021-blank.docx'));
  assert.equal(r.format, 'docx');
  assert.equal(r.encoding, null);
  const all = lines(r.text);
  assert.ok(all.includes('信息内容\t本年制发件数\t本年废止件数\t现行有效件数'), 'table 二 header row on one line');
  const header = all.find((l) => l.includes('本年制发件数'));
  assert.ok(header?.includes('本年废止件数'));
  assert.ok(all.includes('商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他'), 'two-paragraph cells join without a break');
  assert.ok(all.some((l) => l.startsWith('一、本年新收政府信息公开申请数量\t')));
  assert.ok(all.includes('二、主动公开政府信息情况'), 'paragraphs stay lines');
  assert.ok(all.includes('第二十条第（一）项'), 'a cell merged across the row appears once');
});

test('.doc (Word 97) from LibreOffice: prose lines and table rows with figures', async () => {
  const r = await readReportFile(path.join(fixtures, 'zhangcun-2012-table.doc'));
  assert.equal(r.format, 'doc');
  const all = lines(r.text);
  assert.equal(all[0], '张村镇2012年政府信息公开工作年度报告');
  assert.ok(all.includes('信息内容\t本年制发件数\t本年废止件数\t现行有效件数'));
  assert.ok(all.includes('行政规范性文件\t3\t1\t12'));
  assert.ok(all.includes('（二）注重效果，不断深化公开事项'));
});

test('.doc with wide tables (2021 template): each row of table 三 is one line', async () => {
  const r = await readReportFile(path.join(fixtures, 'template-2021-blank.doc'));
  const all = lines(r.text);
  assert.ok(all.includes('信息内容\t本年制发件数\t本年废止件数\t现行有效件数'));
  const newRow = all.find((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
  assert.equal(newRow, `一、本年新收政府信息公开申请数量${'\t'.repeat(7)}`);
  assert.ok(all.some((l) => l.startsWith('二、上年结转政府信息公开申请数量')));
  assert.ok(all.some((l) => /\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他/.test(l)));
  assert.ok(r.text.includes('危及“三安全一稳定”'), 'curly quotes kept as written');
});

test('RTF and HTML saved as .doc are routed by their bytes', async () => {
  const rtf = await readReportFile(path.join(fixtures, 'zhangcun-2012-table.rtf.doc'));
  assert.equal(rtf.format, 'doc');
  assert.ok(lines(rtf.text).includes('行政规范性文件\t3\t1\t12'));
  assert.ok(rtf.text.startsWith('张村镇2012年政府信息公开工作年度报告'));

  // A hand-written RTF in GBK (\'hh escapes), as Chinese Word writes it
  const gbkRtf = `{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}{\\info{\\title x}}\\f0 ${hexEscape('张村镇2012年')}\\par\\trowd\\cellx1000\\cellx2000 ${hexEscape('规章')}\\cell 5\\cell\\row}`;
  const g = await readReportBuffer(Buffer.from(gbkRtf, 'latin1'), 'gbk-rtf.doc');
  assert.equal(g.text, '张村镇2012年\n规章\t5\n');

  const dir = tempDir();
  const html = iconv.encode(
    `<html xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><div class="WordSection1"><p>张村镇2012年政府信息公开工作年度报告</p><table><tr><td>规章</td><td>0</td></tr></table></div></body></html>`,
    'gbk',
  );
  const h = await readReportFile(writeTemp(dir, 'word-html.doc', html));
  assert.equal(h.format, 'html');
  assert.equal(h.encoding, 'gb18030');
  assert.equal(h.text, '张村镇2012年政府信息公开工作年度报告\n规章\t0');
});

function hexEscape(text: string): string {
  return [...iconv.encode(text, 'gbk')].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\'${b.toString(16)}`)).join('');
}

test('a .docx that is really a .doc, and a .doc that is really a .docx', async () => {
  const docAsDocx = await readReportBuffer(readFileSync(path.join(fixtures, 'zhangcun-2012-table.doc')), 'x.docx');
  assert.equal(docAsDocx.format, 'doc');
  assert.ok(docAsDocx.text.includes('行政规范性文件\t3\t1\t12'));
  const docxAsDoc = await readReportBuffer(readFileSync(path.join(corpusFiles, 'template-2021-blank.docx')), 'x.doc');
  assert.equal(docxAsDoc.format, 'docx');
  assert.ok(docxAsDoc.text.includes('信息内容\t本年制发件数\t本年废止件数\t现行有效件数'));
});
