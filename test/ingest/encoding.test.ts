import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { normalizeText, readReportBuffer, readReportFile } from '../../lib/ingest';
import { decodeText } from '../../lib/ingest/encoding';
import { seeds, seedText, tempDir, writeTemp } from './helpers';

const SEED = '003_3fbe00e9627bb4eb.txt'; // 张村镇 2012, indented with U+3000
const SHORT = '张村镇2012年政府信息公开工作年度报告';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

test('every seed reads as UTF-8 with its text intact', async () => {
  const names = readdirSync(seeds).filter((n) => n.endsWith('.txt'));
  assert.ok(names.length >= 5);
  for (const name of names) {
    const raw = seedText(name);
    const r = await readReportFile(`${seeds}/${name}`);
    assert.equal(r.format, 'txt');
    assert.equal(r.encoding, 'utf-8');
    assert.equal(r.text, normalizeText(raw));
    assert.equal(r.fileName, name);
    assert.match(r.sha256, /^[0-9a-f]{64}$/);
  }
});

test('encoding variants of a real seed round-trip exactly', async () => {
  const text = seedText(SEED);
  const expected = normalizeText(text);
  const variants: [string, Buffer, string][] = [
    ['gbk', iconv.encode(text, 'gbk'), 'gb18030'],
    ['gb18030', iconv.encode(text, 'gb18030'), 'gb18030'],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8-bom'],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)]), 'utf-16be'],
    ['utf-16le without BOM', Buffer.from(text, 'utf16le'), 'utf-16le'],
    ['utf-16be without BOM', utf16be(text), 'utf-16be'],
    ['big5', iconv.encode(text, 'big5'), 'big5'],
  ];
  for (const [label, bytes, encoding] of variants) {
    const r = await readReportBuffer(bytes, `seed-${label}.txt`);
    assert.equal(r.encoding, encoding, label);
    if (label === 'big5') {
      // Big5 has no simplified characters; what it has must come back unchanged
      assert.equal(r.text, normalizeText(iconv.decode(iconv.encode(text, 'big5'), 'big5')), label);
    } else {
      assert.equal(r.text, expected, label);
    }
    assert.ok(!r.text.includes('\ufeff') && !r.text.includes('\r'), label);
  }
});

test('a short GBK title that fools statistical detectors decodes exactly', async () => {
  const bytes = iconv.encode(SHORT, 'gbk');
  assert.equal(decodeText(bytes)?.text, SHORT);
  const r = await readReportBuffer(bytes, 'short.txt');
  assert.equal(r.text, SHORT);
  assert.equal(r.encoding, 'gb18030');
  // and a two-line GBK snippet with CRLF line ends
  const two = iconv.encode(`${SHORT}\r\n一、总体情况\r\n`, 'gbk');
  assert.equal((await readReportBuffer(two, 'two.md')).text, `${SHORT}\n一、总体情况\n`);
});

test('GB18030-only characters (four-byte sequences) survive', async () => {
  const text = `${SHORT}：䶮 𠀀 €`;
  const r = await readReportBuffer(iconv.encode(text, 'gb18030'), 'rare.txt');
  assert.equal(r.text, text);
  assert.equal(r.encoding, 'gb18030');
});

test('normalisation: CRLF, NUL, BOM, nbsp and U+3000, trailing spaces, NFC; tabs kept', async () => {
  const raw = '\ufeff标题 \r\n\u3000\u3000正文\u00a0内容\u0000\r\n信息内容\t本年制发件数 \t 本年废止件数\t\r\ne\u0301\r';
  const r = await readReportBuffer(Buffer.from(raw, 'utf8'), 'n.txt');
  assert.equal(r.text, '标题\n  正文 内容\n信息内容\t本年制发件数\t本年废止件数\t\n\u00e9\n');
  assert.equal(r.encoding, 'utf-8-bom');
});

test('markdown files are text too', async () => {
  const dir = tempDir();
  const file = writeTemp(dir, '报告.md', iconv.encode(`# ${SHORT}\n\n| 信息内容 | 本年制发件数 |\n`, 'gbk'));
  const r = await readReportFile(file);
  assert.equal(r.format, 'md');
  assert.equal(r.fileName, '报告.md');
  assert.ok(r.text.startsWith(`# ${SHORT}`));
});

test('UTF-8 text with stray NUL bytes is not taken for UTF-16', async () => {
  const text = seedText(SEED).slice(0, 400);
  const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0, 0, 0]), Buffer.from('二、主动公开', 'utf8')]);
  const r = await readReportBuffer(bytes, 'nul.txt');
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.text, normalizeText(`${text}二、主动公开`));
});

test('binary junk and text that is mostly control characters → undecodable text', async () => {
  const controls = Buffer.from(Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 0x41 : (i % 31) + 1)));
  await assert.rejects(readReportBuffer(controls, 'ctl.txt'), { code: 'undecodable text' });
});
