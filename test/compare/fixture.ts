import path from 'node:path';
import { reloadConfig } from '../../lib/config';
import { createMeiliClient } from '../../lib/engine/client';
import { getOrCreateSearchKey } from '../../lib/engine/keys';
import { runIndex } from '../../lib/indexer';
import { startTestMeili, type TestMeili } from '../support/meili';
import { sampleReports } from '../support/temp';

/**
 * A real Meilisearch with the sample reports and the e2e fixtures (e2e/fixtures: three townships
 * of 甘肃省天水市麦积区 with known figures — 社棠镇 and 甘泉镇 2022 and 2023, 马跑泉镇 2022 only,
 * 甘泉镇 2023 failing rule 4), the app's environment pointed at it with a search-only key.
 */

const E2E_FIXTURES = path.join(import.meta.dirname, '..', '..', 'e2e', 'fixtures');

export const SHETANG = '620503100|政府';
export const GANQUAN = '620503102|政府';
export const MAPAOQUAN = '620503101|政府';

export async function startViewsFixture(): Promise<TestMeili> {
  const meili = await startTestMeili();
  const result = await runIndex({
    paths: [sampleReports, E2E_FIXTURES],
    connection: { url: meili.url, apiKey: meili.masterKey },
    index: 'reports',
    runsDir: null,
  });
  if (result.exitCode !== 0) throw new Error(`indexing failed: ${result.fatal ?? JSON.stringify(result.failed)}`);
  const searchKey = await getOrCreateSearchKey(createMeiliClient({ url: meili.url, apiKey: meili.masterKey }), 'reports');
  process.env.MEILI_URL = meili.url;
  process.env.MEILI_SEARCH_KEY = searchKey;
  process.env.MEILI_INDEX = 'reports';
  delete process.env.MEILI_MASTER_KEY;
  reloadConfig();
  return meili;
}
