import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { fromStoredReport } from '../../lib/document/indexed-report';
import { createMeiliClient } from '../../lib/engine/client';
import { startTestMeili, type TestMeili } from '../support/meili';
import { type SiteServer, siteManifest, startSiteServer } from '../support/site-server';
import { repoRoot, tempDir } from '../support/temp';

/** npm run harvest end to end: the fixture site crawled, the reports indexed with their origin. */

let site: SiteServer;
let meili: TestMeili;
before(async () => {
  site = await startSiteServer();
  meili = await startTestMeili();
});
after(async () => {
  await site.close();
  await meili.stop();
});

/** Not spawnSync: the site server answers from this process, whose event loop must keep running. */
function harvest(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/harvest.ts', ...args],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

test('npm run harvest crawls a column, stores its reports and indexes them with their original URL', async () => {
  const data = tempDir('nianbao-harvest-cli-');
  const env = {
    NIANBAO_DATA_DIR: data,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX: 'harvested',
    NIANBAO_HARVEST_ALLOW_LOOPBACK: '1',
  };
  const column = `${site.origin}${siteManifest().columns.county[0]}`;
  const run = await harvest(['--rate', '50', column], env);
  // The column links one report under robots.txt's Disallow: a named failure, so exit code 1.
  assert.equal(run.status, 1, run.stderr + run.stdout);
  assert.match(run.stdout, /harvest of 1 source\(s\)/);
  assert.match(run.stdout, /robots/);
  assert.match(run.stdout, /incremental update of "harvested"/);

  const client = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
  const { results } = await client.index('harvested').getDocuments({ limit: 100 });
  const docs = results.map((d) => fromStoredReport(d as Record<string, unknown>));
  const county = siteManifest().reports.filter((r) => r.url.startsWith('/xxgk/zfxxgknb/') && r.robots !== 'disallowed');
  // The column's own reports, at least (its page links the site's other report columns, which are crawled too).
  const origins = new Set(docs.map((d) => d.origin?.url));
  for (const report of county) assert.ok(origins.has(`${site.origin}${report.url}`), report.url);
  assert.ok(
    docs.every((d) => d.origin && d.sourcePath.includes('harvest/files/')),
    'every document is a harvested file with its origin',
  );
  const latest = docs.find((d) => d.origin?.url === `${site.origin}${county[0]!.url}`);
  assert.ok(latest, 'the report keeps its original URL');
  assert.equal(latest.year, county[0]!.year);
  assert.match(latest.sourcePath, /harvest\/files\//);
  assert.ok(latest.origin?.fetchedAt && latest.origin.listingUrl);

  // Without loopback allowed, the same command refuses the address and does nothing.
  const refused = await harvest([column, '--no-index'], { ...env, NIANBAO_HARVEST_ALLOW_LOOPBACK: '0', NIANBAO_DATA_DIR: tempDir('nianbao-harvest-cli-') });
  assert.equal(refused.status, 2, refused.stdout);
  assert.match(refused.stdout, /refused address/);
});

test('npm run harvest names a bad option or source in one line', async () => {
  const bad = await harvest(['--rate', '0', 'https://x.gov.cn/'], { NIANBAO_DATA_DIR: tempDir('nianbao-harvest-cli-') });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--rate must be/);
  const none = await harvest([], { NIANBAO_DATA_DIR: tempDir('nianbao-harvest-cli-') });
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no sources/);
  const url = await harvest(['ftp://x.gov.cn/'], { NIANBAO_DATA_DIR: tempDir('nianbao-harvest-cli-') });
  assert.equal(url.status, 2);
  assert.match(url.stderr, /http/);
});
