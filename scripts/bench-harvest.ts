/**
 * npm run bench:harvest -- [--sizes 2000,10000]
 *
 * The harvester against a generated portal served on 127.0.0.1 (test/support/site-server.ts:
 * a region's column of body columns, createPageHTML pagers, one page per report, some in GBK),
 * with politeness off (no per-host rate limit; robots.txt and the concurrency limits still hold).
 * For each size N, in one run: a harvest into an empty data folder, in a child process of its own
 * so its peak RSS is its own; pages per second, reports stored, and peak RSS; then the ratio of
 * the largest to the smallest (memory should stay flat as N grows: nothing but small per-URL state
 * is kept).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHarvest } from '../lib/harvest/run';
import { toSource } from '../lib/harvest/sources';
import { generateSite, startSiteServer } from '../test/support/site-server';
import { parseCommandLine } from './support/cli';

const self = fileURLToPath(import.meta.url);
const USAGE = 'usage: npm run bench:harvest -- [--sizes 2000,10000]';
const { values } = parseCommandLine('bench:harvest', USAGE, { sizes: { type: 'string', default: '2000,10000' }, child: { type: 'string' } });

interface Figures {
  n: number;
  pages: number;
  reports: number;
  failed: number;
  seconds: number;
  peakRssMb: number;
}

/** The child: one harvest of the site at `url` into `data`, its figures as one JSON line. */
async function child(url: string, data: string, n: number): Promise<void> {
  const started = performance.now();
  const result = await runHarvest({
    sources: [toSource({ url, scope: 'region', label: 'bench' })],
    dataRoot: data,
    maxPages: n + 10,
    maxDepth: 4,
    runsDir: null,
    clientOptions: { allowLoopback: true, politeness: false, concurrency: 8, perHostConcurrency: 2 },
  });
  const figures: Figures = {
    n,
    pages: result.totals.pagesFetched,
    reports: result.totals.reportsFound,
    failed: result.totals.failed,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

function runChild(url: string, data: string, n: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', self, '--child', `${url} ${data} ${n}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as Figures) : reject(new Error(`the harvest child exited with ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 4)) throw new Error(`--sizes: whole numbers of at least 4\n${USAGE}`);
  const rows: Figures[] = [];
  for (const n of sizes) {
    const site = generateSite(n);
    const server = await startSiteServer({ site });
    const data = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-harvest-'));
    try {
      process.stdout.write(`N = ${n}: ${site.pages.size} pages on ${server.origin} …\n`);
      const figures = await runChild(`${server.origin}/gen/zfxxgknb/index.html`, data, n);
      rows.push(figures);
      process.stdout.write(
        `  ${figures.pages} pages fetched in ${figures.seconds.toFixed(1)} s → ${(figures.pages / figures.seconds).toFixed(0)} pages/s; ${figures.reports} reports stored, ${figures.failed} failed; peak RSS ${figures.peakRssMb.toFixed(0)} MB\n`,
      );
    } finally {
      await server.close();
      rmSync(data, { recursive: true, force: true });
    }
  }
  if (rows.length > 1) {
    const small = rows[0]!;
    const large = rows[rows.length - 1]!;
    process.stdout.write(
      `N ×${(large.n / small.n).toFixed(1)}: peak RSS ×${(large.peakRssMb / small.peakRssMb).toFixed(2)} (${small.peakRssMb.toFixed(0)} → ${large.peakRssMb.toFixed(0)} MB), pages/s ×${(large.pages / large.seconds / (small.pages / small.seconds)).toFixed(2)}\n`,
    );
  }
}

if (values.child) {
  const [url, data, n] = values.child.split(' ');
  await child(url!, data!, Number(n));
} else {
  await main();
}
