import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IndexedSummary } from '../../lib/engine/indexes';
import { RunLedger } from '../../lib/indexer/ledger';

const summary = (over: Partial<IndexedSummary>): IndexedSummary => ({
  id: 'a'.repeat(16),
  sourcePath: 'files/huaian-hongze-2023.pdf',
  bodyKey: '320813|政府',
  year: 2023,
  yearFigures: null,
  failedChecks: 0,
  crossYearChecks: [],
  parserVersion: 8,
  fileStamp: '1024:1733450000000',
  ...over,
});

test('an incremental run skips reading a file only when its size, mtime and parser version are as indexed', () => {
  const ledger = new RunLedger();
  ledger.rememberIndexed(summary({}));
  ledger.rememberIndexed(summary({ id: 'b'.repeat(16), sourcePath: 'old.txt', fileStamp: null }));
  const path = 'files/huaian-hongze-2023.pdf';
  assert.equal(ledger.unchangedByStamp(path, '1024:1733450000000', 8), 'a'.repeat(16));
  assert.equal(ledger.unchangedByStamp(path, '1024:1733450000001', 8), null, 'touched: read and hash it');
  assert.equal(ledger.unchangedByStamp(path, '1025:1733450000000', 8), null, 'another size');
  assert.equal(ledger.unchangedByStamp(path, '1024:1733450000000', 9), null, 'a newer parser reads it again');
  assert.equal(ledger.unchangedByStamp('other.pdf', '1024:1733450000000', 8), null, 'another path');
  assert.equal(ledger.unchangedByStamp('old.txt', 'anything', 8), null, 'stored before stamps existed');
});
