import { existsSync, readdirSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';

/** What `next build` compiles: a file here newer than the build means the build is stale. */
const BUILD_INPUTS = ['app', 'pages', 'components', 'lib', 'public', 'next.config.mjs', 'package.json', 'tsconfig.json', 'proxy.ts'];

function newestMtime(target: string): number {
  let info: Stats;
  try {
    info = statSync(target);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Whether `.next` holds a build of the current sources (used by `npm run portal` and the benchmarks). */
export function nextBuildState(projectRoot: string): 'missing' | 'stale' | 'current' {
  const buildId = path.join(projectRoot, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return 'missing';
  const builtAt = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(path.join(projectRoot, input)) <= builtAt) ? 'current' : 'stale';
}
