import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import iconv from 'iconv-lite';
import { DEFAULT_MAX_BYTES, type IngestErrorCode } from '../../lib/ingest';
import { reportId } from '../../lib/report';
import { documentXml, docxEntries, entry, makeZip } from '../ingest/zip-helpers';
import { type SyntheticReport, syntheticReportText } from './reports';
import { repoRoot } from './temp';

/**
 * A suite of hostile report files, generated at test time into a folder (never committed as
 * binaries), each with the outcome an indexing run must give it: indexed (and then found by a
 * search for `find`), failed with a named reason, reported as a duplicate, or skipped by the
 * folder walk (not a report extension). Good synthetic reports are mixed in so a test can check
 * that the bad ones cost the good ones nothing.
 */

type HostileOutcome =
  | { outcome: 'indexed'; find: string }
  | { outcome: 'failed'; reason: IngestErrorCode | 'not a regular file' }
  | { outcome: 'duplicate' }
  | { outcome: 'skipped' };

interface HostileCase {
  /** Path relative to the suite folder. */
  file: string;
  what: string;
  expect: HostileOutcome;
  /** Named on the command line instead of found by walking the folder. */
  named?: boolean;
  /** Report id when indexed: the content hash of the bytes. */
  id?: string;
}

export interface HostileSuite {
  dir: string;
  cases: HostileCase[];
  /** What to pass to runIndex: the folder plus the named files. */
  paths: string[];
}

const PDF = path.join(repoRoot, 'data', 'reports', 'files', 'huaian-hongze-2023.pdf');
const MARKUP = '注入样本：<script>alert("x")</script>与<img src=x onerror=alert(1)>以及<em>强调</em>和</script><b>未闭合';

function report(organization: string, year: number, extra = ''): string {
  const r: SyntheticReport = { organization, year, newReceived: 7, carriedOver: 1, carriedForward: 2, normativeDocuments: [1, 0, 4] };
  return syntheticReportText(r).replace('一、总体情况', `一、总体情况\n${extra}`);
}

/** A valid PDF whose pages hold only drawings and a page number: what a scan looks like. */
export function pdfWithoutText(pageCount: number): Buffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pageCount }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let i = 0; i < pageCount; i++) {
    const content = `0.5 g 50 50 495 742 re f BT /F1 10 Tf 290 20 Td (- ${i + 1} -) Tj ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Deflates `megabytes` MB of what `chunk` repeats, between a prefix and a suffix, without holding it. */
async function deflated(prefix: string, chunk: Buffer, megabytes: number, suffix: string): Promise<{ data: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: 1 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1 << 20);
  for (let at = 0; at < block.length; at += chunk.length) chunk.copy(block, at, 0, Math.min(chunk.length, block.length - at));
  deflate.write(prefix);
  for (let i = 0; i < megabytes; i++) deflate.write(block);
  deflate.end(suffix);
  await done;
  return { data: Buffer.concat(chunks), size: Buffer.byteLength(prefix) + megabytes * block.length + Buffer.byteLength(suffix) };
}

/** A .docx whose word/document.xml is `megabytes` MB of text, compressed to a few hundred KB; `declared` can lie. */
export async function docxBomb(megabytes: number, declared: Array<number | undefined> = [undefined]): Promise<Buffer[]> {
  const open =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
  const { data, size } = await deflated(open, Buffer.from('政府信息公开'), megabytes, '</w:t></w:r></w:p></w:body></w:document>');
  return declared.map((declaredSize) => makeZip(docxEntries({ name: 'word/document.xml', data, method: 8, uncompressedSize: size, crc: 0, declaredSize })));
}

/** An HTML page whose report text sits under `depth` nested elements. */
function deeplyNested(depth: number, body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>嵌套</title></head><body>${'<div><span>'.repeat(depth)}${body}${'</span></div>'.repeat(depth)}</body></html>`;
}

