import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { toIndexedReport } from '../../lib/document/indexed-report';
import { compareVersions } from '../../lib/provenance/versions';
import { originOf, parseReportFile } from '../../lib/report';
import { syntheticReportText } from '../support/reports';
import { tempDir } from '../support/temp';

const body = { organization: '滨海县人民政府', year: 2023, carriedOver: 1, carriedForward: 2, normativeDocuments: [4, 1, 20] as [number, number, number] };

test('an edited report: the figures that changed (old → new) and the sentences removed and added', async () => {
  const data = tempDir('nianbao-versions-');
  const folder = path.join(data, 'harvest', 'files', 'x.gov.cn', 'k', '.versions');
  mkdirSync(folder, { recursive: true });
  const oldText = syntheticReportText({ ...body, newReceived: 12 });
  const newText = syntheticReportText({ ...body, newReceived: 15 }).replace('一、总体情况', '一、总体情况\n本报告于发布后作了更正。');
  writeFileSync(path.join(folder, '20240101-aaaaaaaa-report.txt'), oldText);
  const current = path.join(data, 'harvest', 'files', 'x.gov.cn', 'k', 'report.txt');
  writeFileSync(current, newText);
  const origin = originOf({
    url: 'https://www.binhai.gov.cn/zfxxgknb/report.html',
    fetchedAt: '2024-03-01T00:00:00.000Z',
    versions: [{ file: 'harvest/files/x.gov.cn/k/.versions/20240101-aaaaaaaa-report.txt', sha256: 'a'.repeat(64), fetchedAt: '2024-02-01T00:00:00.000Z' }],
  });
  const doc = toIndexedReport(await parseReportFile(current, { origin }), 'data/harvest/files/x.gov.cn/k/report.txt');
  assert.equal(doc.changedAfterPublication, true);
  const [comparison] = await compareVersions(doc, data);
  assert.ok(comparison);
  assert.equal(comparison.from.fetchedAt, '2024-02-01T00:00:00.000Z');
  assert.equal(comparison.to.fetchedAt, '2024-03-01T00:00:00.000Z');
  assert.deepEqual(
    comparison.figures.find((f) => f.label === '新收申请'),
    { label: '新收申请', before: '12', after: '15' },
  );
  const overview = comparison.sections.find((s) => s.section === '一、总体情况');
  assert.ok(
    overview?.changes.some((c) => c.kind === 'added' && c.text.includes('发布后作了更正')),
    JSON.stringify(overview),
  );
});

test('a report without earlier versions has nothing to compare; a lost earlier file is named, not thrown', async () => {
  const data = tempDir('nianbao-versions-');
  const file = path.join(data, 'r.txt');
  writeFileSync(file, syntheticReportText({ ...body, newReceived: 3 }));
  const plain = toIndexedReport(await parseReportFile(file), 'r.txt');
  assert.equal(plain.changedAfterPublication, false);
  assert.deepEqual(await compareVersions(plain, data), []);
  const origin = originOf({
    url: 'https://x.gov.cn/r.html',
    versions: [{ file: 'missing.txt', sha256: 'b'.repeat(64), fetchedAt: '2024-01-01T00:00:00.000Z' }],
  });
  const lost = toIndexedReport(await parseReportFile(file, { origin }), 'r.txt');
  const [comparison] = await compareVersions(lost, data);
  assert.match(comparison?.problem ?? '', /missing\.txt: unreadable: file not found/);
});
