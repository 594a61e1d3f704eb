/**
 * npm run check:lighthouse — Lighthouse (mobile, its default settings) against a production build
 * on the sample reports, with Debian's Chromium; prints a table of the four category scores per
 * page and exits 1 when any is below the bar (95). Not part of `npm test`: scores move with the
 * machine. Reports (JSON) go to test-results/lighthouse/.
 *
 *   npm run check:lighthouse [-- --no-build] [-- --min=95] [-- --only=/stats] [-- --runs=3]
 *
 * Each page is measured `runs` times (3 by default) and the median of each score is reported, as
 * Lighthouse's own docs advise: on a two-core machine one run in a few catches the server or the
 * browser busy elsewhere and loses 15 points of performance to a single long task.
 *
 * The server is the browser tests' (e2e/support/serve.ts): a Meilisearch of its own in a temp
 * folder, the sample reports indexed, `next start`. CHROME_PATH (default /usr/bin/chromium).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { projectRoot } from '../lib/config/local-env';

const args = process.argv.slice(2);
const min = Number(args.find((a) => a.startsWith('--min='))?.slice(6) ?? 95);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const runs = Math.max(1, Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3));
const port = Number(process.env.LIGHTHOUSE_PORT ?? 3300);
const origin = `http://localhost:${port}`;
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const outDir = path.join(projectRoot, 'test-results', 'lighthouse');

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

function say(message: string): void {
  process.stderr.write(`[lighthouse] ${message}\n`);
}

async function waitForHealth(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer on ${origin} in time`);
}

/** The pages of the issue: search, a query, a report (淮安市 2024), charts, comparison, coverage, the table view. */
async function pages(): Promise<Array<{ name: string; path: string }>> {
  const found = (await (await fetch(`${origin}/api/search?q=${encodeURIComponent('淮安市人民政府')}&year=2024`)).json()) as {
    hits: Array<{ id: string; organization: string | null }>;
  };
  const report = found.hits.find((h) => h.organization === '淮安市人民政府') ?? found.hits[0];
  if (!report) throw new Error('no 淮安市 2024 report in the sample index');
  const search = (await (await fetch(`${origin}/api/search?province=${encodeURIComponent('江苏省')}`)).json()) as { hits: Array<{ bodyKey: string | null }> };
  const bodies = [...new Set(search.hits.map((h) => h.bodyKey).filter(Boolean))].slice(0, 2) as string[];
  const list = [
    { name: '/', path: '/' },
    { name: '/?q=依申请', path: `/?q=${encodeURIComponent('依申请')}` },
    { name: '/reports/[淮安市 2024]', path: `/reports/${encodeURIComponent(report.id)}` },
    { name: '/stats', path: '/stats' },
    { name: '/compare', path: `/compare?${bodies.map((b) => `body=${encodeURIComponent(b)}`).join('&')}` },
    { name: '/coverage', path: '/coverage' },
    { name: '/?view=table', path: `/?province=${encodeURIComponent('江苏省')}&view=table&sort=applications-desc` },
  ];
  return only ? list.filter((p) => p.name === only || p.path === only) : list;
}

let server: ChildProcess | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;

async function stop(): Promise<void> {
  await chrome?.kill();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
}

async function main(): Promise<number> {
  if (!args.includes('--no-build')) {
    say('next build…');
    const built = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/next/dist/bin/next'), 'build'], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (built.status !== 0) throw new Error('next build failed');
  }
  say(`starting the portal on ${origin} (its own Meilisearch, the sample reports)…`);
  server = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'e2e/support/serve.ts')], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, E2E_PORT: String(port), E2E_ADMIN_PASSWORD: randomBytes(12).toString('base64url') },
  });
  await waitForHealth(Date.now() + 180_000);
  const targets = await pages();

  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  mkdirSync(outDir, { recursive: true });
  const rows: Array<{ name: string; scores: number[]; notes: string }> = [];
  // A first Lighthouse run in a fresh Chromium scores low whatever the page (its own start-up
  // counts as main-thread work): one run is thrown away.
  await lighthouse(`${origin}/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  for (const target of targets) {
    // One plain load first: it fills the search cache the way a visited site has it.
    await fetch(`${origin}${target.path}`).catch(() => {});
    const measured: Array<{ scores: number[]; lhr: Lhr }> = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(`${origin}${target.path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`no result for ${target.path}`);
      measured.push({ lhr: result.lhr, scores: CATEGORIES.map((c) => Math.round((result.lhr.categories[c]?.score ?? 0) * 100)) });
    }
    const scores = CATEGORIES.map((_, i) => median(measured.map((m) => m.scores[i]!)));
    // The notes and the saved report come from the run whose performance score is the median.
    const { lhr } = [...measured].sort((a, b) => a.scores[0]! - b.scores[0]!)[Math.floor(measured.length / 2)]!;
    const file = path.join(outDir, `${target.name.replace(/[^\w\u4e00-\u9fff]+/g, '_') || 'home'}.json`);
    writeFileSync(file, JSON.stringify(lhr));
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '';
    const failing = Object.values(lhr.categories)
      .filter((c) => (c.score ?? 0) * 100 < 100)
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0 && (lhr.audits[r.id]?.score ?? 1) < 0.9).map((r) => r.id));
    const spread = measured.map((m) => m.scores[0]).join('/');
    rows.push({
      name: target.name,
      scores,
      notes: `performance ${spread} in ${runs} runs; TBT ${metric('total-blocking-time')}, LCP ${metric('largest-contentful-paint')}${failing.length ? `; below par: ${[...new Set(failing)].join(', ')}` : ''}`,
    });
    say(`${target.name}: ${scores.join(' / ')} (performance ${spread})`);
  }

  const header = `| page | performance | accessibility | best practices | SEO |\n|---|---|---|---|---|`;
  const lines = rows.map((r) => `| \`${r.name}\` | ${r.scores.map((s) => (s < min ? `**${s}**` : String(s))).join(' | ')} |`);
  process.stdout.write(`\nLighthouse ${lighthouseVersion()}, mobile, ${chromePath}, median of ${runs} run(s)\n\n${header}\n${lines.join('\n')}\n\n`);
  for (const r of rows) process.stdout.write(`${r.name}: ${r.notes}\n`);
  const below = rows.filter((r) => r.scores.some((s) => s < min));
  process.stdout.write(
    below.length
      ? `\n${below.length} page(s) below ${min}: ${below.map((r) => r.name).join(', ')}\n`
      : `\nevery page at ${min} or more in all four categories\n`,
  );
  return below.length ? 1 : 0;
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

function lighthouseVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '13';
  }
}

main()
  .then(async (code) => {
    await stop();
    process.exit(code);
  })
  .catch(async (error) => {
    say(`failed: ${(error as Error).message}`);
    await stop();
    process.exit(2);
  });
