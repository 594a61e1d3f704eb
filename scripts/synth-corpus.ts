/**
 * npm run corpus:synth -- --count N --out DIR [--seed S] [--inconsistent 0.2] [--contradict 0.08]
 *                         [--continuity-break 0.1] [--gbk 0.05]
 *
 * Writes N synthetic annual reports (DIR/000/000000.txt …) and DIR/manifest.jsonl with the ground
 * truth of each, for benchmarks and load tests. Never into data/reports: synthetic reports are not
 * sample data.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isInside, type WriteProgress, writeCorpus } from '../test/support/synth/index';

const root = fileURLToPath(new URL('..', import.meta.url));
const usage = 'usage: npm run corpus:synth -- --count N --out DIR [--seed S] [--inconsistent 0.2] [--contradict 0.08] [--continuity-break 0.1] [--gbk 0.05]';

function fail(message: string): never {
  process.stderr.write(`corpus:synth: ${message}\n${usage}\n`);
  process.exit(2);
}

function share(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) fail(`--${name} must be a share between 0 and 1`);
  return n;
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        count: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        inconsistent: { type: 'string' },
        contradict: { type: 'string' },
        'continuity-break': { type: 'string' },
        gbk: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
}
const args = readArgs();
if (args.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const count = Number(args.count);
if (!Number.isInteger(count) || count < 1) fail('--count must be a positive integer');
if (!args.out) fail('--out DIR is required');
const out = resolve(args.out);
if (isInside(out, resolve(root, 'data', 'reports'))) fail(`refusing to write into data/reports (${out}): synthetic reports are not sample data`);

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const progress = ({ done, total, bytes, elapsedMs }: WriteProgress) => {
  const rate = done / (elapsedMs / 1000);
  const eta = (total - done) / rate;
  process.stdout.write(`corpus:synth ${done}/${total} files · ${mb(bytes)} MB · ${Math.round(rate)} files/s · ETA ${eta.toFixed(0)} s\n`);
};

try {
  const result = writeCorpus(
    {
      seed: args.seed!,
      count,
      out,
      inconsistentShare: share(args.inconsistent, 'inconsistent'),
      contradictionShare: share(args.contradict, 'contradict'),
      continuityBreakShare: share(args['continuity-break'], 'continuity-break'),
      gbkShare: share(args.gbk, 'gbk'),
    },
    progress,
    Math.max(1000, Math.round(count / 20 / 1000) * 1000),
  );
  const seconds = result.elapsedMs / 1000;
  const encodings = Object.entries(result.encodings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  process.stdout.write(
    `corpus:synth wrote ${result.count} reports, ${result.bytes} bytes (${mb(result.bytes)} MB; ${encodings}) + manifest.jsonl to ${out} in ${seconds.toFixed(1)} s (${Math.round(result.count / seconds)} files/s, seed ${args.seed})\n`,
  );
} catch (error) {
  fail((error as Error).message);
}
