import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Meilisearch } from 'meilisearch';
import { createMeiliClient } from '../../lib/engine/client';
import { type EmbeddedMeili, findFreePort, generateSecret, startEmbeddedMeili } from '../../lib/engine/embedded';
import { type IndexRunResult, runIndex } from '../../lib/indexer';
import type { ProgressReporter } from '../../lib/indexer/progress';
import { writeCorpus } from '../support/synth/index';
import { repoRoot } from '../support/temp';

/**
 * Issue 7, faults: the indexer against an engine that is not there, an engine that dies in the
 * middle of a full reindex, and an indexer killed in the middle of its run. Each against a real
 * Meilisearch whose data folder the test owns, so it can be stopped and started again on the
 * same port and data.
 */

const CORPUS_SIZE = 200;
const work = mkdtempSync(path.join(tmpdir(), 'nianbao-faults-'));
const masterKey = generateSecret();
const dataDir = path.join(work, 'meili');
const corpusA = path.join(work, 'corpus-a');
const corpusB = path.join(work, 'corpus-b');
let meili: EmbeddedMeili;
let port: number;

const client = (): Meilisearch => createMeiliClient({ url: meili.url, apiKey: masterKey });
const indexScript = path.join(repoRoot, 'scripts', 'index.ts');

async function startEngine(): Promise<void> {
  meili = await startEmbeddedMeili({ dataDir, masterKey, port, announce: false });
  assert.equal(meili.url, `http://127.0.0.1:${port}`, 'the engine came back on its port');
}

/** SIGKILL: no chance to flush or to say goodbye. */
async function killEngine(): Promise<void> {
  process.kill(meili.pid, 'SIGKILL');
  await meili.exited;
  await meili.stop();
}

/** Every document of an index, as id → hash of its content without the run's timestamp. */
async function snapshot(index: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await client().index(index).getDocuments({ offset, limit: 1000 });
    for (const doc of page.results as Array<Record<string, unknown>>) {
      const { indexedAt: _ignored, ...rest } = doc;
      out.set(String(doc.id), createHash('sha256').update(canonical(rest)).digest('hex'));
    }
    if (page.results.length < 1000) return out;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `npm run index` as a child process, optionally SIGKILLed once `killWhen` resolves. */
function runIndexScript(args: string[], env: Record<string, string>, killWhen?: () => Promise<void>): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', indexScript, ...args], {
      cwd: repoRoot,
      // Its own data folder: run reports and the writer lock stay out of the repository's.
      env: { ...process.env, NIANBAO_DATA_DIR: path.join(work, 'data'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    void killWhen?.().then(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code, signal) => {
      // The script writes a run report into the project's data/runs/ (the admin pages list them): not for test runs.
      const report = /^run report: (.+)$/m.exec(stdout)?.[1];
      if (report) rmSync(report, { force: true });
      resolve({ code, signal, stdout, stderr });
    });
  });
}

