import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { allLocalImports, sourceFiles } from '../support/imports';
import { repoRoot } from '../support/temp';

/**
 * The layers of lib/, lowest first. A report's data flows one way, down them: files and harvested
 * pages → text → report and region → index document → the engine adapter; the product (search,
 * stats, compare, coverage, admin) sits above and reads through the adapter. A module may import
 * its own folder and any lower layer, never a higher one or a sibling of its own layer, so there
 * is no cycle between folders. docs/architecture.md explains each layer.
 */
const LAYERS: string[][] = [
  ['config'],
  ['writer-lock'],
  ['log'],
  ['errors'],
  ['respond'],
  ['ingest'],
  ['harvest'],
  ['region'],
  ['report'],
  ['document'],
  ['engine'],
  ['indexer'],
  ['search'],
  ['opendata'],
  ['charts'],
  ['stats', 'coverage', 'provenance', 'feed'],
  ['compare', 'admin'],
  ['auth'],
  ['openapi'],
];

function domainOf(file: string): string | null {
  const relative = path.relative(path.join(repoRoot, 'lib'), file);
  if (relative.startsWith('..')) return null;
  const [first] = relative.split(path.sep);
  return first!.replace(/\.tsx?$/, '');
}

const rank = new Map(LAYERS.flatMap((names, i) => names.map((name) => [name, i] as const)));
const libFiles = sourceFiles(path.join(repoRoot, 'lib'));

test('every folder of lib/ has its place in the layers', () => {
  const unknown = [...new Set(libFiles.map(domainOf))].filter((d) => d !== null && !rank.has(d));
  assert.deepEqual(unknown, []);
});

test('lib/ imports only downward: no module imports a higher layer or a sibling of its own', () => {
  const problems: string[] = [];
  for (const file of libFiles) {
    const from = domainOf(file)!;
    for (const target of allLocalImports(file, readFileSync(file, 'utf8'))) {
      const to = domainOf(target);
      if (to === null) {
        problems.push(`${path.relative(repoRoot, file)} → ${path.relative(repoRoot, target)} (outside lib/)`);
      } else if (to !== from && !(rank.get(to)! < rank.get(from)!)) {
        problems.push(`${path.relative(repoRoot, file)} → ${path.relative(repoRoot, target)}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('the check sees an upward import', () => {
  const engine = path.join(repoRoot, 'lib', 'engine', 'example.ts');
  const search = path.join(repoRoot, 'lib', 'search', 'params.ts');
  assert.ok(rank.get(domainOf(engine)!)! < rank.get(domainOf(search)!)!);
});
