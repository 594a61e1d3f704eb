import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './temp';

/** Reading the project's own import graph from its sources, for the architecture checks. */

export const SOURCE_DIRS = ['app', 'components', 'lib', 'pages'];
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs'];

export function sourceFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(full, out);
    else if (EXTENSIONS.includes(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

export const isClientModule = (text: string) => /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use client['"]/.test(text);

/** The specifiers a module loads at run time (type-only imports and exports are erased). */
export function runtimeImports(text: string): string[] {
  const out: string[] = [];
  const statement = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([^'";]*?)\s*(?:from\s*)?['"]([^'"]+)['"]/g;
  for (const m of text.matchAll(statement)) {
    if (m[2]) continue;
    // `import { type A, type B } from` loads nothing either.
    const names = m[3]?.match(/^\{([^}]*)\}$/)?.[1];
    if (names?.split(',').every((n) => !n.trim() || /^type\s/.test(n.trim()))) continue;
    if (m[1] === 'export' && !/from\s*$|^\*|^\{/.test(`${m[3]} from`)) continue;
    out.push(m[4]!);
  }
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

export function resolveLocal(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = path.join(repoRoot, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every local module a file names in an import or export, type-only ones included. */
export function allLocalImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[;\n])\s*(?:import|export)\s[^'";]*?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const resolved = resolveLocal(file, (m[1] ?? m[2])!);
    if (resolved) out.push(resolved);
  }
  return out;
}
