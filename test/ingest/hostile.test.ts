import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createDeflateRaw } from 'node:zlib';
import { IngestError, readReportBuffer, readReportFile, SUPPORTED_EXTENSIONS } from '../../lib/ingest';
import { MAX_HTML_DEPTH, markupDepth } from '../../lib/ingest/html';
import { docxBomb, pdfWithoutText } from '../support/hostile-files';
import { corpusFiles, fixtures, rejectsWith, seeds, tempDir, writeTemp } from './helpers';
import { documentXml, docxEntries, entry, makeZip } from './zip-helpers';

const dir = tempDir();
const PDF = readFileSync(path.join(corpusFiles, 'huaian-hongze-2023.pdf'));
const DOCX = readFileSync(path.join(corpusFiles, 'template-2021-blank.docx'));
const DOC = readFileSync(path.join(fixtures, 'zhangcun-2012-table.doc'));

/** A real zip bomb: word/document.xml is 210 MB of zeros deflated to about 1 MB. */
async function zipBomb(): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const zeros = Buffer.alloc(1 << 20);
  for (let i = 0; i < 210; i++) deflate.write(zeros);
  deflate.end();
  await done;
  const data = Buffer.concat(chunks);
  return makeZip(docxEntries({ name: 'word/document.xml', data, method: 8, uncompressedSize: 210 << 20, crc: 0 }));
}

test('unknown extension → unsupported format, naming the extension', async () => {
  const err = await rejectsWith(readReportFile(writeTemp(dir, 'report.xyz', '政府信息公开')), 'unsupported format', 'report.xyz');
  assert.match(err.message, /"\.xyz"/);
  await rejectsWith(readReportBuffer(Buffer.from('x'), 'README'), 'unsupported format');
});

test('empty and whitespace-only files → empty', async () => {
  for (const ext of ['txt', 'md', 'pdf', 'docx', 'doc', 'html']) {
    await rejectsWith(readReportFile(writeTemp(dir, `empty.${ext}`, '')), 'empty', `empty.${ext}`);
  }
  await rejectsWith(readReportFile(writeTemp(dir, 'blank.txt', ' \r\n\t\u3000\u00a0\n\ufeff')), 'empty');
  await rejectsWith(readReportBuffer(Buffer.from('\ufeff   \n\n'), 'blank.md'), 'empty');
  await rejectsWith(readReportBuffer(Buffer.from('<html><body> <p>&nbsp;</p> </body></html>'), 'blank.html'), 'empty');
  await rejectsWith(readReportBuffer(makeZip(docxEntries(entry('word/document.xml', documentXml(['  '])))), 'blank.docx'), 'empty');
});

test('over maxBytes → too large, checked before reading', async () => {
  const file = writeTemp(dir, 'big.txt', '政府信息公开'.repeat(100));
  const err = await rejectsWith(readReportFile(file, { maxBytes: 1000 }), 'too large', 'big.txt');
  assert.match(err.message, /over the 1000 bytes limit/);
  await rejectsWith(readReportBuffer(PDF, 'big.pdf', { maxBytes: 1024 }), 'too large');
  // the default limit leaves ordinary files alone
  assert.equal((await readReportFile(file)).format, 'txt');
});

test('random bytes named .pdf/.docx/.doc/.txt/.html', async () => {
  const junk = randomBytes(4096);
  junk[0] = 0x01; // no accidental magic
  await rejectsWith(readReportBuffer(junk, 'r.pdf'), 'corrupt pdf');
  const docx = await rejectsWith(readReportBuffer(junk, 'r.docx'), 'corrupt docx');
  assert.match(docx.message, /not a zip archive/);
  await rejectsWith(readReportBuffer(junk, 'r.doc'), 'corrupt doc');
  await rejectsWith(readReportBuffer(junk, 'r.txt'), 'undecodable text');
  await rejectsWith(readReportBuffer(junk, 'r.html'), 'undecodable text');
  await rejectsWith(readReportBuffer(Buffer.alloc(100), 'nul.txt'), 'undecodable text');
});

test('truncated PDF → corrupt pdf; an HTML error page saved as .pdf → corrupt pdf', async () => {
  await rejectsWith(readReportFile(writeTemp(dir, 'cut.pdf', PDF.subarray(0, 1000))), 'corrupt pdf', 'cut.pdf');
  const html = await rejectsWith(readReportBuffer(Buffer.from('<!DOCTYPE html><html><body>404 页面不存在</body></html>'), 'x.pdf'), 'corrupt pdf');
  assert.match(html.message, /HTML/);
});

