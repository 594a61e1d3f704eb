/**
 * npm run portal — the whole portal on this machine, in one command:
 *   1. secrets in .env.local (Meilisearch master key, AUTH_SECRET), generated once;
 *   2. `next build` when .next/BUILD_ID is missing or older than the sources;
 *   3. Meilisearch: MEILI_URL if set, else the embedded one (reused when already running);
 *   4. an incremental index of data/reports (fast after the first start);
 *   5. the first admin when none is defined (random password, printed once; only its hash is kept);
 *   6. `next start` with the URL, a search-only key and the scoped indexing key for /admin, until Ctrl-C.
 *
 * NIANBAO_DATA_DIR moves the data folder (reports, run reports, admin users) elsewhere.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureFirstAdmin } from '../lib/auth/first-admin';
import { type Config, config } from '../lib/config';
import { ensureLocalSecrets, localEnvPath, projectRoot } from '../lib/config/local-env';
import { collectionFolders } from '../lib/config/paths';
import { createMeiliClient, describeMeiliError } from '../lib/engine/client';
import { ensureMeili, type MeiliHandle } from '../lib/engine/embedded';
import { getOrCreateIndexingKey, getOrCreateSearchKey } from '../lib/engine/keys';
import { countReportFiles, createProgress, formatSummary, runIndex } from '../lib/indexer';
import { acquireWriterLock, WriterBusy } from '../lib/writer-lock';
import { nextBuildState } from './support/next-build';

const nextBin = path.join(projectRoot, 'node_modules', 'next', 'dist', 'bin', 'next');

function say(message: string): void {
  process.stdout.write(`[portal] ${message}\n`);
}

function fail(message: string): never {
  process.stderr.write(`[portal] ${message}\n`);
  process.exit(2);
}

/** The app's environment: never the master key (Next would also load it from .env.local unless set). */
function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: '1', MEILI_MASTER_KEY: '', ...extra };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: 'inherit' });
    child.on('error', () => resolve(127));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return true;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

let settings: Config;
try {
  settings = config();
} catch (error) {
  fail((error as Error).message);
}
const port = settings.port ?? 3000;
const paths = settings.data;
const reportsDir = paths.reports;

const secrets = ensureLocalSecrets();
if (secrets.created.length > 0) say(`generated ${secrets.created.join(' and ')} in ${localEnvPath()}`);

if (nextBuildState(projectRoot) !== 'current') {
  say('building the web app (next build)…');
  const code = await run(process.execPath, [nextBin, 'build'], appEnv({}));
  if (code !== 0) fail(`next build failed (exit code ${code})`);
}

let meili: MeiliHandle;
try {
  meili = await ensureMeili();
} catch (error) {
  fail(`could not start the embedded Meilisearch: ${(error as Error).message}`);
}
say(`Meilisearch: ${meili.url} (${meili.origin === 'external' ? 'MEILI_URL' : meili.origin === 'reused' ? 'already running' : 'embedded, started'})`);

let next: ChildProcess | undefined;
let shuttingDown = false;
async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    if (next && next.exitCode === null) {
      next.kill('SIGTERM');
      const timer = setTimeout(() => next?.kill('SIGKILL'), 10_000);
      await new Promise((resolve) => next!.once('exit', resolve));
      clearTimeout(timer);
    }
    await meili.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => {
  process.stdout.write('\n');
  say('stopping…');
  void shutdown(0);
});
process.on('SIGTERM', () => void shutdown(0));

mkdirSync(reportsDir, { recursive: true });
if ((await countReportFiles([reportsDir])) === 0) {
  // A new data folder: nothing to index yet, and that is no reason not to start.
  say(`no reports in ${reportsDir} yet: upload some at /admin or run npm run index`);
} else {
  say(`indexing ${path.relative(projectRoot, reportsDir)} (incremental)…`);
  let release: (() => Promise<void>) | null = null;
  try {
    release = await acquireWriterLock(paths.root, "the portal's start-up index");
  } catch (error) {
    if (!(error instanceof WriterBusy)) throw error;
    // Someone else is writing (npm run index, a harvest): serve what is indexed; their run clears the cache.
    say(`not indexing now: ${error.message}`);
  }
  if (release) {
    const indexed = await runIndex({
      paths: collectionFolders(paths),
      incremental: true,
      connection: { url: meili.url, apiKey: meili.masterKey },
      index: settings.meili.index,
      progress: createProgress('lines'),
      baseDir: paths.base,
      runsDir: paths.runs,
      meta: { trigger: 'portal' },
    }).finally(release);
    process.stdout.write(`${formatSummary(indexed)}\n`);
    if (indexed.exitCode === 2 || indexed.exitCode === 130) {
      process.stderr.write(`[portal] ${indexed.fatal ?? 'indexing failed'}\n`);
      await shutdown(2);
    }
  }
}

let searchKey: string;
let indexingKey: string;
try {
  const master = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
  searchKey = await getOrCreateSearchKey(master, settings.meili.index);
  indexingKey = await getOrCreateIndexingKey(master, settings.meili.index);
} catch (error) {
  process.stderr.write(`[portal] ${describeMeiliError(error, meili.url)}\n`);
  await shutdown(2);
}

let firstAdmin: { email: string; password: string } | null = null;
try {
  firstAdmin = await ensureFirstAdmin(paths.users);
} catch (error) {
  process.stderr.write(`[portal] admin users: ${(error as Error).message}\n`);
  await shutdown(2);
}

say(`starting the web app on port ${port}…`);
next = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: appEnv({
    PORT: String(port),
    MEILI_URL: meili.url,
    MEILI_SEARCH_KEY: searchKey!,
    MEILI_ADMIN_KEY: indexingKey!,
    MEILI_INDEX: settings.meili.index,
    NIANBAO_DATA_DIR: paths.root,
    AUTH_SECRET: settings.authSecret || secrets.AUTH_SECRET,
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST || 'true',
  }),
});
next.on('exit', (code) => {
  if (!shuttingDown) {
    process.stderr.write(`[portal] the web app exited (code ${code}); stopping\n`);
    void shutdown(code ?? 1);
  }
});

if (await waitForHttp(`http://localhost:${port}/api/health`, next, 60_000)) {
  say(`ready: open http://localhost:${port}  (Ctrl-C to stop)`);
  if (firstAdmin) {
    // Shown this once: only the hash is stored.
    say(`first start: an admin account was created for http://localhost:${port}/admin`);
    say(`  email:    ${firstAdmin.email}`);
    say(`  password: ${firstAdmin.password}`);
    say('  (shown only now; add admins with npm run admin:add -- EMAIL --write)');
    firstAdmin = null;
  }
}
