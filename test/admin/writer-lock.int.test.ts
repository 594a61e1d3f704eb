import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { acquireWriterLock, WriterBusy } from '../../lib/writer-lock';
import { syntheticReportText } from '../support/reports';
import { repoRoot, tempDir } from '../support/temp';

test('a second writer of the same data folder is told who holds it, in this process and in another', async () => {
  const data = tempDir('nianbao-lock-');
  const release = await acquireWriterLock(data, 'a harvest (test)');
  try {
    await assert.rejects(acquireWriterLock(data, 'another writer'), (error: unknown) => {
      assert.ok(error instanceof WriterBusy);
      assert.match(error.message, /a harvest \(test\) \(pid \d+, since /);
      return true;
    });
    // npm run index against the same folder stops before it touches anything: exit 2, one line.
    const reports = path.join(data, 'reports');
    mkdirSync(reports);
    writeFileSync(
      path.join(reports, 'one-2023.txt'),
      syntheticReportText({ organization: '锁测试镇人民政府', year: 2023, newReceived: 1, carriedOver: 0, carriedForward: 0, normativeDocuments: [0, 0, 0] }),
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/index.ts', reports], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NIANBAO_DATA_DIR: data, MEILI_URL: 'http://127.0.0.1:9', MEILI_MASTER_KEY: 'x'.repeat(32) },
      timeout: 30_000,
    });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr.trim(), /^another writer holds the data folder: a harvest \(test\)/);
    assert.equal(existsSync(path.join(data, 'runs')), false, 'nothing written');
  } finally {
    await release();
  }
  // Released: the next writer gets it.
  const again = await acquireWriterLock(data, 'the next writer');
  await again();
});

test('the lock of a writer that was killed is taken over at once', async () => {
  const data = tempDir('nianbao-lock-');
  // A child takes the lock and is SIGKILLed: it never releases.
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import('./lib/writer-lock.ts').then(async (m) => { await m.acquireWriterLock(${JSON.stringify(data)}, 'a killed writer'); process.kill(process.pid, 'SIGKILL'); })`,
    ],
    { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 },
  );
  assert.equal(child.signal, 'SIGKILL', child.stderr);
  assert.ok(existsSync(path.join(data, '.writer.lock')), 'the killed writer left its lock');
  const release = await acquireWriterLock(data, 'the next writer');
  await release();
});
