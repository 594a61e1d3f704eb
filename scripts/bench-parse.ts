/**
 * npm run bench:parse [-- --seconds 5]
 * Parses the real text reports of the test corpus (test/fixtures/corpus) over and over on one core and prints
 * reports parsed per second and peak memory. Goal: ≥ 500 reports/s for ~10 KB text reports.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseReport } from '../lib/report';
import { FILES_DIR, SEEDS_DIR } from '../test/support/corpus';

const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 5;
const inputs = [
  ...readdirSync(SEEDS_DIR).map((f) => path.join(SEEDS_DIR, f)),
  ...readdirSync(FILES_DIR)
    .filter((f) => /\.(md|txt)$/.test(f))
    .map((f) => path.join(FILES_DIR, f)),
].map((file) => {
  const raw = readFileSync(file);
  return {
    text: raw.toString('utf8'),
    source: {
      fileName: path.basename(file),
      format: 'txt' as const,
      encoding: 'utf-8',
      sha256: createHash('sha256').update(raw).digest('hex'),
      bytes: raw.length,
    },
  };
});
const avgKb = inputs.reduce((a, b) => a + b.source.bytes, 0) / inputs.length / 1024;

// Warm up: the division list and the regexes are built on first use.
const warmStart = performance.now();
for (const input of inputs) parseReport(input.text, input.source);
const warmMs = performance.now() - warmStart;

let peakRss = process.memoryUsage().rss;
let parsed = 0;
const cpuStart = process.cpuUsage();
const start = performance.now();
const deadline = start + seconds * 1000;
while (performance.now() < deadline) {
  for (const input of inputs) parseReport(input.text, input.source);
  parsed += inputs.length;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const elapsed = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rate = parsed / cpuSeconds;
console.log(`inputs: ${inputs.length} real text reports, average ${avgKb.toFixed(1)} KB`);
console.log(`first pass (cold, includes loading the division list): ${warmMs.toFixed(0)} ms`);
console.log(`parsed: ${parsed} reports in ${elapsed.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (one thread)`);
// CPU time, not wall time: other work on the machine does not change the figure.
console.log(`rate: ${rate.toFixed(0)} reports per CPU-second (goal ≥ 500; ratio ${(rate / 500).toFixed(2)}×); wall-clock ${(parsed / elapsed).toFixed(0)}/s`);
console.log(`per report: ${((cpuSeconds * 1000) / parsed).toFixed(2)} ms CPU`);
console.log(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
