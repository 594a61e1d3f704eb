import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { parseReport } from '../../lib/report';
import { generateCorpus } from '../support/synth/index';

// The parser against the generator's ground truth. A miss here is a parser finding, not a reason
// to change the generator: see the shapes listed in the failure message.
test('the parser reads year and table 三 新收 总计 of synthetic reports (≥ 90%)', () => {
  const reports = [...generateCorpus({ seed: 'parser', count: 60 })];
  const misses: string[] = [];
  let year = 0;
  let newReceived = 0;
  for (const { manifest: m, text } of reports) {
    const bytes = Buffer.byteLength(text);
    const doc = parseReport(text, {
      fileName: m.file.replace('/', '_'),
      format: 'txt',
      encoding: 'utf-8',
      sha256: createHash('sha256').update(text).digest('hex'),
      bytes,
    });
    if (doc.year === m.year) year++;
    else misses.push(`${m.file} year ${doc.year} ≠ ${m.year}`);
    if (doc.applications.newReceived === m.newReceived) newReceived++;
    else misses.push(`${m.file} (${m.template}, ${m.shape}, zero "${m.zero}") 新收 ${doc.applications.newReceived} ≠ ${m.newReceived}`);
  }
  const n = reports.length;
  assert.ok(year / n >= 0.9, `year ${year}/${n}\n${misses.join('\n')}`);
  assert.ok(newReceived / n >= 0.9, `新收 ${newReceived}/${n}\n${misses.join('\n')}`);
});