test('PDF without a text layer → no text layer', async () => {
  await rejectsWith(readReportFile(writeTemp(dir, 'scan.pdf', pdfWithoutText(3))), 'no text layer', 'scan.pdf');
});

test('PDF extraction has a time limit', async () => {
  const err = await rejectsWith(readReportBuffer(PDF, 'slow.pdf', { timeoutMs: 1 }), 'corrupt pdf');
  assert.match(err.message, /longer than/);
});

test('truncated docx and non-Word zips → corrupt docx', async () => {
  await rejectsWith(readReportFile(writeTemp(dir, 'cut.docx', DOCX.subarray(0, DOCX.length >> 1))), 'corrupt docx', 'cut.docx');
  await rejectsWith(readReportBuffer(DOCX.subarray(0, 2000), 'head.docx'), 'corrupt docx');
  await rejectsWith(readReportBuffer(makeZip([entry('hello.txt', '你好')]), 'notword.docx'), 'corrupt docx');
  // a broken document.xml
  const bad = await rejectsWith(readReportBuffer(makeZip(docxEntries(entry('word/document.xml', '<w:document><w:body><w:p>'))), 'badxml.docx'), 'corrupt docx');
  assert.equal(bad.message, 'corrupt docx: damaged document XML');
});

test('docx zip bombs → too large (declared) or corrupt docx (lying headers)', async () => {
  const bomb = await zipBomb();
  assert.ok(bomb.length < 2 << 20, 'the bomb itself is small');
  const err = await rejectsWith(readReportFile(writeTemp(dir, 'bomb.docx', bomb)), 'too large', 'bomb.docx');
  assert.match(err.message, /uncompressed/);
  // the same bomb named .doc is routed by its bytes and refused the same way
  await rejectsWith(readReportBuffer(bomb, 'bomb.doc'), 'too large');
  // a central directory that claims a small size for a big entry
  const big = documentXml(['政府信息公开'.repeat(200_000)]);
  const liar = { ...entry('word/document.xml', big), declaredSize: 1000 };
  const lie = await rejectsWith(readReportBuffer(makeZip(docxEntries(liar)), 'liar.docx'), 'corrupt docx');
  assert.match(lie.message, /declared size/);
  // a small limit applies to honest files too
  await rejectsWith(readReportBuffer(DOCX, 't.docx', { maxUncompressedBytes: 10_000 }), 'too large');
});

test('a small bomb of text under the zip limit → too large by its XML parts, before mammoth expands it', async () => {
  const [bomb] = await docxBomb(40);
  const started = performance.now();
  const err = await rejectsWith(readReportBuffer(bomb!, 'text-bomb.docx'), 'too large');
  assert.match(err.message, /XML parts declare 40 MB uncompressed, over the 16 MB limit/);
  assert.ok(performance.now() - started < 1000, 'refused without inflating');
  // the limit is an option
  await rejectsWith(readReportBuffer(DOCX, 't.docx', { maxXmlBytes: 100_000 }), 'too large');
});

test('texts over a million characters → too large; plain text is refused before it is decoded', async () => {
  const long = Buffer.from(`张村镇2012年政府信息公开工作年度报告\n${'公'.repeat(1_000_001)}`);
  const err = await rejectsWith(readReportBuffer(long, 'long.txt'), 'too large');
  assert.match(err.message, /the text is 1,000,0\d\d characters, over the 1,000,000 limit/);
  const huge = await rejectsWith(readReportBuffer(Buffer.alloc(4_000_004, 0x41), 'huge.md'), 'too large');
  assert.match(huge.message, /at least 1,000,001 characters/);
  await rejectsWith(readReportBuffer(Buffer.from('<html><body><p>政府信息公开工作</p></body></html>'), 'short.html', { maxTextChars: 3 }), 'too large');
  // a PDF is not refused for its size in bytes
  assert.equal((await readReportBuffer(PDF, 'ok.pdf', { maxTextChars: 200_000 })).format, 'pdf');
});

