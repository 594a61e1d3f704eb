import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { generateCorpus, isInside, MANIFEST_FILE, type ManifestEntry, writeCorpus } from '../support/synth/index';

const root = fileURLToPath(new URL('../..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-synth-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const readManifest = (dir: string): ManifestEntry[] =>
  readFileSync(join(dir, MANIFEST_FILE), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

test('writes the reports and a manifest line per file; GBK files decode to the same text', () => {
  const out = join(scratch, 'corpus');
  const result = writeCorpus({ seed: 5, count: 30, out, gbkShare: 0.3 });
  assert.equal(result.count, 30);
  const manifest = readManifest(out);
  assert.equal(manifest.length, 30);
  const expected = [...generateCorpus({ seed: 5, count: 30, gbkShare: 0.3 })];
  let total = 0;
  let gbk = 0;
  manifest.forEach((entry, i) => {
    const bytes = readFileSync(join(out, entry.file));
    assert.equal(bytes.length, entry.bytes);
    total += bytes.length;
    const text = entry.encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, entry.encoding);
    if (entry.encoding !== 'utf-8') {
      gbk++;
      assert.notEqual(bytes.toString('utf8'), text, 'GBK bytes are not UTF-8');
    }
    assert.equal(text, expected[i].text);
  });
  assert.equal(result.bytes, total);
  assert.ok(gbk > 0, 'some files in GBK');
});

test('rewriting a corpus folder clears the old files; a foreign folder is refused', () => {
  const out = join(scratch, 'again');
  writeCorpus({ seed: 1, count: 25, out });
  writeCorpus({ seed: 1, count: 10, out });
  assert.equal(readManifest(out).length, 10);
  assert.ok(!existsSync(join(out, '000', '000020.txt')));

  const foreign = join(scratch, 'foreign');
  mkdirSync(foreign);
  writeFileSync(join(foreign, 'notes.txt'), 'mine');
  assert.throws(() => writeCorpus({ seed: 1, count: 1, out: foreign }), /not empty/);
  assert.equal(readFileSync(join(foreign, 'notes.txt'), 'utf8'), 'mine');
});

function runScript(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/synth-corpus.ts', ...args], { cwd: root, encoding: 'utf8' });
}

test('the command prints a final line with count, bytes and time, and never writes into data/reports', () => {
  const out = join(scratch, 'cli');
  const ok = runScript(['--count', '12', '--out', out, '--seed', 'cli']);
  assert.equal(ok.status, 0, ok.stderr);
  const last = ok.stdout.trim().split('\n').at(-1)!;
  assert.match(last, /wrote 12 reports, \d+ bytes .* in \d+\.\d s/);
  assert.equal(readManifest(out).length, 12);

  const forbidden = join(root, 'data', 'reports', 'synth-test-should-not-exist');
  const refused = runScript(['--count', '1', '--out', forbidden]);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /data\/reports/);
  assert.ok(!existsSync(forbidden));
  assert.ok(isInside(join(root, 'data', 'reports', 'a', 'b'), join(root, 'data', 'reports')));
  assert.ok(!isInside(join(root, 'data', 'reports-synth'), join(root, 'data', 'reports')));

  const bad = runScript(['--count', 'ten', '--out', out]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--count/);
  assert.ok(statSync(out).isDirectory());
});
