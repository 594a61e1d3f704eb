import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { isClientModule, resolveLocal, runtimeImports, SOURCE_DIRS, sourceFiles } from '../support/imports';
import { repoRoot } from '../support/temp';

/**
 * What `import 'server-only'` would guard, checked from the sources: no module a browser loads
 * (a 'use client' file and everything it imports, type-only imports aside) imports a Node builtin
 * (node:http, node:fs, … — the engine connection, the data folder) or reads an environment
 * variable other than NODE_ENV and NEXT_PUBLIC_* (the keys and secrets). lib/search/queries.ts and
 * engine.ts cannot carry `server-only`: pages/api/search.ts loads them, and there the package throws.
 * The build's secrets scan (npm run check:secrets) checks the output as well.
 */

interface Problem {
  file: string;
  chain: string[];
  what: string;
}

/** Walks the local import graph from `entry`; returns what a browser must not load. */
function serverOnlyReach(entry: string): { visited: number; problems: Problem[] } {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const here = [...chain, path.relative(repoRoot, file)];
    // process.env.X, process.env[…], and process.env as a whole (lib/config reads every variable).
    for (const m of text.matchAll(/process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|(\[)|(?![\w.[]))/g)) {
      const name = m[1];
      if (name === 'NODE_ENV' || name?.startsWith('NEXT_PUBLIC_')) continue;
      problems.push({ file, chain: here, what: `reads process.env${name ? `.${name}` : m[2] ? '[…]' : ''}` });
    }
    for (const specifier of runtimeImports(text)) {
      if (isBuiltin(specifier)) problems.push({ file, chain: here, what: `imports ${specifier}` });
      else if (specifier === 'server-only') problems.push({ file, chain: here, what: "imports 'server-only'" });
      // The validator is server work; in a browser bundle it is 60 KB more to run, and its
      // Function('') probe breaks the page's CSP (no 'unsafe-eval': Lighthouse's best practices).
      else if (specifier === 'zod' || specifier.startsWith('zod/')) problems.push({ file, chain: here, what: 'imports zod' });
      const local = resolveLocal(file, specifier);
      if (local) walk(local, here);
    }
  };
  walk(entry, []);
  return { visited: seen.size, problems };
}

const clientModules = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(repoRoot, d))).filter((f) => isClientModule(readFileSync(f, 'utf8')));

test('the client components are found (the check below has something to check)', () => {
  assert.ok(clientModules.length >= 15, `${clientModules.length} 'use client' modules`);
  const names = clientModules.map((f) => path.relative(repoRoot, f));
  assert.ok(names.includes(path.join('app', 'stats', 'stats-charts.tsx')), names.join(', '));
});

test('no module a browser loads imports a Node builtin, server-only or zod, or reads a secret from the environment', () => {
  const problems: string[] = [];
  let visited = 0;
  for (const file of clientModules) {
    const reach = serverOnlyReach(file);
    visited += reach.visited;
    for (const p of reach.problems) problems.push(`${p.chain.join(' → ')}: ${p.what}`);
  }
  assert.ok(visited > clientModules.length, 'the walk followed imports');
  assert.deepEqual(problems, []);
});

test('the check sees a server module: the search API reaches node:http and the engine settings', () => {
  const reach = serverOnlyReach(path.join(repoRoot, 'lib', 'search', 'api.ts'));
  const what = reach.problems.map((p) => `${path.relative(repoRoot, p.file)}: ${p.what}`);
  assert.ok(
    what.some((w) => w.startsWith(path.join('lib', 'engine', 'transport.ts')) && w.endsWith('node:http')),
    what.join('\n'),
  );
  assert.ok(
    what.some((w) => /reads process\.env/.test(w)),
    what.join('\n'),
  );
});

test('type-only imports load nothing', () => {
  assert.deepEqual(
    runtimeImports(
      "import type { A } from './a';\nimport { type B, type C } from './b';\nimport { d } from './d';\nexport type { E } from './e';\nexport { f } from './f';\nimport './g';",
    ),
    ['./d', './f', './g'],
  );
});