function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A text that is exactly `bytes` long: a report followed by filler lines. */
function paddedText(head: string, bytes: number): Buffer {
  const out = Buffer.alloc(bytes, '公');
  const headBytes = Buffer.from(head);
  headBytes.copy(out, 0);
  // '公' is 3 bytes in UTF-8: fill whole characters with line breaks so the file stays valid UTF-8.
  const line = Buffer.from(`${'本机关持续推进政务公开标准化规范化建设'.repeat(4)}\n`);
  for (let at = headBytes.length; at < bytes; at += line.length) line.copy(out, at, 0, Math.min(line.length, bytes - at));
  const tail = (bytes - headBytes.length) % line.length;
  if (tail > 0) out.fill(0x0a, bytes - tail); // the last partial line as newlines
  return out;
}

export async function writeHostileSuite(dir: string): Promise<HostileSuite> {
  const cases: HostileCase[] = [];
  const write = (file: string, content: Uint8Array | string, what: string, expect: HostileOutcome, named = false) => {
    const full = path.join(dir, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    cases.push({ file, what, expect, named, id: expect.outcome === 'indexed' ? reportId(createHash('sha256').update(bytes).digest('hex')) : undefined });
  };
  const failed = (reason: IngestErrorCode | 'not a regular file'): HostileOutcome => ({ outcome: 'failed', reason });
  const indexed = (find: string): HostileOutcome => ({ outcome: 'indexed', find });
  const junk = (n: number) => {
    const bytes = randomBytes(n);
    bytes[0] = 0x01; // no accidental magic bytes
    return bytes;
  };
  const pdf = readFileSync(PDF);
  const goodDocx = makeZip(docxEntries(entry('word/document.xml', documentXml(report('青松县人民政府', 2022).split('\n')))));

  // ── Good reports the hostile ones must not disturb ──
  const good = ['白杨县人民政府', '红枫县人民政府', '银杏县人民政府', '翠柏县人民政府', '紫藤县人民政府', '金桂县人民政府', '玉兰县人民政府', '香樟县人民政府'];
  good.forEach((org, i) => {
    write(`good/${String(i).padStart(2, '0')}.txt`, report(org, 2020 + (i % 4)), 'a plain synthetic report', indexed(org));
  });
  write('good/real.pdf', pdf, 'a real PDF report', indexed('洪泽区'));
  write('good/minimal.docx', goodDocx, 'a hand-made .docx report', indexed('青松县人民政府'));

  // ── Random bytes with a report extension ──
  for (const [ext, reason] of [
    ['pdf', 'corrupt pdf'],
    ['docx', 'corrupt docx'],
    ['doc', 'corrupt doc'],
    ['txt', 'undecodable text'],
    ['html', 'undecodable text'],
    ['md', 'undecodable text'],
  ] as const) {
    write(`random/random.${ext}`, junk(64 * 1024), `64 KB of random bytes named .${ext}`, failed(reason));
  }

  // ── Truncated and damaged files ──
  write('cut/head.pdf', pdf.subarray(0, 1000), 'the first 1,000 bytes of a PDF', failed('corrupt pdf'));
  write('cut/half.pdf', pdf.subarray(0, pdf.length >> 1), 'half a PDF (no xref, no trailer)', failed('corrupt pdf'));
  write('cut/half.docx', goodDocx.subarray(0, goodDocx.length >> 1), 'half a .docx (no central directory)', failed('corrupt docx'));
  write('cut/no-document.docx', makeZip([entry('hello.txt', '你好')]), 'a zip without word/document.xml named .docx', failed('corrupt docx'));
  write('cut/bad-xml.docx', makeZip(docxEntries(entry('word/document.xml', '<w:document><w:body><w:p>'))), 'a .docx with broken XML', failed('corrupt docx'));
  write('cut/scan.pdf', pdfWithoutText(3), 'a PDF of drawings only (a scan: no text layer)', failed('no text layer'));

  // ── Zip bombs ──
  const [honest, lying] = await docxBomb(300, [undefined, 4096]);
  write('bomb/declared.docx', honest!, 'a .docx whose 300 MB document.xml is compressed to ~1 MB (declared honestly)', failed('too large'));
  write('bomb/lying.docx', lying!, 'the same bomb claiming 4 KB in its central directory', failed('corrupt docx'));
  write('bomb/under-limit.docx', (await docxBomb(150))[0]!, 'a 150 MB document.xml of one run of text, under the 200 MB zip limit', failed('too large'));

  // ── Size ──
  write(
    'size/over-limit.txt',
    paddedText(report('巨石县人民政府', 2021), DEFAULT_MAX_BYTES + 1),
    'a text file one byte over the 50 MB file limit',
    failed('too large'),
  );
  write(
    'size/fifty-mb.txt',
    paddedText(report('磐石县人民政府', 2021), 50_000_000),
    'a 50 MB (50,000,000 bytes) text report, under the file limit',
    failed('too large'),
  );

  // ── Empty ──
  for (const ext of ['txt', 'pdf', 'docx', 'doc', 'html']) write(`empty/empty.${ext}`, '', `an empty .${ext}`, failed('empty'));
  write('empty/blank.txt', ' \r\n\t\u3000\u00a0\n\ufeff  \n', 'whitespace only (ASCII, ideographic and no-break spaces, a BOM)', failed('empty'));
  write(
    'empty/blank.html',
    '<html><body> <p>&nbsp;</p><script>var a = "政府信息公开";</script> </body></html>',
    'an HTML page with only a script in it',
    failed('empty'),
  );

  // ── Wrong extensions: the bytes decide ──
  write('wrong/pdf-named.docx', pdf, 'a PDF named .docx', { outcome: 'duplicate' });
  write(
    'wrong/docx-named.pdf',
    makeZip(docxEntries(entry('word/document.xml', documentXml(report('松柏县人民政府', 2022).split('\n'))))),
    'a .docx named .pdf',
    indexed('松柏县人民政府'),
  );
  write(
    'wrong/html-named.doc',
    `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre>${htmlEscape(report('梧桐县人民政府', 2022))}</pre></body></html>`,
    'an HTML page named .doc',
    indexed('梧桐县人民政府'),
  );
  write('wrong/text-named.doc', report('芙蓉县人民政府', 2022), 'plain text named .doc', indexed('芙蓉县人民政府'));
  write('wrong/error-page.pdf', '<!DOCTYPE html><html><body>404 页面不存在</body></html>', 'an HTML error page saved as .pdf', failed('corrupt pdf'));
  write('wrong/report.exe', report('杜鹃县人民政府', 2022), 'a report with an unsupported extension, inside the folder', { outcome: 'skipped' });
  write(
    'named/report.xyz',
    report('海棠县人民政府', 2022),
    'a file with an unsupported extension named on the command line',
    failed('unsupported format'),
    true,
  );

  // ── Encodings ──
  write('enc/gbk.txt', iconv.encode(report('兰草县人民政府', 2023), 'gbk'), 'GBK without a BOM', indexed('兰草县人民政府'));
  write(
    'enc/utf16le-bom.txt',
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(report('石榴县人民政府', 2023), 'utf-16le')]),
    'UTF-16 LE with a BOM',
    indexed('石榴县人民政府'),
  );
  write('enc/utf16be.txt', iconv.encode(report('葡萄县人民政府', 2023), 'utf-16be'), 'UTF-16 BE without a BOM', indexed('葡萄县人民政府'));
  write(
    'enc/gb18030.html',
    Buffer.concat([
      Buffer.from('<html><head><meta charset="gb18030"></head><body><pre>'),
      iconv.encode(htmlEscape(report('柠檬县人民政府', 2023)), 'gb18030'),
      Buffer.from('</pre></body></html>'),
    ]),
    'an HTML page in GB18030',
    indexed('柠檬县人民政府'),
  );
  write('enc/nul-bytes.txt', Buffer.alloc(8192), '8 KB of NUL bytes named .txt', failed('undecodable text'));

  // ── Markup in the text ──
  write(
    'markup/script.txt',
    report('荷花县人民政府', 2021, MARKUP),
    'a report whose text holds <script>, <img onerror>, <em> and </script>',
    indexed('荷花县人民政府'),
  );
  write(
    'markup/script.md',
    report('菊花县人民政府', 2021, `${MARKUP}\n\n[link](javascript:alert(1))`),
    'the same in Markdown with a javascript: link',
    indexed('菊花县人民政府'),
  );
  write(
    'markup/script.html',
    `<!DOCTYPE html><html><head><meta charset="utf-8"><script>alert("head")</script><style>body{}</style></head><body onload="alert(2)"><pre>${htmlEscape(report('梅花县人民政府', 2021, MARKUP))}</pre><script>document.write("<h1>政府信息公开</h1>")</script><img src=x onerror="alert(3)"></body></html>`,
    'an HTML report with live scripts, handlers and escaped markup in its text',
    indexed('梅花县人民政府'),
  );
  write(
    'markup/script.docx',
    makeZip(docxEntries(entry('word/document.xml', documentXml(report('桃花县人民政府', 2021, htmlEscape(MARKUP)).split('\n').map(htmlEscape))))),
    'a .docx whose text holds the markup',
    indexed('桃花县人民政府'),
  );
  write(
    'markup/nested.html',
    deeplyNested(20_000, `<pre>${htmlEscape(report('杏花县人民政府', 2021))}</pre>`),
    'a report under 40,000 nested elements',
    failed('too large'),
  );
  write(
    'markup/nested-400.html',
    deeplyNested(200, `<pre>${htmlEscape(report('杏花县人民政府', 2022))}</pre>`),
    'a report under 400 nested elements',
    indexed('杏花县人民政府'),
  );
  const rtf = `{\\rtf1\\ansi\\ansicpg936 ${'{'.repeat(100_000)}${report('桂花县人民政府', 2021).replace(/\n/g, '\\par ')}${'}'.repeat(100_000)}}`;
  write('markup/nested.doc', iconv.encode(rtf, 'gbk'), 'an RTF .doc (GBK) with 100,000 nested groups', indexed('桂花县人民政府'));
  write('markup/long-line.txt', report('李花县人民政府', 2021, '政'.repeat(500_000)), 'a report with one 500,000-character line', indexed('李花县人民政府'));
  write('markup/too-long.txt', report('桔花县人民政府', 2021, '政'.repeat(1_100_000)), 'a report of 1.1 million characters (3.3 MB)', failed('too large'));

  // ── Names ──
  write('names/..\\..\\etc\\passwd.txt', report('樱桃县人民政府', 2024), 'a name that is a Windows path escape (..\\..\\)', { outcome: 'skipped' });
  write('names/report..%2F..%2Fescape.txt', report('核桃县人民政府', 2024), 'a name with encoded ../', indexed('核桃县人民政府'));
  write(
    'names/ctl\u0001\u001b[31mred\u0007\r.txt',
    report('板栗县人民政府', 2024),
    'control characters (SOH, an ANSI escape, BEL, CR) in the name',
    indexed('板栗县人民政府'),
  );
  write('names/\u001b[2J\u001b[Hclear-screen\u202e.pdf', junk(2048), 'a broken PDF whose name clears the screen and reverses the text', failed('corrupt pdf'));
  write('names/line\nbreak "quote" <b>.txt', report('山楂县人民政府', 2024), 'a newline, quotes and markup in the name', indexed('山楂县人民政府'));
  write('names/ 空格 与 中文 .txt', report('枇杷县人民政府', 2024), 'spaces and Chinese in the name', indexed('枇杷县人民政府'));
  write(`names/long-${'长'.repeat(70)}.txt`, report('龙眼县人民政府', 2024), 'a 250-byte name', indexed('龙眼县人民政府'));

  // ── Duplicates, and things that are not files ──
  write('z-dup/same-bytes.txt', report('白杨县人民政府', 2020), 'the same bytes as good/00.txt', { outcome: 'duplicate' });
  const device = path.join(dir, 'named', 'zero.txt');
  symlinkSync('/dev/zero', device);
  cases.push({ file: 'named/zero.txt', what: 'a link to /dev/zero named .txt, named on the command line', expect: failed('not a regular file'), named: true });
  // A link into the walked folder is skipped by the walk (links are not followed).
  symlinkSync('/dev/urandom', path.join(dir, 'random', 'urandom.pdf'));
  cases.push({ file: 'random/urandom.pdf', what: 'a link to /dev/urandom inside the folder', expect: { outcome: 'skipped' } });

  const paths = [dir, ...cases.filter((c) => c.named).map((c) => path.join(dir, c.file))];
  return { dir, cases, paths };
}