test('HTML nested deeper than 1,000 elements → too large, at once (the parser is quadratic in depth)', async () => {
  const nested = (depth: number) => Buffer.from(`<html><body>${'<div><b>'.repeat(depth)}政府信息公开工作年度报告${'</b></div>'.repeat(depth)}</body></html>`);
  const started = performance.now();
  const err = await rejectsWith(readReportBuffer(nested(20_000), 'deep.html'), 'too large');
  assert.match(err.message, /markup nested 40,002 elements deep, over the 1,000 limit/);
  assert.ok(performance.now() - started < 2000);
  await rejectsWith(readReportBuffer(nested(20_000), 'deep.doc'), 'too large');
  assert.equal((await readReportBuffer(nested(200), 'ok.html')).text, '政府信息公开工作年度报告');
  // unclosed paragraphs, list items and cells, void elements and self-closed tags do not count
  assert.equal(markupDepth(`<div>${'<p>a<li>b<td>c<br><img src=x><span/>'.repeat(5000)}</div>`), 1);
  assert.ok(markupDepth('<div><div></div><div><i>x</i></div></div>') === 3 && MAX_HTML_DEPTH === 1000);
});

test('a hand-made minimal docx reads', async () => {
  const docx = makeZip(docxEntries(entry('word/document.xml', documentXml(['张村镇2012年政府信息公开工作年度报告', '一、基本情况']))));
  const r = await readReportBuffer(docx, 'mini.docx');
  assert.equal(r.text, '张村镇2012年政府信息公开工作年度报告\n一、基本情况');
});

test('corrupt .doc: truncated OLE file, junk with a Word name', async () => {
  const cut = await rejectsWith(readReportFile(writeTemp(dir, 'cut.doc', DOC.subarray(0, 3000))), 'corrupt doc', 'cut.doc');
  assert.equal(cut.message, 'corrupt doc: damaged or truncated Word file');
  await rejectsWith(readReportBuffer(DOC.subarray(0, 600), 'tiny.doc'), 'corrupt doc');
  // an OLE header on junk
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(2000)]);
  await rejectsWith(readReportBuffer(ole, 'ole.doc'), 'corrupt doc');
  // password-protected Office files are OLE containers with an EncryptedPackage stream
  const encrypted = Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le')]);
  const err = await rejectsWith(readReportBuffer(encrypted, 'secret.docx'), 'corrupt docx');
  assert.match(err.message, /password/);
});

test('plain text saved as .doc still reads', async () => {
  const r = await readReportBuffer(Buffer.from('张村镇2012年政府信息公开工作年度报告\n'), 'plain.doc');
  assert.equal(r.format, 'txt');
  assert.equal(r.text, '张村镇2012年政府信息公开工作年度报告\n');
});

test('missing files and directories → unreadable', async () => {
  await rejectsWith(readReportFile(path.join(dir, 'nope.pdf')), 'unreadable', 'nope.pdf');
  const folder = path.join(dir, 'folder.txt');
  mkdirSync(folder);
  const err = await rejectsWith(readReportFile(folder), 'unreadable', 'folder.txt');
  assert.match(err.message, /not a regular file/);
});

test('mangled inputs of every format only ever fail with IngestError', async () => {
  const sources = [PDF, DOCX, DOC, readFileSync(path.join(seeds, '001_19cc13ecf0eb244d.txt'))];
  let n = 0;
  for (const source of sources) {
    for (const ext of SUPPORTED_EXTENSIONS) {
      const cut = source.subarray(0, (1 + (source.length * ((n * 37) % 100)) / 100) | 0);
      const flipped = Buffer.from(cut);
      for (let i = 64; i < flipped.length; i += 97) flipped[i] = flipped[i]! ^ 0x5a;
      for (const bytes of [cut, flipped]) {
        n++;
        try {
          await readReportBuffer(bytes, `m${n}${ext}`);
        } catch (err) {
          assert.ok(err instanceof IngestError, `m${n}${ext}: ${String(err)}`);
        }
      }
    }
  }
});

test('good files still read after all of the above', async () => {
  assert.equal((await readReportBuffer(PDF, 'ok.pdf')).pages, 5);
  assert.ok((await readReportBuffer(DOCX, 'ok.docx')).text.includes('本年制发件数\t本年废止件数'));
  assert.ok((await readReportBuffer(DOC, 'ok.doc')).text.includes('行政规范性文件\t3\t1\t12'));
});
