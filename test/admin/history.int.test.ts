import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { listRuns } from '../../lib/admin/history';
import { runIndex } from '../../lib/indexer';
import { runReportFileName } from '../../lib/indexer/run-report';
import { startTestMeili } from '../support/meili';
import { tempDir } from '../support/temp';

describe('run history', () => {
  it('lists the run reports newest first with who, mode, counts and failures; skips foreign files', async () => {
    const meili = await startTestMeili();
    try {
      const reports = tempDir();
      const runsDir = tempDir();
      writeFileSync(path.join(reports, 'broken.pdf'), 'not a pdf');
      writeFileSync(path.join(reports, 'empty.txt'), '');
      const connection = { url: meili.url, apiKey: meili.masterKey };
      await runIndex({ paths: [reports], connection, index: 'reports', runsDir, meta: { by: 'a@example.org', trigger: 'admin' } });
      writeFileSync(path.join(runsDir, 'notes.json'), '{"hello":1}');
      writeFileSync(path.join(runsDir, runReportFileName(new Date(Date.now() + 60_000))), '{ half-written');
      const runs = await listRuns(runsDir);
      assert.equal(runs.length, 1);
      assert.equal(runs[0].by, 'a@example.org');
      assert.equal(runs[0].mode, 'full');
      assert.equal(runs[0].failures.length, 2);
      assert.ok(runs[0].failures.every((failure) => failure.reason.length > 0));
      assert.ok(runs[0].fatal, 'nothing indexed: the run says why');
    } finally {
      await meili.stop();
    }
  });

  it('is empty when the folder does not exist', async () => {
    assert.deepEqual(await listRuns(path.join(tempDir(), 'missing')), []);
  });
});
