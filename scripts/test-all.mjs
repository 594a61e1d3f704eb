#!/usr/bin/env node
// Runs every test phase and ends with one line, alone and last: `N passed, N failed`.
//
//   node scripts/test-all.mjs          gates, unit, integration, next build, secrets, Playwright
//   node scripts/test-all.mjs --unit   unit tests only (no search engine, no browser; seconds)
//   node scripts/test-all.mjs --int    integration tests only (*.int.test.ts, a real Meilisearch)
//   node scripts/test-all.mjs --gates  tsc --noEmit, Biome and knip only
//
// The full run first makes sure the browser tests can run: Debian's Chromium and a CJK font are
// installed with apt-get when missing (as root, or through `sudo -n`); when that is not possible it
// stops at once with one line that says what to run, before any test.
//
// Counts come from machine-readable reports (node's TAP `# pass N` lines, Playwright's JSON
// stats), never from scraping console text. A phase that ends badly without a count of its
// own failures (a crash, a failed build, a timeout) counts as one failed test.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = ['--unit', '--int', '--gates'].find((flag) => process.argv.includes(flag))?.slice(2);
const phaseTimeoutMs = Number(process.env.TEST_PHASE_TIMEOUT_MS ?? 20 * 60_000);
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-test-'));
// Plain output for logs. FORCE_COLOR must be absent, not '0': picocolors (Next) only checks it exists.
const { FORCE_COLOR: _forceColor, ...inheritedEnv } = process.env;
const childEnv = { ...inheritedEnv, NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };

/** @type {{ name: string, passed: number, failed: number, note?: string }[]} */
const phases = [];

function log(message) {
  process.stdout.write(`\n[test-all] ${message}\n`);
}

