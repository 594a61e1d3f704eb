import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listRuns } from '../../lib/admin/history';
import { currentRun, exclusively, settledRun, startRun } from '../../lib/admin/run-manager';
import { reloadConfig } from '../../lib/config';
import { dataPaths } from '../../lib/config/paths';
import { createMeiliClient } from '../../lib/engine/client';
import { getOrCreateIndexingKey, getOrCreateSearchKey } from '../../lib/engine/keys';
import { engineSearch } from '../../lib/engine/transport';
import { runIndex } from '../../lib/indexer';
import { startTestMeili, type TestMeili } from '../support/meili';
import { syntheticReportText } from '../support/reports';
import { sampleReports } from '../support/temp';

/**
 * The admin's runs against a real Meilisearch, with the app's scoped keys: the indexing key the
 * run manager uses (what POST /api/admin/runs calls) and the search-only key the search page
 * uses. Searches in a loop during a full reindex must never fail nor see a half-built index.
 */
describe('admin runs with the scoped indexing key', () => {
  let meili: TestMeili;
  let searchKey: string;
  let paths: ReturnType<typeof dataPaths>;
  let initialCount: number;

  before(async () => {
    meili = await startTestMeili();
    // Not tempDir(): its clean-up hook, registered from inside `before`, ran before the tests.
    paths = dataPaths(path.join(mkdtempSync(path.join(tmpdir(), 'nianbao-admin-data-')), 'data'));
    cpSync(sampleReports, paths.reports, { recursive: true });
    const initial = await runIndex({
      paths: [paths.reports],
      connection: { url: meili.url, apiKey: meili.masterKey },
      index: 'reports',
      runsDir: null,
      baseDir: paths.base,
    });
    assert.equal(initial.exitCode, 0, initial.fatal ?? '');
    initialCount = initial.documentsInIndex!;
    const master = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
    searchKey = await getOrCreateSearchKey(master, 'reports');
    const indexingKey = await getOrCreateIndexingKey(master, 'reports');
    assert.equal(await getOrCreateIndexingKey(master, 'reports'), indexingKey, 'the same key on the next start');
    Object.assign(process.env, { MEILI_URL: meili.url, MEILI_ADMIN_KEY: indexingKey, MEILI_INDEX: 'reports', NIANBAO_DATA_DIR: paths.root });
    delete process.env.MEILI_MASTER_KEY;
    reloadConfig();
  });

  after(async () => {
    await settledRun();
    await meili?.stop();
    if (paths) rmSync(paths.base, { recursive: true, force: true });
  });

  it('a full reindex completes while searches in a loop all answer with the same total', async () => {
    const connection = { url: meili.url, apiKey: searchKey, index: 'reports' };
    const query = { q: '政府信息公开', page: 1, hitsPerPage: 5 };
    const before = (await engineSearch(connection, query)).totalHits;
    assert.ok(before && before > 0);

    const started = await startRun('full', 'tester@example.org');
    assert.ok('started' in started);
    const second = await startRun('incremental', 'other@example.org');
    assert.ok('busy' in second && second.reason === 'run_in_progress', 'one run at a time');
    assert.equal(await exclusively('remove', async () => 1), null, 'no removal during a run');

    let searches = 0;
    const failures: string[] = [];
    const totals = new Set<number>();
    let sawProgress = false;
    while (currentRun()?.state === 'running') {
      try {
        totals.add((await engineSearch(connection, query)).totalHits ?? -1);
      } catch (error) {
        failures.push((error as Error).message);
      }
      searches++;
      if ((currentRun()?.done ?? 0) > 0) sawProgress = true;
    }
    await settledRun();
    const result = currentRun()?.summary;
    assert.deepEqual(failures, []);
    assert.ok(searches > 5, `searched ${searches} times during the run`);
    assert.deepEqual([...totals], [before]);
    assert.ok(sawProgress, 'progress counts move during the run');
    assert.ok(result);
    assert.equal(result.fatal, null);
    assert.equal(result.exitCode, 0);
    assert.equal(result.documentsInIndex, initialCount);
    const run = currentRun();
    assert.equal(run?.state, 'finished');
    assert.equal(run?.summary?.by, 'tester@example.org');
    assert.equal(run?.done, run?.total);
  });

  it('an incremental run indexes a new upload and the history records who ran what', async () => {
    writeFileSync(
      path.join(paths.reports, 'uploads-new.txt'),
      syntheticReportText({ organization: '正定县人民政府', year: 2019, newReceived: 12, carriedOver: 1, carriedForward: 2, normativeDocuments: [1, 0, 3] }),
    );
    const started = await startRun('incremental', 'tester@example.org');
    assert.ok('started' in started);
    const result = await settledRun();
    assert.equal(result?.fatal, null);
    assert.equal(result?.indexed, 1);
    const runs = await listRuns(paths.runs);
    assert.deepEqual(
      runs.slice(0, 2).map((r) => [r.mode, r.by, r.indexed]),
      [
        ['incremental', 'tester@example.org', 1],
        ['full', 'tester@example.org', initialCount],
      ],
    );
  });
});
