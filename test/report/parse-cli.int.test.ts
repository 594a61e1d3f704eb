import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { seedPath } from '../support/corpus';
import { repoRoot, tempDir } from '../support/temp';

function parse(args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/parse.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  return {
    status: run.status,
    docs: run.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l)),
    stderr: run.stderr,
  };
}

test('npm run parse reads a file’s .source.json sidecar, or takes --url and --title', () => {
  const dir = tempDir('nianbao-parse-');
  const file = path.join(dir, 'report.txt');
  copyFileSync(seedPath('001_19cc13ecf0eb244d.txt'), file);
  const plain = parse([file]);
  assert.equal(plain.status, 0);
  assert.equal(plain.docs[0].origin, null);

  writeFileSync(`${file}.source.json`, JSON.stringify({ url: 'https://www.haiyuan.gov.cn/xxgk/zfxxgknb/202301/t20230130_1.html', publishedAt: '2023-01-30' }));
  const withSidecar = parse([file]);
  assert.equal(withSidecar.docs[0].origin.url, 'https://www.haiyuan.gov.cn/xxgk/zfxxgknb/202301/t20230130_1.html');
  assert.equal(withSidecar.docs[0].origin.pageDate, '2023-01-30');

  const byHand = parse(['--url', 'https://example.gov.cn/a.html', '--title', '某县2022年政府信息公开工作年度报告', file]);
  assert.equal(byHand.docs[0].origin.url, 'https://example.gov.cn/a.html', '--url wins over the sidecar');
  assert.equal(byHand.docs[0].origin.pageTitle, '某县2022年政府信息公开工作年度报告');

  const bad = parse(['--title', 'x', file]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--title needs --url/);
});