/** Runs a command with inherited output; resolves to its exit code (or a timeout/crash code). */
function run(command, args, { env = childEnv } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = setTimeout(() => {
      log(`timed out after ${phaseTimeoutMs / 1000} s: ${command} ${args.join(' ')}`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }, phaseTimeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      log(`could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Every `*.test.ts` under dir; `integration` picks the `*.int.test.ts` ones or leaves them out. */
function findTestFiles(dir, integration) {
  /** @type {string[]} */
  const found = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(path, integration));
    else if (entry.isFile() && entry.name.endsWith('.test.ts') && entry.name.endsWith('.int.test.ts') === integration) found.push(path);
  }
  return found.sort();
}

function readText(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The last `# name N` line of a TAP report (node prints the totals at the end). */
function tapCount(tap, name) {
  const matches = [...tap.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
  return matches.length ? Number(matches[matches.length - 1][1]) : undefined;
}

/** Node's test runner over the unit tests (`integration` false) or the `*.int.test.ts` ones. */
async function nodeTestPhase(name, integration) {
  const files = findTestFiles(join(root, 'test'), integration);
  if (files.length === 0) {
    log(`${name}: no test files found`);
    return { name, passed: 0, failed: 1, note: 'no test files' };
  }
  log(`${name}: ${files.length} file(s): ${files.map((file) => relative(root, file)).join(' ')}`);
  const tapFile = join(scratch, `${name}.tap`);
  const code = await run(process.execPath, [
    '--import',
    'tsx',
    // Modules marked `import 'server-only'` (lib/search/queries.ts) load as they do in Next's server.
    '--conditions=react-server',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ]);
  const tap = readText(tapFile) ?? '';
  const pass = tapCount(tap, 'pass');
  const fail = tapCount(tap, 'fail');
  const cancelled = tapCount(tap, 'cancelled') ?? 0;
  if (pass === undefined || fail === undefined) {
    return { name, passed: 0, failed: 1, note: `no test counts (exit code ${code})` };
  }
  const failed = fail + cancelled;
  // A non-zero exit with no failing test (e.g. the runner itself crashed) still fails the phase.
  if (code !== 0 && failed === 0) {
    return { name, passed: pass, failed: 1, note: `exit code ${code} with no failing test` };
  }
  return { name, passed: pass, failed };
}

/** The quality gates, each one test: it passes at zero findings. */
async function gatesPhase() {
  const gates = [
    ['tsc --noEmit', ['node_modules/typescript/bin/tsc', '--noEmit']],
    ['biome ci', ['node_modules/@biomejs/biome/bin/biome', 'ci', '--colors=off', '.']],
    ['knip', ['node_modules/knip/bin/knip.js', '--no-progress']],
  ];
  const failedGates = [];
  for (const [label, args] of gates) {
    log(`gates: ${label}`);
    const started = performance.now();
    const code = await run(process.execPath, args);
    log(`gates: ${label} ${code === 0 ? 'clean' : `found problems (exit code ${code})`} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (code !== 0) failedGates.push(label);
  }
  return {
    name: 'gates',
    passed: gates.length - failedGates.length,
    failed: failedGates.length,
    note: failedGates.length ? failedGates.join(', ') : undefined,
  };
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const cjkFont = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const browserPackages = ['chromium', 'fonts-wqy-microhei'];

function browserReady() {
  return existsSync(chromiumPath) && existsSync(cjkFont);
}

/**
 * Chromium and a CJK font for the browser tests: present, or installed with apt-get (as root, or
 * with `sudo -n`). Returns a one-line reason when they cannot be had.
 */
function ensureBrowser() {
  if (browserReady()) return undefined;
  const manual = `sudo apt-get install -y ${browserPackages.join(' ')}`;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!hasApt) return `the browser tests need Chromium at ${chromiumPath} and a CJK font; install them (on Debian: ${manual}) or set CHROMIUM_PATH`;
  const isRoot = process.getuid?.() === 0;
  const prefix = isRoot ? [] : ['sudo', '-n'];
  log(`setup: installing ${browserPackages.join(' ')} with apt-get`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) =>
    spawnSync(prefix[0] ?? 'apt-get', [...prefix.slice(1), ...(prefix.length ? ['apt-get'] : []), ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: aptEnv,
    });
  const update = apt(['update', '-qq']);
  const install = update.status === 0 ? apt(['install', '-y', '-qq', ...browserPackages]) : update;
  if (install.status === 0 && browserReady()) return undefined;
  return `the browser tests need Chromium and a CJK font, and installing them failed: run \`${manual}\`, then npm test again`;
}

// The build runs with canary secrets in its environment; the scan right after it proves that none
// of them (nor any other secret known to scripts/check-secrets.ts) ended up in a file under .next/.
const canaries = {
  MEILI_MASTER_KEY: `canary-master-${randomBytes(16).toString('hex')}`,
  MEILI_ADMIN_KEY: `canary-admin-${randomBytes(16).toString('hex')}`,
  AUTH_SECRET: `canary-auth-${randomBytes(16).toString('hex')}`,
};

async function buildPhase() {
  log('build: next build');
  const code = await run(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { env: { ...childEnv, ...canaries, NIANBAO_STANDALONE: '1' } });
  return code === 0 ? undefined : { name: 'build', passed: 0, failed: 1, note: `next build exit code ${code}` };
}

async function secretsPhase() {
  log('secrets: no secret in .next/');
  const code = await run(process.execPath, ['--import', 'tsx', 'scripts/check-secrets.ts'], { env: { ...childEnv, ...canaries } });
  return { name: 'secrets', passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, note: code === 0 ? undefined : 'a secret was found under .next/' };
}

async function e2ePhase() {
  log('e2e: playwright test');
  const jsonFile = join(scratch, 'playwright.json');
  const code = await run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '--reporter=list,json'], {
    env: { ...childEnv, PLAYWRIGHT_JSON_OUTPUT_NAME: jsonFile },
  });
  const text = readText(jsonFile);
  let report;
  try {
    report = text ? JSON.parse(text) : undefined;
  } catch {
    report = undefined;
  }
  const stats = report?.stats;
  if (!stats) {
    return { name: 'e2e', passed: 0, failed: 1, note: `no Playwright report (exit code ${code})` };
  }
  // With retries a flaky test passed in the end; report it, but count it as passed.
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  const failed = stats.unexpected ?? 0;
  const globalErrors = Array.isArray(report.errors) ? report.errors.length : 0;
  if (code !== 0 && failed === 0) {
    const why = globalErrors ? `${globalErrors} error(s) outside tests` : `exit code ${code}`;
    return { name: 'e2e', passed, failed: 1, note: why };
  }
  return { name: 'e2e', passed, failed, note: stats.flaky ? `${stats.flaky} flaky` : undefined };
}

async function main() {
  if (!only) {
    const missing = ensureBrowser();
    if (missing) {
      // Nothing runs against a missing browser: one line, at once.
      rmSync(scratch, { recursive: true, force: true });
      process.stdout.write(`npm test: ${missing}\n0 passed, 1 failed\n`);
      process.exitCode = 1;
      return;
    }
  }
  if (!only || only === 'gates') phases.push(await gatesPhase());
  if (!only || only === 'unit') phases.push(await nodeTestPhase('unit', false));
  if (!only || only === 'int') phases.push(await nodeTestPhase('integration', true));
  if (!only) {
    const buildFailure = await buildPhase();
    if (buildFailure) phases.push(buildFailure);
    else {
      phases.push(await secretsPhase());
      phases.push(await e2ePhase());
    }
  }
  rmSync(scratch, { recursive: true, force: true });

  const passed = phases.reduce((sum, phase) => sum + phase.passed, 0);
  const failed = phases.reduce((sum, phase) => sum + phase.failed, 0);
  process.stdout.write('\n');
  for (const phase of phases) {
    const note = phase.note ? ` (${phase.note})` : '';
    process.stdout.write(`[test-all] ${phase.name}: pass ${phase.passed} · fail ${phase.failed}${note}\n`);
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stdout.write(`[test-all] crashed: ${error?.stack ?? error}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exitCode = 1;
});
