/**
 * The browser tests' server: a real Meilisearch in a throw-away folder, the sample reports and
 * the e2e fixtures indexed into it, then `next start` with a search-only key — the same shape as
 * `npm run portal`, isolated from data/meili. Playwright's webServer runs it
 * (`node --import tsx e2e/support/serve.ts`) and waits for /api/health; on SIGTERM/SIGINT the app
 * and the engine stop and the folder is removed.
 *
 *   E2E_PORT   port of the web app (default 3100)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runIndex } from '../../lib/indexer';
import { createMeiliClient } from '../../lib/search/client';
import { generateSecret, startEmbeddedMeili, type EmbeddedMeili } from '../../lib/search/embedded';
import { getOrCreateSearchKey } from '../../lib/search/keys';
import { projectRoot } from '../../lib/search/local-env';

const port = Number(process.env.E2E_PORT ?? 3100);
const index = 'reports';
const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');
/** What gets indexed: the bundled real reports and the test-only fixtures. */
const reportPaths = [path.join(projectRoot, 'data', 'reports'), path.join(projectRoot, 'e2e', 'fixtures')];

function say(message: string): void {
  process.stderr.write(`[e2e-serve] ${message}\n`);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-e2e-meili-'));
let meili: EmbeddedMeili | undefined;
let app: ChildProcess | undefined;
let stopping: Promise<never> | undefined;

function removeDataDir(): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Stops the app, then the engine, then removes the folder; exits with `code`. */
function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    if (app && app.exitCode === null && app.signalCode === null) {
      app.kill('SIGTERM');
      const timer = setTimeout(() => app?.kill('SIGKILL'), 5_000);
      await new Promise((resolve) => app!.once('exit', resolve));
      clearTimeout(timer);
    }
    await meili?.stop().catch(() => {});
    removeDataDir();
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(0));
// A crash between start-up steps must not leave the engine running or the folder behind.
process.on('uncaughtException', (error) => {
  say(`failed: ${error.stack ?? error.message}`);
  void shutdown(1);
});

const started = Date.now();
meili = await startEmbeddedMeili({ dataDir, masterKey: generateSecret(), announce: false });
say(`Meilisearch ${meili.url} (pid ${meili.pid}) in ${dataDir}`);

const indexed = await runIndex({
  paths: reportPaths,
  connection: { url: meili.url, apiKey: meili.masterKey },
  index,
  runsDir: null,
  baseDir: projectRoot,
});
if (indexed.exitCode === 2 || indexed.exitCode === 130 || indexed.indexed === 0) {
  say(`indexing failed: ${indexed.fatal ?? 'nothing indexed'}`);
  await shutdown(2);
}
say(`indexed ${indexed.indexed} report(s) (${indexed.failed.length} failed, ${indexed.duplicates.length} duplicate) in ${Date.now() - started} ms`);
for (const failure of indexed.failed) say(`  not indexed: ${failure.file}: ${failure.reason}`);

const searchKey = await getOrCreateSearchKey(createMeiliClient({ url: meili.url, apiKey: meili.masterKey }), index);

app = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
  cwd: projectRoot,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    MEILI_URL: meili.url,
    MEILI_SEARCH_KEY: searchKey,
    MEILI_INDEX: index,
    // Never the master key: an empty value also stops Next from loading it from .env.local.
    MEILI_MASTER_KEY: '',
  },
});
app.on('exit', (code, signal) => {
  if (!stopping) {
    say(`the web app exited (${code ?? signal}); stopping`);
    void shutdown(code ?? 1);
  }
});
// The engine dying under the app would turn every test into an "unavailable" page: stop early.
void meili.exited.then(() => {
  if (!stopping) {
    say('Meilisearch exited; stopping');
    void shutdown(1);
  }
});