before(async () => {
  writeCorpus({ seed: 'faults-a', count: CORPUS_SIZE, out: corpusA });
  writeCorpus({ seed: 'faults-b', count: CORPUS_SIZE, out: corpusB });
  port = await findFreePort();
  await startEngine();
});
after(async () => {
  await meili?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('the indexer with no engine at MEILI_URL: exit code 2, one line naming the URL, no stack trace', async () => {
  const closed = await findFreePort();
  const url = `http://127.0.0.1:${closed}`;
  const result = await runIndexScript([corpusA], { MEILI_URL: url, MEILI_MASTER_KEY: generateSecret(), MEILI_INDEX: 'reports' });
  assert.equal(result.code, 2, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.equal(lines[0], `Meilisearch is not reachable at ${url}`);
  assert.equal(result.stdout.trim(), '');
});

test('Meilisearch killed in the middle of a full reindex: the serving index is intact after a restart, and a rerun completes', async () => {
  const connection = () => ({ url: meili.url, apiKey: masterKey });
  const first = await runIndex({ paths: [corpusA], connection: connection(), index: 'reports', runsDir: null, baseDir: work });
  assert.equal(first.fatal, null);
  const before = await snapshot('reports');
  assert.ok(before.size > CORPUS_SIZE * 0.9, `${before.size} documents`);

  // A second full reindex, of other reports; the engine dies once a third of the files are read.
  let killed: Promise<void> | null = null;
  const progress: ProgressReporter = {
    start() {},
    note() {},
    stop() {},
    update({ done }) {
      if (!killed && done >= CORPUS_SIZE / 3) killed = killEngine();
    },
  };
  // Small batches, so some are in the engine's queue when it dies.
  const broken: IndexRunResult = await runIndex({
    paths: [corpusB],
    connection: connection(),
    index: 'reports',
    runsDir: null,
    baseDir: work,
    progress,
    batchSize: 40,
  });
  await killed;
  assert.ok(killed, 'the engine was killed during the run');
  assert.equal(broken.exitCode, 2);
  assert.match(broken.fatal ?? '', /Meilisearch is not reachable/);

  await startEngine();
  const after = await snapshot('reports');
  assert.equal(after.size, before.size, 'the serving index has the same documents');
  assert.deepEqual([...after].sort(), [...before].sort(), 'every document is unchanged');

  const rerun = await runIndex({ paths: [corpusB], connection: connection(), index: 'reports', runsDir: null, baseDir: work });
  assert.equal(rerun.fatal, null);
  assert.ok(rerun.exitCode === 0 || rerun.exitCode === 1, `exit ${rerun.exitCode}`);
  const replaced = await snapshot('reports');
  assert.equal(replaced.size, rerun.documentsInIndex);
  assert.ok(
    [...replaced.keys()].every((id) => !before.has(id)),
    'the rerun replaced the index with the new reports',
  );
  // The dead run's build index stays until it is a day old (dropStaleBuildIndexes: a younger one may
  // belong to a concurrent run); the rerun's own is gone after its swap.
  const { results } = await client().getIndexes({ limit: 100 });
  assert.ok(results.filter((i) => i.uid.startsWith('reports_build_')).length <= 1, 'at most the dead run’s build index is left');
});

test('the indexer SIGKILLed mid-run: rerunning it ends with the same index as an uninterrupted run', async () => {
  const env = { MEILI_URL: meili.url, MEILI_MASTER_KEY: masterKey };
  const started = Date.now();
  const reference = await runIndexScript([corpusA, '--progress=lines'], { ...env, MEILI_INDEX: 'reference' });
  assert.equal(reference.code, 0, reference.stderr);
  const duration = Date.now() - started;

  // Killed once its build index exists and some of the time a whole run takes has passed.
  const buildStarted = async () => {
    for (;;) {
      const { results } = await client().getIndexes({ limit: 100 });
      if (results.some((i) => i.uid.startsWith('killed_build_'))) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await new Promise((resolve) => setTimeout(resolve, duration * 0.3));
  };
  const killed = await runIndexScript([corpusA, '--progress=lines'], { ...env, MEILI_INDEX: 'killed' }, buildStarted);
  assert.equal(killed.signal, 'SIGKILL', `the indexer finished before it could be killed: ${killed.stdout.slice(-300)}`);
  const { results: during } = await client().getIndexes({ limit: 100 });
  assert.ok(!during.some((i) => i.uid === 'killed'), 'nothing was swapped in by the killed run');

  const rerun = await runIndexScript([corpusA, '--progress=lines'], { ...env, MEILI_INDEX: 'killed' });
  assert.equal(rerun.code, 0, rerun.stderr);
  const expected = await snapshot('reference');
  const got = await snapshot('killed');
  assert.equal(got.size, expected.size);
  assert.deepEqual([...got].sort(), [...expected].sort(), 'same ids, same content');
  const { results } = await client().getIndexes({ limit: 100 });
  assert.equal(results.filter((i) => i.uid.startsWith('killed_build_')).length, 1, 'only the killed run’s build index is left (dropped once a day old)');
});
