import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { archivedFile, archiveHeaders } from '../../lib/provenance/archive';
import { tempDir } from '../support/temp';

function dataFolder(): string {
  const data = tempDir('nianbao-archive-');
  const dir = path.join(data, 'harvest', 'files', 'www.x.gov.cn', 'abc');
  mkdirSync(path.join(dir, '.versions'), { recursive: true });
  writeFileSync(path.join(dir, 'report.html'), '<html><script>alert(1)</script>报告</html>');
  writeFileSync(path.join(dir, 'report.html.source.json'), JSON.stringify({ url: 'https://www.x.gov.cn/r.html', contentType: 'text/html; charset=GBK' }));
  writeFileSync(path.join(dir, 'report.pdf'), '%PDF-1.4');
  writeFileSync(path.join(dir, '.versions', '20240101-aaaa-report.html'), '<html>旧</html>');
  mkdirSync(path.join(data, 'admin'), { recursive: true });
  writeFileSync(path.join(data, 'admin', 'users'), 'admin@x:$2b$…');
  mkdirSync(path.join(data, 'reports'), { recursive: true });
  writeFileSync(path.join(data, 'reports', 'a.txt'), '报告');
  symlinkSync(path.join(data, 'admin', 'users'), path.join(data, 'reports', 'users.txt'));
  return data;
}

test('archived copies: harvested files, their earlier versions and report files, with their own type', () => {
  const data = dataFolder();
  const page = archivedFile(data, 'harvest/files/www.x.gov.cn/abc/report.html');
  assert.equal(page?.contentType, 'text/html; charset=gbk');
  assert.equal(page?.disposition, 'inline');
  assert.equal(archivedFile(data, 'harvest/files/www.x.gov.cn/abc/report.pdf')?.disposition, 'attachment');
  assert.ok(archivedFile(data, 'harvest/files/www.x.gov.cn/abc/.versions/20240101-aaaa-report.html'));
  assert.equal(archivedFile(data, 'reports/a.txt')?.contentType, 'text/plain; charset=utf-8');
  const headers = archiveHeaders(page!, 'inline');
  assert.match(headers['content-security-policy']!, /default-src 'none'.*sandbox/);
  assert.equal(headers['x-content-type-options'], 'nosniff');
});

test('nothing else of the data folder: no traversal, no dot files, no sidecars, no links out, no other folders', () => {
  const data = dataFolder();
  for (const bad of [
    'admin/users',
    'harvest/files/../../admin/users',
    'harvest/state.json',
    'harvest/files/www.x.gov.cn/abc/report.html.source.json',
    'harvest/files/www.x.gov.cn/.hidden/x.html',
    'reports/users.txt',
    'reports//a.txt',
    '/etc/passwd',
    'reports/a.txt\0.pdf',
    'reports\\a.txt',
    'harvest/files/www.x.gov.cn/abc/missing.pdf',
  ]) {
    assert.equal(archivedFile(data, bad), null, bad);
  }
});
