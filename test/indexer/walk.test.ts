import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { countReportFiles, type WalkItem, walkReportFiles } from '../../lib/indexer/walk';
import { tempDir } from '../support/temp';

async function collect(paths: string[]): Promise<WalkItem[]> {
  const items: WalkItem[] = [];
  for await (const item of walkReportFiles(paths)) items.push(item);
  return items;
}

test('walk: recursive, sorted, skips dotfiles, README and unsupported files inside folders', async () => {
  const root = tempDir();
  mkdirSync(path.join(root, 'b', 'web'), { recursive: true });
  mkdirSync(path.join(root, '.hidden'));
  for (const name of ['z.txt', 'a.pdf', 'notes.xyz', '.secret.txt', 'README.md', 'b/c.docx', 'b/web/1.txt', 'b/web/.partial', '.hidden/x.txt']) {
    writeFileSync(path.join(root, name), 'x');
  }
  const items = await collect([root]);
  assert.deepEqual(
    items.map((i) => (i.kind === 'file' ? `${path.relative(root, i.file)}${i.partial ? ' (partial)' : ''}` : `invalid ${i.file}`)),
    ['a.pdf', 'b/c.docx', 'b/web/1.txt (partial)', 'z.txt'],
  );
  assert.equal(await countReportFiles([root]), 4);
});

test('walk: a named unsupported or missing file is a failure with a reason; a named file in a .partial folder is partial', async () => {
  const root = tempDir();
  writeFileSync(path.join(root, 'bad.xyz'), 'x');
  writeFileSync(path.join(root, '.partial'), '');
  writeFileSync(path.join(root, 'one.txt'), 'x');
  const items = await collect([path.join(root, 'bad.xyz'), path.join(root, 'missing.txt'), path.join(root, 'one.txt')]);
  assert.equal(items[0].kind, 'invalid');
  assert.match((items[0] as { reason: string }).reason, /unsupported format: "\.xyz"/);
  assert.deepEqual(items[1], { kind: 'invalid', file: path.join(root, 'missing.txt'), reason: 'no such file or folder' });
  assert.deepEqual(items[2], { kind: 'file', file: path.join(root, 'one.txt'), partial: true });
  assert.equal(await countReportFiles([path.join(root, 'bad.xyz'), path.join(root, 'missing.txt'), path.join(root, 'one.txt')]), 3);
});
