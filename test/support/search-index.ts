import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { reloadConfig } from '../../lib/config';
import { createMeiliClient } from '../../lib/engine/client';
import { getOrCreateSearchKey } from '../../lib/engine/keys';
import { runIndex } from '../../lib/indexer';
import { startTestMeili, type TestMeili } from './meili';
import { type SyntheticReport, syntheticReportText } from './reports';
import { sampleReports, tempDir } from './temp';

/**
 * A real Meilisearch holding the sample reports (plus any extra report files a test writes), and
 * the app's environment pointed at it with a search-only key — what `next start` gets from
 * `npm run portal`. One per test file: call in `before`, stop in `after`.
 */

export interface SearchFixture {
  meili: TestMeili;
  /** Documents in the index. */
  count: number;
  searchKey: string;
}

export interface ExtraReport extends SyntheticReport {
  /** File name in the extra folder. */
  file: string;
  /** Appended to the overview (e.g. hostile markup). */
  extraText?: string;
}

function writeExtraReports(reports: readonly ExtraReport[]): string {
  const dir = tempDir('nianbao-extra-');
  for (const report of reports) {
    const text = syntheticReportText(report).replace('一、总体情况', `一、总体情况\n${report.extraText ?? ''}`);
    writeFileSync(path.join(dir, report.file), text);
  }
  return dir;
}

export async function startSearchFixture(extra: readonly ExtraReport[] = []): Promise<SearchFixture> {
  const meili = await startTestMeili();
  const paths = [sampleReports];
  if (extra.length) paths.push(writeExtraReports(extra));
  const result = await runIndex({ paths, connection: { url: meili.url, apiKey: meili.masterKey }, index: 'reports', runsDir: null });
  if (result.exitCode !== 0 || result.documentsInIndex === null) throw new Error(`indexing failed: ${result.fatal ?? JSON.stringify(result.failed)}`);
  const searchKey = await getOrCreateSearchKey(createMeiliClient({ url: meili.url, apiKey: meili.masterKey }), 'reports');
  process.env.MEILI_URL = meili.url;
  process.env.MEILI_SEARCH_KEY = searchKey;
  process.env.MEILI_INDEX = 'reports';
  delete process.env.MEILI_MASTER_KEY;
  reloadConfig();
  return { meili, count: result.documentsInIndex, searchKey };
}
