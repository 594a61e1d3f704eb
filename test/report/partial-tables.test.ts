import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseReport, type ReportDocument } from '../../lib/report';
import { parseApplicationTable } from '../../lib/report/application-table';
import { parseDisclosureTable } from '../../lib/report/disclosure-table';
import { WEB_DIR, WEB2_DIR } from '../support/corpus';

/** A web excerpt of the dev sets, parsed as eval:web parses it (cut off, no sidecar). */
function excerpt(dir: string, file: string): ReportDocument {
  const raw = readFileSync(path.join(dir, file));
  const sha256 = createHash('sha256').update(raw).digest('hex');
  return parseReport(raw.toString('utf8'), { fileName: file, format: 'txt', encoding: 'utf-8', sha256, bytes: raw.length }, { partial: true });
}

const row = (table: ReturnType<typeof parseApplicationTable>['table'], key: string) => table?.rows.find((r) => r.key === key)?.values;

const HEADER =
  '三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他';

// ---- hand-made snippets

test('表三 cut off after its first rows: the rows read for sure are kept, the rest left empty with a note', () => {
  const text = `${HEADER}\n一、本年新收政府信息公开申请数量 3 0 0 0 1 0 4\n二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n三、本年度办理结果\n（一）予以公开 2 0 0`;
  const { table, notes } = parseApplicationTable(text);
  assert.ok(table);
  assert.deepEqual(row(table, 'newReceived'), [3, 0, 0, 0, 1, 0, 4]);
  assert.deepEqual(row(table, 'carriedOver'), [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(row(table, 'granted'), [null, null, null, null, null, null, null]);
  assert.deepEqual(row(table, 'total'), [null, null, null, null, null, null, null]);
  assert.equal(table.complete, false);
  assert.match(notes.join(''), /表三不完整.*2\/\d+ 行/);
});

test('表三 cut off: a row that does not add up, or whose label was not right before it, is not kept', () => {
  // 新收's applicant cells sum to 1 but its 总计 says 0 (columns shifted); 上年结转 has no figures,
  // so the next figures sit after two labels and may belong to either.
  const text = `${HEADER}\n一、本年新收政府信息公开申请数量 0 0 0 0 1 0 0\n二、上年结转政府信息公开申请数量\n三、本年度办理结果\n（一）予以公开 0 0 0 0 0 0 0\n（二）部分公开 0 0 0 0 0 0 0\n（三）不予公开\n1.属于国家秘密 0 0`;
  const { table } = parseApplicationTable(text);
  assert.ok(table);
  assert.deepEqual(row(table, 'newReceived'), new Array(7).fill(null));
  assert.deepEqual(row(table, 'carriedOver'), new Array(7).fill(null));
  assert.deepEqual(row(table, 'granted'), new Array(7).fill(null));
  assert.deepEqual(row(table, 'partiallyGranted'), [0, 0, 0, 0, 0, 0, 0]);
});

test('表三: empty cells of | rows are zeros, and a row of nothing but empty cells is a row of zeros', () => {
  const text = [
    HEADER,
    '| 一、本年新收政府信息公开申请数量 | 3 |  |  |  | 1 |  | 4 |  |',
    '| 二、上年结转政府信息公开申请数量 |  |  |  |  |  |  |  |',
    '| 三、本年度办理结果 | （一）予以公开 | 2 | | | | 1 | | 3 |',
  ].join('\n');
  const { table } = parseApplicationTable(text);
  assert.deepEqual(row(table, 'newReceived'), [3, 0, 0, 0, 1, 0, 4]);
  assert.deepEqual(row(table, 'carriedOver'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row(table, 'granted'), [2, 0, 0, 0, 1, 0, 3]);
});

test('表三: a row whose only printed figure is the 总计 keeps the 总计, its applicant cells unknown', () => {
  const pipes = [
    HEADER,
    '| 一、本年新收政府信息公开申请数量 |  |  |  |  |  |  | 5 |',
    '| 二、上年结转政府信息公开申请数量 |  |  |  |  |  |  | 0 |',
    '| 三、本年度办理结果',
  ];
  const { table } = parseApplicationTable(pipes.join('\n'));
  assert.deepEqual(row(table, 'newReceived'), [null, null, null, null, null, null, 5]);
  assert.deepEqual(row(table, 'carriedOver'), [0, 0, 0, 0, 0, 0, 0]);
  // Printed with nothing around it, a single figure before the next row's label is that row's 总计.
  const bare = `${HEADER}\n一、本年新收政府信息公开申请数量\t5\n二、上年结转政府信息公开申请数量\t0\n三、本年度办理结果`;
  assert.deepEqual(row(parseApplicationTable(bare).table, 'newReceived'), [null, null, null, null, null, null, 5]);
  // At the very end of a cut-off text, a single figure may be the first cell of a lost row.
  const cut = `${HEADER}\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n二、上年结转政府信息公开申请数量 2`;
  assert.equal(row(parseApplicationTable(cut).table, 'carriedOver')?.[6] ?? null, null);
});

test('表三 one cell per line, each closed by "|": a lone "|" is an empty cell', () => {
  const cells = (label: string, values: string[]) => [`${label} |`, ...values.map((v) => (v === '' ? '|' : `${v} |`)), '||'].join('\n');
  const text = [
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |',
    '申请人情况 |',
    '||||||||',
    '自然人 |',
    '法人或其他组织 |',
    '总计 |',
    '|||||||',
    cells('一、本年新收政府信息公开申请数量', ['', '', '', '', '', '', '0']),
    cells('二、上年结转政府信息公开申请数量', ['2', '', '', '', '', '', '2']),
    '三、本年度办理结果 |',
    '(一)予以公开 |',
  ].join('\n');
  const { table } = parseApplicationTable(text);
  assert.deepEqual(row(table, 'newReceived'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row(table, 'carriedOver'), [2, 0, 0, 0, 0, 0, 2]);
});

test('表三: a first row of nothing but empty cells right under the header is a row of zeros', () => {
  const text = [
    '| 自然人 | 法人或其他组织 | 总计 |',
    '| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
    '| 一、本年新收政府信息公开申请数量 |  |  |  |  |  |  |  |',
    '| 二、上年结转政府信息公开申请数量 | 1 |  |  |  |  |  | 1 |',
    '| 三、本年度办理结果',
  ].join('\n');
  const { table } = parseApplicationTable(text);
  assert.deepEqual(row(table, 'newReceived'), [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(row(table, 'carriedOver'), [1, 0, 0, 0, 0, 0, 1]);
});

test('表三: the header cells and their padding are never a row (总计 in the header is not the 总计 row)', () => {
  const text = [
    '| (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) | 申请人情况 | ||||||||',
    '| 自然人 | 法人或其他组织 | 总计 | |||||||',
    '| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |||||',
    '| 一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | ||',
    '| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||',
    '| 三、本年度',
  ].join('\n');
  const { table } = parseApplicationTable(text);
  assert.deepEqual(row(table, 'newReceived'), [3, 0, 0, 0, 0, 0, 3]);
  assert.deepEqual(row(table, 'total'), [null, null, null, null, null, null, null]);
});

test('表二: empty | cells in a visible row are zeros; 2019 本年增/减 cells signed in words ("增1423")', () => {
  const t2021 = parseDisclosureTable(
    '第二十条第（一）项\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 |  |  |  |\n| 行政规范性文件 | 2 |  | 5 |\n第二十条第（五）项\n| 行政许可 | 7 | ||',
  ).table;
  const v = (t: typeof t2021, k: string) => t?.rows.find((r) => r.key === k)?.values;
  assert.deepEqual(v(t2021, 'regulations'), [0, 0, 0]);
  assert.deepEqual(v(t2021, 'normativeDocuments'), [2, 0, 5]);
  assert.deepEqual(v(t2021, 'licensing'), [7]);
  const t2019 = parseDisclosureTable(
    '第二十条第（五）项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n421\n增1423\n1844\n行政处罚\n18\n减2\n70\n三、收到和处理政府信息公开申请情况',
  ).table;
  assert.deepEqual(v(t2019, 'licensing'), [421, 1423, 1844]);
  assert.deepEqual(v(t2019, 'punishment'), [18, -2, 70]);
});

const PIPE_HEADER =
  '三、收到和处理政府信息公开申请情况\n| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | |\n| 自然人 | 法人或其他组织 | 总计 |\n| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |';

test('表三: | rows broken across lines are read whole', () => {
  const text = `${PIPE_HEADER}\n| 一、本年新收政府信息公开申请数量 | 2 | 1 | 0 |\n| 0 | 0 | 0 | 3 |\n| 二、上年结转政府信息\n公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n| 三、本年度办理结果 | （一）予以公开 | 1 |`;
  const { table } = parseApplicationTable(text);
  assert.deepEqual(row(table, 'newReceived'), [2, 1, 0, 0, 0, 0, 3]);
  assert.deepEqual(row(table, 'carriedOver'), [1, 0, 0, 0, 0, 0, 1]);
});

test('表三: applicant columns that lost their cells leave the 总计, when the others add up to it', () => {
  const text = `${PIPE_HEADER}\n| 一、本年新收政府信息公开申请数量 | 3 | 1 | 4 |\n| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 |\n| 三、本年度办理结果 | （一）予以公开 | 1 | 2 | 4 |\n| （二）部分公开`;
  const { table } = parseApplicationTable(text);
  assert.deepEqual(row(table, 'newReceived'), [null, null, null, null, null, null, 4]);
  assert.deepEqual(row(table, 'carriedOver'), [null, null, null, null, null, null, 0]);
  // 1 + 2 ≠ 4: which cells were lost cannot be told.
  assert.deepEqual(row(table, 'granted'), new Array(7).fill(null));
});

test('表三: filling instructions or notes left in cells do not hide the row; 无 in a cell is zero', () => {
  const text = `${PIPE_HEADER}\n| 一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 | 注：按申请人计，1人多次申请计1件 |\n| 二、上年结转政府信息公开申请数量 | 无 | 无 | 无 | 无 | 无 | 无 | 无 |\n| 三、本年度办理结果（填写说明：本年度办理完毕的申请数，等于以下各项之和）`;
  const { table } = parseApplicationTable(text);
  assert.deepEqual(row(table, 'newReceived'), [2, 0, 0, 0, 0, 0, 2]);
  assert.deepEqual(row(table, 'carriedOver'), [0, 0, 0, 0, 0, 0, 0]);
});

test('表二: an added row (其他主动公开文件) is no row of the template and moves no figure', () => {
  const text =
    '二、主动公开政府信息情况\n| 第二十条第（一）项 |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 2 | 1 | 10 |\n| 其他主动公开文件 | 35 | 0 | 35 |\n| 第二十条第（五）项 |\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 12 |\n| 第二十条第（六）项 |\n| 行政处罚 | 3 |\n| 行政强制 | 无 |\n| 第二十条第（八）项 |\n| 行政事业性收费 | 0 |\n三、收到和处理政府信息公开申请情况';
  const { table } = parseDisclosureTable(text);
  const v = (k: string) => table?.rows.find((r) => r.key === k)?.values;
  assert.deepEqual(v('normativeDocuments'), [2, 1, 10]);
  assert.deepEqual(v('licensing'), [12]);
  assert.deepEqual(v('punishment'), [3]);
  assert.deepEqual(v('enforcement'), [0]);
});

test('表二: a label with its cells run together when all are 0 ("规章000") is a row of zeros; other glued figures are not guessed', () => {
  const { table } = parseDisclosureTable(
    '第二十条第(一)项\n信息内容本年制发件数本年废止件数现行有效件数\n    规章000\n    行政规范性文件000\n第二十条第(五)项\n行政许可0\n行政处罚12\n三、收到和处理政府信息公开申请情况',
  );
  const v = (k: string) => table?.rows.find((r) => r.key === k)?.values;
  assert.deepEqual(v('regulations'), [0, 0, 0]);
  assert.deepEqual(v('normativeDocuments'), [0, 0, 0]);
  assert.deepEqual(v('licensing'), [0]);
  assert.deepEqual(v('punishment'), [null]);
});

test('表三 whose first row is worded 本年度新收… is found and read', () => {
  const text = `${HEADER}\n一、本年度新收政府信息公开申请数量 2 0 0 0 0 0 2\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n三、本年度办理结果`;
  assert.deepEqual(row(parseApplicationTable(text).table, 'newReceived'), [2, 0, 0, 0, 0, 0, 2]);
  // Prose that says 本年度新收到 is not the table.
  assert.equal(parseApplicationTable('本年度新收到政府信息公开申请3件，均已按期答复。').table, null);
});

test('web2 059: 表二 cells run together ("规章000") → 规章 and 规范性文件 0/0/0', () => {
  const doc = excerpt(WEB2_DIR, '059.txt');
  const v = (k: string) => doc.disclosureTable?.rows.find((r) => r.key === k)?.values;
  assert.deepEqual(v('regulations'), [0, 0, 0]);
  assert.deepEqual(v('normativeDocuments'), [0, 0, 0]);
});

// ---- real excerpts (test/fixtures/corpus/web, web2)

test('web2 001: | rows cut off inside 表三 → new 1, carried over 0', () => {
  const doc = excerpt(WEB2_DIR, '001.txt');
  assert.equal(doc.applications.newReceived, 1);
  assert.equal(doc.applications.newReceivedSource, 'table');
  assert.equal(doc.applications.carriedOver, 0);
  assert.equal(doc.applicationTable?.complete, false);
  assert.ok(doc.parseNotes.some((n) => /表三不完整/.test(n)));
});

test('web2 009 and 026: rows with one printed figure and empty cells (| 0 | |||…, "|" lines) are zeros', () => {
  for (const file of ['009.txt', '026.txt']) {
    const doc = excerpt(WEB2_DIR, file);
    assert.equal(doc.applications.newReceived, 0, file);
    assert.equal(doc.applications.carriedOver, 0, file);
  }
});

test('web2 012: the table (3) wins over the prose (受理 2), both rows read before the cut', () => {
  const doc = excerpt(WEB2_DIR, '012.txt');
  assert.equal(doc.applications.newReceived, 3);
  assert.equal(doc.applications.carriedOver, 0);
  assert.ok(doc.checks.some((c) => c.rule === 6 && !c.passed));
});

test('web2 038: a 新收 row whose cells do not add up (columns shifted) is not read; 上年结转 0 is', () => {
  const doc = excerpt(WEB2_DIR, '038.txt');
  assert.equal(doc.applicationTable?.rows.find((r) => r.key === 'newReceived')?.values.at(-1), null);
  assert.equal(doc.applications.carriedOver, 0);
});

test('web 073 and 079: one cell per line, cut off inside 表三 → new 0', () => {
  for (const file of ['073.txt', '079.txt']) assert.equal(excerpt(WEB_DIR, file).applications.newReceived, 0, file);
});

test('web2 061: 2019 表二 with 本年增/减 written 增1423 → 许可 1844, 处罚 70', () => {
  const doc = excerpt(WEB2_DIR, '061.txt');
  const v = (k: string) => doc.disclosureTable?.rows.find((r) => r.key === k)?.values;
  assert.deepEqual(v('licensing'), [421, 1423, 1844]);
  assert.deepEqual(v('punishment'), [18, 52, 70]);
});
