import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { inProcessParser, type ParseJob } from '../../lib/indexer/parse-file';
import { walkReportFiles } from '../../lib/indexer/walk';
import { createParsePool, defaultParseThreads, parserFor } from '../../lib/indexer/workers';

const INDEXED_AT = '2026-12-06T00:00:00.000Z';

async function jobs(folder: string): Promise<ParseJob[]> {
  const out: ParseJob[] = [];
  for await (const item of walkReportFiles([folder])) {
    if (item.kind === 'file') out.push({ file: item.file, partial: item.partial, sourcePath: path.relative(folder, item.file), indexedAt: INDEXED_AT });
  }
  return out;
}

test('the worker pool parses every sample report exactly as the main thread does, failures included', async () => {
  const all = [...(await jobs('data/reports/files')), ...(await jobs('data/reports/seeds')), ...(await jobs('data/reports/web')).slice(0, 30)];
  // a file that cannot be read is a failure with its reason, from a worker as from the main thread
  all.push({ file: 'data/reports/no-such-file.pdf', partial: false, sourcePath: 'no-such-file.pdf', indexedAt: INDEXED_AT });
  const pool = createParsePool(2);
  try {
    assert.equal(pool.threads, 2);
    const [fromPool, inProcess] = await Promise.all([
      Promise.all(all.map((job) => pool.parse(job))),
      Promise.all(all.map((job) => inProcessParser.parse(job))),
    ]);
    assert.ok(all.length > 30, `${all.length} files`);
    assert.equal(fromPool.filter((o) => o.kind === 'doc').length, all.length - 1);
    assert.equal(fromPool.at(-1)?.kind, 'failed');
    assert.deepEqual(fromPool, inProcess);
  } finally {
    await pool.close();
  }
});

test('parse threads by default: one per four cores; one thread parses in-process', () => {
  assert.deepEqual(
    [1, 2, 4, 8, 16].map((cores) => defaultParseThreads(cores)),
    [1, 1, 1, 2, 4],
  );
  assert.equal(parserFor(1), inProcessParser);
});
