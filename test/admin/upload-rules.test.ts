import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeUploadName, UPLOAD_EXTENSIONS } from '../../lib/admin/upload-rules';
import { SUPPORTED_EXTENSIONS } from '../../lib/ingest';

describe('upload names', () => {
  it('accepts exactly the formats the ingest reads', () => {
    assert.deepEqual([...UPLOAD_EXTENSIONS].sort(), [...SUPPORTED_EXTENSIONS].sort());
  });

  it('keeps readable Chinese names and lower-cases the extension', () => {
    assert.equal(safeUploadName('淮安市2024年政府信息公开工作年度报告.PDF'), '淮安市2024年政府信息公开工作年度报告.pdf');
    assert.equal(safeUploadName('report (final).docx'), 'report (final).docx');
  });

  it('defuses path tricks, hidden files and odd characters', () => {
    assert.equal(safeUploadName('../../etc/passwd.txt'), 'passwd.txt');
    assert.equal(safeUploadName('..\\..\\windows\\win.ini.txt'), 'win.ini.txt');
    assert.equal(safeUploadName('.hidden.txt'), 'hidden.txt');
    assert.equal(safeUploadName('a<b>c|d?*.md'), 'a_b_c_d_.md');
    assert.equal(safeUploadName('x\u0000y.txt'), 'x_y.txt');
    assert.equal(safeUploadName('....txt'), null);
    assert.equal(safeUploadName('.txt'), null);
    assert.equal(safeUploadName('evil.exe'), null);
    assert.equal(safeUploadName('report.pdf.exe'), null);
    assert.equal(safeUploadName('noextension'), null);
  });

  it('caps long names', () => {
    const name = safeUploadName(`${'长'.repeat(400)}.txt`);
    assert.ok(name && name.length <= 124);
  });
});
