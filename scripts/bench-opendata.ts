/**
 * npm run bench:opendata -- --count N [--formats csv,jsonl,parquet] [--query Q] [--port P] [--corpus DIR] [--engine-dir DIR] [--keep] [--no-build]
 *
 * On N synthetic reports (npm run corpus:synth) indexed into an embedded Meilisearch through the
 * real pipeline, downloads the bulk files of /api/opendata (the whole collection, or the search
 * `--query`, e.g. "province=江苏省") from `next start`, one format after the other, reading each
 * as it streams. Prints per format: rows (counted from the file itself), bytes, seconds, rows/s,
 * and the peak resident memory of the web server's processes and of Meilisearch during the
 * download, against the server's memory just before it. --corpus/--engine-dir keep the corpus and
 * the index for repeated runs (see bench:search).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse';
import { parquetMetadata } from 'hyparquet';
import { BENCH_BASE_OPTIONS, benchSession, parseBenchArgs } from './support/bench-harness';

const usage =
  'usage: npm run bench:opendata -- --count N [--formats csv,jsonl,parquet] [--query Q] [--port P] [--corpus DIR] [--engine-dir DIR] [--keep] [--no-build]';
const OPTIONS = {
  count: { type: 'string', default: '10000' },
  formats: { type: 'string', default: 'csv,jsonl,parquet' },
  query: { type: 'string', default: '' },
  ...BENCH_BASE_OPTIONS,
} as const;
const args = parseBenchArgs('bench:opendata', usage, OPTIONS, ['count']);
const count = Number(args.count);
const formats = args.formats.split(',').map((f) => f.trim());
for (const format of formats) if (!['csv', 'jsonl', 'parquet'].includes(format)) throw new Error(`unknown format ${format}`);

const say = (message: string) => process.stdout.write(`[bench:opendata] ${message}\n`);

/** Resident memory (kB) of `pid` and every process below it. */
function treeRss(pid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  let total = 0;
  for (const p of tree) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

const mb = (kB: number) => `${(kB / 1024).toFixed(0)} MB`;

interface Measured {
  format: string;
  rows: number;
  bytes: number;
  seconds: number;
  serverBefore: number;
  serverPeak: number;
  enginePeak: number;
  generation: string | null;
}

async function measure(port: number, serverPid: number, enginePid: number, format: string, query = args.query): Promise<Measured> {
  const serverBefore = treeRss(serverPid);
  let serverPeak = serverBefore;
  let enginePeak = treeRss(enginePid);
  const sampler = setInterval(() => {
    serverPeak = Math.max(serverPeak, treeRss(serverPid));
    enginePeak = Math.max(enginePeak, treeRss(enginePid));
  }, 50);
  const started = performance.now();
  try {
    const url = `http://localhost:${port}/api/opendata/reports.${format}${query ? `?${query}` : ''}`;
    const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
    let bytes = 0;
    let rows = 0;
    const chunks: Uint8Array[] = [];
    const csv = format === 'csv' ? parseCsv({ bom: true, from_line: 2 }) : null;
    csv?.on('data', () => rows++);
    const csvDone = csv ? new Promise((resolve, reject) => csv.on('end', resolve).on('error', reject)) : null;
    for await (const chunk of response.body) {
      bytes += chunk.byteLength;
      if (csv) csv.write(chunk);
      else if (format === 'jsonl') for (const byte of chunk) rows += byte === 10 ? 1 : 0;
      else chunks.push(chunk);
    }
    if (csv) {
      csv.end();
      await csvDone;
    }
    if (format === 'parquet') rows = Number(parquetMetadata(Buffer.concat(chunks).buffer).num_rows);
    return {
      format,
      rows,
      bytes,
      seconds: (performance.now() - started) / 1000,
      serverBefore,
      serverPeak,
      enginePeak,
      generation: response.headers.get('nianbao-generation'),
    };
  } finally {
    clearInterval(sampler);
  }
}

const session = benchSession({ args, say });
try {
  const { engine, next, port } = await session.start('/api/opendata/[file]', count);
  if (!next.pid) throw new Error('next start has no pid');
  // Untimed: the first download of each format loads and compiles its code.
  for (const format of formats) await measure(port, next.pid, engine.meili.pid, format, 'year=2023');
  const results: Measured[] = [];
  for (const format of formats) {
    say(`downloading ${format}…`);
    results.push(await measure(port, next.pid, engine.meili.pid, format));
  }
  process.stdout.write(`
Bulk downloads: ${count} synthetic reports, ${args.query ? `search ?${args.query}` : 'the whole collection'}, generation ${results[0]?.generation}
  format       rows      MB   seconds   rows/s   server RSS before → peak   Meilisearch peak
${results
  .map(
    (r) =>
      `  ${r.format.padEnd(8)} ${String(r.rows).padStart(8)} ${(r.bytes / 1048576).toFixed(1).padStart(7)} ${r.seconds.toFixed(1).padStart(9)} ${String(Math.round(r.rows / r.seconds)).padStart(8)}   ${mb(r.serverBefore).padStart(8)} → ${mb(r.serverPeak).padEnd(12)} ${mb(r.enginePeak).padStart(8)}`,
  )
  .join('\n')}
`);
} catch (error) {
  process.stderr.write(`[bench:opendata] ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await session.stop();
}
